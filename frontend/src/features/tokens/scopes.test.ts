import { describe, expect, it } from "vitest";

import { tokenState } from "./scopes";

describe("tokenState", () => {
  it("is active while the server says so", () => {
    expect(tokenState({ revoked_at: null, active: true })).toBe("active");
  });
  it("is expired when inactive and not revoked", () => {
    expect(tokenState({ revoked_at: null, active: false })).toBe("expired");
  });
  it("is revoked once revoked", () => {
    expect(tokenState({ revoked_at: "2026-12-01T00:00:00Z", active: false })).toBe("revoked");
  });
});
