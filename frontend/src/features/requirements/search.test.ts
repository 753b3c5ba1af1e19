import { describe, expect, it } from "vitest";
import { hasFilters, validateRequirementsSearch } from "./search";

describe("validateRequirementsSearch", () => {
  it("keeps well-formed filters", () => {
    expect(
      validateRequirementsSearch({
        clause: "8.6",
        status: ["in_progress", "planned", "in_progress"],
        owner: "0b7a3c1e-1111-4a2b-9c3d-123456789abc",
        not_occurring: "true",
        q: " incident ",
      }),
    ).toEqual({
      clause: "8.6",
      status: ["in_progress", "planned"],
      owner: "0b7a3c1e-1111-4a2b-9c3d-123456789abc",
      not_occurring: true,
      q: "incident",
    });
  });

  it("drops malformed values, including a 'not applicable' status", () => {
    expect(
      validateRequirementsSearch({ clause: "8.x", status: ["not_applicable"], owner: "me", not_occurring: "maybe", q: "" }),
    ).toEqual({});
    expect(validateRequirementsSearch({ clause: 8, status: "implemented" })).toEqual({ clause: "8", status: ["implemented"] });
  });

  it("tells whether any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ not_occurring: false })).toBe(true);
  });
});
