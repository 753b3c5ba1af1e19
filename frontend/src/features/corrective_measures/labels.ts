import type { EffectivenessResult, MeasureStatus, RootCauseMethod } from "../../api/gen/types.gen";

/** Board order of the lifecycle (ISO/IEC 20000-1 10.1; iso20000.md section 5). */
export const MEASURE_STATUSES: readonly MeasureStatus[] = [
  "open",
  "contained",
  "analysed",
  "planned",
  "implemented",
  "effectiveness_review",
  "closed",
  "cancelled",
];

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  open: "Open",
  contained: "Contained",
  analysed: "Analysed",
  planned: "Planned",
  implemented: "Implemented",
  effectiveness_review: "Effectiveness review",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const MEASURE_STATUS_COLORS: Record<MeasureStatus, string> = {
  open: "red",
  contained: "orange",
  analysed: "yellow",
  planned: "blue",
  implemented: "indigo",
  effectiveness_review: "grape",
  closed: "teal",
  cancelled: "gray",
};

export const ROOT_CAUSE_METHOD_LABELS: Record<RootCauseMethod, string> = {
  five_whys: "5 whys",
  fishbone: "Fishbone (Ishikawa)",
  other: "Other",
};

export const EFFECTIVENESS_LABELS: Record<EffectivenessResult, string> = {
  effective: "Effective",
  not_effective: "Not effective",
};

export function isMeasureStatus(value: string | null): value is MeasureStatus {
  return value !== null && value in MEASURE_STATUS_LABELS;
}

/** The label of the button that moves a measure from `from` to `to`. */
export function transitionLabel(from: MeasureStatus, to: MeasureStatus): string {
  switch (to) {
    case "contained":
      return "Mark contained";
    case "analysed":
      return from === "effectiveness_review" ? "Back to analysis" : "Mark analysed";
    case "planned":
      return "Mark planned";
    case "implemented":
      return "Mark implemented";
    case "effectiveness_review":
      return "Start effectiveness review";
    case "closed":
      return "Close measure";
    case "cancelled":
      return "Cancel measure";
    case "open":
      return "Reopen";
  }
}

export const STEPS = [
  { label: "Correction", description: "Contain and correct" },
  { label: "Root cause", description: "Method, result, extent" },
  { label: "Action plan", description: "Owner, due date" },
  { label: "Implementation", description: "Actions done, SMS changes" },
  { label: "Effectiveness", description: "Independent review" },
] as const;

/** The guided step (0-4) a measure in `status` is working on; closed is past the last one. */
export function stepFor(status: MeasureStatus): number {
  switch (status) {
    case "open":
    case "cancelled":
      return 0;
    case "contained":
      return 1;
    case "analysed":
      return 2;
    case "planned":
      return 3;
    case "implemented":
    case "effectiveness_review":
      return 4;
    case "closed":
      return 5;
  }
}

/** Board columns: cancelled measures only when asked for. */
export function boardStatuses(showCancelled: boolean, only: MeasureStatus | null = null): MeasureStatus[] {
  return MEASURE_STATUSES.filter((s) => (only ? s === only : showCancelled || s !== "cancelled"));
}

export interface ActionLike {
  done: boolean;
  owner_id: string | null;
  due_date: string | null;
}

/** What still stands between the action plan and the next state (mirrors the server guards). */
export function planGaps(actions: readonly ActionLike[]): { missingOwnerOrDue: number; notDone: number } {
  return {
    missingOwnerOrDue: actions.filter((a) => a.owner_id === null || a.due_date === null).length,
    notDone: actions.filter((a) => !a.done).length,
  };
}

/** A calendar date from a Mantine date input value ("2026-05-01" or a Date) for the API. */
export function toIsoDate(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, "0");
    const d = String(value.getDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}
