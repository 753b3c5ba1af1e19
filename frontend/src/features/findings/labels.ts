import type { ChecklistResult, FindingGrade, FindingSource, FindingStatus } from "../../api/gen/types.gen";

export const GRADE_LABELS: Record<FindingGrade, string> = {
  major_nc: "Major NC",
  minor_nc: "Minor NC",
  observation: "Observation",
  ofi: "OFI",
  area_of_concern: "Stage 1 area of concern",
};

export const GRADE_COLORS: Record<FindingGrade, string> = {
  major_nc: "red",
  minor_nc: "orange",
  observation: "yellow",
  ofi: "blue",
  area_of_concern: "orange",
};

export const GRADE_OPTIONS = (Object.keys(GRADE_LABELS) as FindingGrade[]).map((value) => ({
  value,
  label: GRADE_LABELS[value],
}));

export function isGrade(value: string | null): value is FindingGrade {
  return value !== null && value in GRADE_LABELS;
}

/** Nonconformities go open → action planned → closed; observations and OFIs close with a note. */
export function isNonconformity(grade: FindingGrade): boolean {
  return grade === "major_nc" || grade === "minor_nc";
}

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: "Open",
  action_planned: "Action planned",
  closed: "Closed",
};

export const FINDING_STATUSES: readonly FindingStatus[] = ["open", "action_planned", "closed"];

export const FINDING_STATUS_COLORS: Record<FindingStatus, string> = {
  open: "red",
  action_planned: "orange",
  closed: "teal",
};

export const FINDING_TRANSITION_LABELS: Record<FindingStatus, string> = {
  open: "Reopen",
  action_planned: "Action planned",
  closed: "Close finding",
};

export const SOURCE_LABELS: Record<FindingSource, string> = {
  internal_audit: "Internal audit",
  certification_audit: "Certification audit",
  complaint: "Complaint",
  incident: "Incident",
  management_review: "Management review",
  self_assessment: "Self-assessment",
  other: "Other",
};

/** The grade a finding raised from a checklist line starts with. */
export function gradeForResult(result: ChecklistResult): FindingGrade {
  switch (result) {
    case "observation":
      return "observation";
    case "ofi":
      return "ofi";
    default:
      return "minor_nc";
  }
}
