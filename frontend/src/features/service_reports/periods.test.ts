import { describe, expect, it } from "vitest";

import { expectedPeriods, isProduced } from "./periods";

describe("expectedPeriods", () => {
  it("gives the last complete calendar months, oldest first", () => {
    expect(expectedPeriods("monthly", "2026-03-15", 2, null)).toEqual([
      { start: "2026-01-01", end: "2026-01-31" },
      { start: "2026-02-01", end: "2026-02-28" },
    ]);
  });

  it("crosses the year for quarters and halves", () => {
    expect(expectedPeriods("quarterly", "2026-02-10", 2, null)).toEqual([
      { start: "2025-07-01", end: "2025-09-30" },
      { start: "2025-10-01", end: "2025-12-31" },
    ]);
    expect(expectedPeriods("half_yearly", "2026-07-01", 1, null)).toEqual([{ start: "2026-01-01", end: "2026-06-30" }]);
    expect(expectedPeriods("yearly", "2026-07-01", 1, null)).toEqual([{ start: "2025-01-01", end: "2025-12-31" }]);
  });

  it("uses ISO weeks (Monday to Sunday)", () => {
    // 2026-12-03 is a Thursday: the last complete week is 23-29 November
    expect(expectedPeriods("weekly", "2026-12-03", 2, null)).toEqual([
      { start: "2026-11-16", end: "2026-11-22" },
      { start: "2026-11-23", end: "2026-11-29" },
    ]);
  });

  it("leaves out periods that ended before reporting was agreed, and on-request reports", () => {
    expect(expectedPeriods("monthly", "2026-03-15", 2, "2026-02-10")).toEqual([{ start: "2026-02-01", end: "2026-02-28" }]);
    expect(expectedPeriods("monthly", "2026-03-15", 2, "2026-03-01")).toEqual([]);
    expect(expectedPeriods("on_request", "2026-03-15", 2, null)).toEqual([]);
  });
});

describe("isProduced", () => {
  it("counts a report whose period ends inside the expected period", () => {
    const feb = { start: "2026-02-01", end: "2026-02-28" };
    expect(isProduced(feb, ["2026-02-28"])).toBe(true);
    expect(isProduced(feb, ["2026-01-31", "2026-03-31"])).toBe(false);
  });
});
