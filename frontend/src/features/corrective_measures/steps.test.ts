import { describe, expect, it } from "vitest";
import { activeStep, addDaysIso, isEditable, stepsFilled, todayIso } from "./steps";

const base = { correction: "", root_cause: "", root_cause_method: null, actions: [], effectiveness_review: null };

describe("stepsFilled", () => {
  it("is empty for a new measure", () => {
    expect(stepsFilled(base)).toEqual([false, false, false, false, false]);
  });
  it("ticks steps as their data arrives", () => {
    const action = { id: "a", description: "x", owner_id: "u", due_date: "2026-01-01", done: true, done_at: null, evidence_id: null, created_at: "" };
    expect(
      stepsFilled({
        correction: "Fixed",
        root_cause: "No check",
        root_cause_method: "five_whys",
        actions: [action],
        effectiveness_review: { reviewer_id: "v", method: "sample", result: "effective", review_date: "2026-02-01", evidence_id: null, note: "", recorded_at: null },
      }),
    ).toEqual([true, true, true, true, true]);
  });
});

describe("activeStep", () => {
  it("follows the status unless the user picked a step in this status", () => {
    expect(activeStep("analysed", null)).toBe(2);
    expect(activeStep("analysed", { status: "analysed", step: 0 })).toBe(0);
    expect(activeStep("planned", { status: "analysed", step: 0 })).toBe(3);
  });
});

describe("editability", () => {
  it("freezes final measures", () => {
    expect(isEditable("planned")).toBe(true);
    expect(isEditable("closed")).toBe(false);
  });
});

describe("dates", () => {
  it("formats today and adds days across months", () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
    expect(addDaysIso("2026-01-20", 30)).toBe("2026-02-19");
  });
});
