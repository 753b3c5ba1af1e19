import { describe, expect, it } from "vitest";

import { callbackMessage, parseCallbackFragment } from "./callback";

describe("parseCallbackFragment", () => {
  it("reads the one-time code", () => {
    expect(parseCallbackFragment("#code=abc_123")).toEqual({ code: "abc_123" });
  });
  it("reads the reason of a refusal", () => {
    expect(parseCallbackFragment("#error=bad_state")).toEqual({ error: "bad_state" });
  });
  it("treats an empty fragment as an error", () => {
    expect(parseCallbackFragment("")).toEqual({ error: "missing_code" });
  });
  it("explains known and unknown reasons", () => {
    expect(callbackMessage("email_unverified")).toMatch(/not verified/);
    expect(callbackMessage("whatever")).toMatch(/Single sign-on failed/);
  });
});
