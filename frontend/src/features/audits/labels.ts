import type { AuditStatus, AuditType, ChecklistResult } from "../../api/gen/types.gen";

export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  internal: "Internal audit",
  stage1: "Stage 1 (certification)",
  stage2: "Stage 2 (certification)",
  surveillance: "Surveillance (certification)",
  recertification: "Recertification",
};

/** Audits run by the certification body (they accept external auditors). */
export const CERTIFICATION_BODY_TYPES: ReadonlySet<AuditType> = new Set(["stage1", "stage2", "surveillance", "recertification"]);

export const AUDIT_TYPE_OPTIONS = (Object.keys(AUDIT_TYPE_LABELS) as AuditType[]).map((value) => ({
  value,
  label: AUDIT_TYPE_LABELS[value],
}));

export function isAuditType(value: string | null): value is AuditType {
  return value !== null && value in AUDIT_TYPE_LABELS;
}

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  reporting: "Reporting",
  closed: "Closed",
  cancelled: "Cancelled",
};

export const AUDIT_STATUS_COLORS: Record<AuditStatus, string> = {
  planned: "gray",
  in_progress: "blue",
  reporting: "violet",
  closed: "teal",
  cancelled: "dark",
};

/** The action that moves an audit into a status (button text). */
export const AUDIT_TRANSITION_LABELS: Record<AuditStatus, string> = {
  planned: "Back to planned",
  in_progress: "Start audit",
  reporting: "Move to reporting",
  closed: "Close audit",
  cancelled: "Cancel audit",
};

export const RESULT_LABELS: Record<ChecklistResult, string> = {
  not_assessed: "Not assessed",
  conforming: "Conforming",
  nonconforming: "Nonconforming",
  observation: "Observation",
  ofi: "OFI",
};

export const RESULT_COLORS: Record<ChecklistResult, string> = {
  not_assessed: "gray",
  conforming: "teal",
  nonconforming: "red",
  observation: "yellow",
  ofi: "blue",
};

/** The one-click results of a checklist line, in button order. */
export const ASSESSMENT_RESULTS: readonly ChecklistResult[] = ["conforming", "nonconforming", "observation", "ofi"];
