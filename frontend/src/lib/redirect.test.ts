import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps same-origin paths", () => {
    expect(safeRedirect("/orgs/acme/members?x=1")).toBe("/orgs/acme/members?x=1");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "orgs/acme", "/login", "/setup", "", 42, null])(
    "refuses %j",
    (value) => {
      expect(safeRedirect(value)).toBeUndefined();
    },
  );
});
