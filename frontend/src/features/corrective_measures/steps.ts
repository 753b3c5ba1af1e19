import type { CorrectiveMeasureRead, MeasureStatus } from "../../api/gen/types.gen";
import { stepFor } from "./labels";

/** States in which the measure's fields may still change (closed / cancelled are records). */
export function isEditable(status: MeasureStatus): boolean {
  return status !== "closed" && status !== "cancelled";
}

/** Which of the five steps hold their data (for the stepper's ticks). */
export function stepsFilled(m: Pick<CorrectiveMeasureRead, "correction" | "root_cause" | "root_cause_method" | "actions" | "effectiveness_review">): boolean[] {
  return [
    m.correction.trim() !== "",
    m.root_cause_method !== null && m.root_cause.trim() !== "",
    m.actions.length > 0 && m.actions.every((a) => a.owner_id !== null && a.due_date !== null),
    m.actions.length > 0 && m.actions.every((a) => a.done),
    m.effectiveness_review !== null && m.effectiveness_review.result === "effective",
  ];
}

/** The step to show: the user's pick while the status it was picked in holds, else the status's step. */
export function activeStep(status: MeasureStatus, picked: { status: MeasureStatus; step: number } | null): number {
  return picked && picked.status === status ? picked.step : stepFor(status);
}

/** Today as a calendar date (the default for "when" fields). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** A calendar date `days` after `from`. */
export function addDaysIso(from: string, days: number): string {
  const [y, m, d] = from.split("-").map(Number);
  return todayIso(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}
