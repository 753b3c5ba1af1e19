import { describe, expect, it } from "vitest";
import { validateEvidenceSearch } from "./search";

describe("validateEvidenceSearch", () => {
  it("keeps a documented-information key", () => {
    expect(validateEvidenceSearch({ fulfils: "D8" })).toEqual({ fulfils: "D8" });
    expect(validateEvidenceSearch({ fulfils: " r3 " })).toEqual({ fulfils: "R3" });
  });
  it("drops anything else", () => {
    expect(validateEvidenceSearch({})).toEqual({});
    expect(validateEvidenceSearch({ fulfils: "<script>" })).toEqual({});
    expect(validateEvidenceSearch({ fulfils: 8 })).toEqual({});
  });
});
