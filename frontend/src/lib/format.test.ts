import { describe, expect, it } from "vitest";
import { daysUntil, formatDate, formatWait } from "./format";

describe("format", () => {
  it("formats calendar dates without shifting the day", () => {
    expect(formatDate("2026-03-31")).toMatch(/31/);
    expect(formatDate(null)).toBe("—");
  });
  it("counts days to a date", () => {
    const today = new Date(2026, 0, 1, 23, 30);
    expect(daysUntil("2026-01-11", today)).toBe(10);
    expect(daysUntil("2025-12-31", today)).toBe(-1);
  });
  it("words a wait", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(45)).toBe("45 seconds");
    expect(formatWait(896)).toBe("15 minutes");
  });
});
