import { describe, expect, it } from "vitest";
import { validateMeasuresSearch } from "./search";

describe("validateMeasuresSearch", () => {
  it("keeps a finding id and drops anything else", () => {
    const id = "7b0e4a36-6a39-4a43-9f1e-2f3f2f0b0c11";
    expect(validateMeasuresSearch({ finding: id })).toEqual({ finding: id });
    expect(validateMeasuresSearch({ finding: "<script>" })).toEqual({});
    expect(validateMeasuresSearch({})).toEqual({});
  });
});
