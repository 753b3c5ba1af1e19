import { describe, expect, it } from "vitest";

import { validateFindingsSearch } from "./search";

describe("validateFindingsSearch", () => {
  it("keeps a known grade and drops anything else", () => {
    expect(validateFindingsSearch({ grade: "ofi" })).toEqual({ grade: "ofi" });
    expect(validateFindingsSearch({ grade: "nope" })).toEqual({});
    expect(validateFindingsSearch({ grade: 3, other: "x" })).toEqual({});
    expect(validateFindingsSearch({})).toEqual({});
  });
});
