import type { RecordKind, RecordPriority, RecordStatus } from "../../api/gen/types.gen";

export const KIND_LABELS: Record<RecordKind, string> = {
  incident: "Incident",
  service_request: "Service request",
  problem: "Problem",
  known_error: "Known error",
  change: "Change",
  release: "Release",
  other: "Other",
};
export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as RecordKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));

export const STATUS_LABELS: Record<RecordStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
  cancelled: "Cancelled",
};
export const STATUS_COLORS: Record<RecordStatus, string> = { open: "blue", in_progress: "orange", resolved: "teal", closed: "gray", cancelled: "gray" };
export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as RecordStatus[]).map((value) => ({ value, label: STATUS_LABELS[value] }));

export const PRIORITY_LABELS: Record<RecordPriority, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", very_low: "Very low" };

/** The clause each kind of record is evidence for (backend KIND_CLAUSES). */
export const CLAUSE_OPTIONS = [
  { value: "8.6.1", label: "8.6.1 Incident management" },
  { value: "8.6.2", label: "8.6.2 Service request management" },
  { value: "8.6.3", label: "8.6.3 Problem management" },
  { value: "8.5.1", label: "8.5.1 Change management" },
  { value: "8.5.3", label: "8.5.3 Release and deployment" },
];

/** Queries a delivery, a retry or new mapping rules make stale. */
export const ITSM_OPERATIONS = [
  "integrationsListIntegrations",
  "integrationsGetIntegration",
  "integrationsListDeliveries",
  "integrationsListRecords",
  "integrationsGetRecord",
  "activityListActivity",
];
