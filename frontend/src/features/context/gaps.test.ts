import { describe, expect, it } from "vitest";

import type { ContextRead } from "../../api/gen/types.gen";
import { contextGaps } from "./gaps";

const EMPTY: ContextRead = {
  id: "c",
  summary: "",
  climate_change_relevant: null,
  climate_change_reasoning: "",
  approved: false,
  approved_on: null,
  approved_by_id: null,
  reviewed_on: null,
  issues: [],
  parties: [],
  version: 1,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
};

describe("contextGaps", () => {
  it("lists everything a new record lacks", () => {
    expect(contextGaps(EMPTY, "2026-12-03")).toEqual([
      "no internal issue recorded",
      "no external issue recorded",
      "whether climate change is relevant is not stated",
      "no interested party relevant to the SMS",
      "not approved",
      "never reviewed",
    ]);
  });

  it("ignores retired issues and parties not relevant, and wants the reasoning", () => {
    const rec: ContextRead = {
      ...EMPTY,
      climate_change_relevant: false,
      issues: [
        { id: "1", kind: "internal", description: "Staff turnover", active: false },
        { id: "2", kind: "external", description: "Regulation", active: true },
      ],
      parties: [{ id: "p", name: "Press", kind: "other", requirements: "", relevant: false }],
    };
    const gaps = contextGaps(rec, "2026-12-03");
    expect(gaps).toContain("no internal issue recorded");
    expect(gaps).not.toContain("no external issue recorded");
    expect(gaps).toContain("the climate-change statement gives no reasoning");
    expect(gaps).toContain("no interested party relevant to the SMS");
  });

  it("is empty for a complete record approved within 12 months, and flags an old review", () => {
    const rec: ContextRead = {
      ...EMPTY,
      climate_change_relevant: true,
      climate_change_reasoning: "Heat waves threaten the data centre cooling.",
      approved: true,
      approved_on: "2025-12-03",
      issues: [
        { id: "1", kind: "internal", description: "Staff turnover", active: true },
        { id: "2", kind: "external", description: "Regulation", active: true },
      ],
      parties: [{ id: "p", name: "Customers", kind: "customer", requirements: "Availability", relevant: true }],
    };
    expect(contextGaps(rec, "2026-12-03")).toEqual([]);
    expect(contextGaps(rec, "2026-12-04")).toEqual(["last reviewed 2025-12-03, more than 12 months ago"]);
    expect(contextGaps({ ...rec, reviewed_on: "2026-11-01" }, "2026-12-04")).toEqual([]);
  });
});
