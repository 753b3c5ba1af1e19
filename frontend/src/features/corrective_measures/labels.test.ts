import { describe, expect, it } from "vitest";
import { boardStatuses, planGaps, stepFor, toIsoDate, transitionLabel } from "./labels";

describe("stepFor", () => {
  it("follows the lifecycle through the five steps", () => {
    expect(stepFor("open")).toBe(0);
    expect(stepFor("contained")).toBe(1);
    expect(stepFor("analysed")).toBe(2);
    expect(stepFor("planned")).toBe(3);
    expect(stepFor("implemented")).toBe(4);
    expect(stepFor("effectiveness_review")).toBe(4);
    expect(stepFor("closed")).toBe(5);
  });
});

describe("transitionLabel", () => {
  it("names a return to analysis after a review differently", () => {
    expect(transitionLabel("contained", "analysed")).toBe("Mark analysed");
    expect(transitionLabel("effectiveness_review", "analysed")).toBe("Back to analysis");
    expect(transitionLabel("effectiveness_review", "closed")).toBe("Close measure");
  });
});

describe("boardStatuses", () => {
  it("hides cancelled unless asked, and narrows to one status", () => {
    expect(boardStatuses(false)).not.toContain("cancelled");
    expect(boardStatuses(true)).toContain("cancelled");
    expect(boardStatuses(false, "planned")).toEqual(["planned"]);
  });
});

describe("planGaps", () => {
  it("counts actions without owner or due date and those not done", () => {
    expect(
      planGaps([
        { done: true, owner_id: "u", due_date: "2026-01-01" },
        { done: false, owner_id: null, due_date: "2026-01-01" },
        { done: false, owner_id: "u", due_date: null },
      ]),
    ).toEqual({ missingOwnerOrDue: 2, notDone: 2 });
  });
});

describe("toIsoDate", () => {
  it("accepts strings, dates and empties", () => {
    expect(toIsoDate("2026-05-01")).toBe("2026-05-01");
    expect(toIsoDate("2026-05-01 00:00:00")).toBe("2026-05-01");
    expect(toIsoDate(new Date(2026, 4, 1))).toBe("2026-05-01");
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate("")).toBeNull();
  });
});
