import { describe, expect, it } from "vitest";

import { validateItsmRecordsSearch } from "./search";

describe("validateItsmRecordsSearch", () => {
  it("keeps a record id", () => {
    expect(validateItsmRecordsSearch({ record: "0B1C2D3E-4F50-4a6b-8c7d-9e0f1a2b3c4d" })).toEqual({ record: "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d" });
  });
  it("drops anything else", () => {
    expect(validateItsmRecordsSearch({ record: "../evidence" })).toEqual({});
    expect(validateItsmRecordsSearch({ record: 42 })).toEqual({});
    expect(validateItsmRecordsSearch({})).toEqual({});
  });
});
