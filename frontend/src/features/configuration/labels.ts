import type { CiStatus, VerificationResult } from "../../api/gen/types.gen";

export const CI_STATUS_LABELS: Record<CiStatus, string> = { planned: "Planned", active: "Active", maintenance: "In maintenance", retired: "Retired" };
export const CI_STATUS_COLORS: Record<CiStatus, string> = { planned: "blue", active: "teal", maintenance: "orange", retired: "gray" };
export const CI_STATUS_OPTIONS = (Object.keys(CI_STATUS_LABELS) as CiStatus[]).map((value) => ({ value, label: CI_STATUS_LABELS[value] }));

export const RESULT_LABELS: Record<VerificationResult, string> = { pass: "Passed", partial: "Partly passed", fail: "Failed" };
export const RESULT_COLORS: Record<VerificationResult, string> = { pass: "teal", partial: "orange", fail: "red" };
export const RESULT_OPTIONS = (Object.keys(RESULT_LABELS) as VerificationResult[]).map((value) => ({ value, label: RESULT_LABELS[value] }));

/** Queries a change to the CMDB makes stale (the readiness verdict reads it too). */
export const CONFIGURATION_OPERATIONS = [
  "configurationListConfigurationItems",
  "configurationGetConfigurationItem",
  "configurationListCmdbVerifications",
  "activityListActivity",
  "readinessGetReadiness",
];

/** The columns the import accepts (backend/certready/configuration/importer.py). */
export const CSV_COLUMNS = { required: ["key", "name", "type"], optional: ["status", "owner", "last_verified", "description", "service"] };
