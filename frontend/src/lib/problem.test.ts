import { describe, expect, it } from "vitest";
import { ApiProblem, locToPath, mapProblemToFields, parseRetryAfter, toApiProblem } from "./problem";

function problemResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { "Content-Type": "application/problem+json", ...headers } });
}

describe("ApiProblem.fromResponse", () => {
  it("reads the RFC 9457 members and keeps extensions", () => {
    const p = ApiProblem.fromResponse(
      { type: "urn:certready:problem:illegal-transition", title: "Illegal state transition", status: 409, detail: "No.", allowed: ["open"] },
      problemResponse(409),
    );
    expect(p).toBeInstanceOf(ApiProblem);
    expect(p).toBeInstanceOf(Error);
    expect(p.status).toBe(409);
    expect(p.title).toBe("Illegal state transition");
    expect(p.detail).toBe("No.");
    expect(p.message).toBe("No.");
    expect(p.extensions).toEqual({ allowed: ["open"] });
  });

  it("takes Retry-After from the header, else from the body", () => {
    const body = { type: "t", title: "Too Many Requests", status: 429, retry_after: 12 };
    expect(ApiProblem.fromResponse(body, problemResponse(429, { "Retry-After": "30" })).retryAfter).toBe(30);
    expect(ApiProblem.fromResponse(body, problemResponse(429)).retryAfter).toBe(12);
  });

  it("parses the 422 errors list", () => {
    const p = ApiProblem.fromResponse(
      { type: "t", title: "Unprocessable Content", status: 422, errors: [{ loc: ["body", "admin", "email"], msg: "not an email", type: "value_error" }, "junk"] },
      problemResponse(422),
    );
    expect(p.isValidation).toBe(true);
    expect(p.errors).toEqual([{ loc: ["body", "admin", "email"], msg: "not an email", type: "value_error" }]);
  });

  it("does not show a non-problem body (e.g. a proxy's HTML page)", () => {
    const p = ApiProblem.fromResponse("<html>Bad gateway</html>", new Response(null, { status: 502, statusText: "Bad Gateway" }));
    expect(p.status).toBe(502);
    expect(p.title).toBe("Bad Gateway");
    expect(p.detail).toBeUndefined();
  });
});

describe("toApiProblem", () => {
  it("passes ApiProblem through and wraps everything else", () => {
    const p = new ApiProblem({ title: "x", status: 404 });
    expect(toApiProblem(p)).toBe(p);
    expect(toApiProblem({ title: "Forbidden", status: 403 }).status).toBe(403);
    expect(toApiProblem(new Error("boom")).detail).toBe("boom");
    expect(toApiProblem("weird").status).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  it("accepts seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("422 errors → form fields", () => {
  it("drops the request part of loc", () => {
    expect(locToPath(["body", "admin", "email"])).toBe("admin.email");
    expect(locToPath(["query", "limit"])).toBe("limit");
    expect(locToPath(["body", "items", 0, "name"])).toBe("items.0.name");
  });

  it("maps known fields, applies aliases and reports the rest", () => {
    const p = new ApiProblem({
      title: "Unprocessable Content",
      status: 422,
      errors: [
        { loc: ["body", "organisation", "slug"], msg: "bad slug", type: "value_error" },
        { loc: ["body", "organisation", "slug"], msg: "second message", type: "value_error" },
        { loc: ["body", "username"], msg: "required", type: "missing" },
        { loc: ["body", "unknown_field"], msg: "extra", type: "extra_forbidden" },
        { loc: ["body"], msg: "whole body wrong", type: "value_error" },
      ],
    });
    const { fields, unmatched } = mapProblemToFields(p, ["organisation.name", "organisation.slug", "email"], { username: "email" });
    expect(fields).toEqual({ "organisation.slug": "bad slug", email: "required" });
    expect(unmatched).toEqual(["unknown_field: extra", "whole body wrong"]);
  });
});
