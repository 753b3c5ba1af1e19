import type { ReportFrequency } from "../../api/gen/types.gen";

export const FREQUENCY_LABELS: Record<ReportFrequency, string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  half_yearly: "Half-yearly",
  yearly: "Yearly",
  on_request: "On request",
};
export const FREQUENCY_OPTIONS = (Object.keys(FREQUENCY_LABELS) as ReportFrequency[]).map((value) => ({ value, label: FREQUENCY_LABELS[value] }));

/** How many of the latest expected periods the pages show (RDY-24's default). */
export const EXPECTED_COUNT = 2;

/** Queries a change to a report definition or a produced report makes stale (RDY-24 reads them). */
export const SERVICE_REPORT_OPERATIONS = [
  "serviceReportsListReportDefinitions",
  "serviceReportsGetReportDefinition",
  "serviceReportsListProducedReports",
  "activityListActivity",
  "readinessGetReadiness",
];
