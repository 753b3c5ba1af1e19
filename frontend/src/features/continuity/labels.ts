import type { TestResult } from "../../api/gen/types.gen";

export const TEST_RESULT_LABELS: Record<TestResult, string> = { passed: "Passed", passed_with_issues: "Passed with issues", failed: "Failed" };
export const TEST_RESULT_COLORS: Record<TestResult, string> = { passed: "teal", passed_with_issues: "orange", failed: "red" };
export const TEST_RESULT_OPTIONS = (Object.keys(TEST_RESULT_LABELS) as TestResult[]).map((value) => ({ value, label: TEST_RESULT_LABELS[value] }));

/** Queries a change to a continuity plan or test makes stale (RDY-21 reads them). */
export const CONTINUITY_OPERATIONS = [
  "continuityListContinuityPlans",
  "continuityGetContinuityPlan",
  "continuityListContinuityTests",
  "activityListActivity",
  "readinessGetReadiness",
];
