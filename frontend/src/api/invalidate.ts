/**
 * What a write makes stale, in one place. Generated query keys start with
 * `{ _id: <operationId>, ... }`, so a partial key `[{ _id }]` matches every cached query of
 * that operation whatever its parameters (every page, filter and organisation).
 */
import type { QueryClient } from "@tanstack/react-query";

/** Invalidate every query of the given generated operations. */
export async function invalidateOperations(queryClient: QueryClient, operationIds: readonly string[]): Promise<void> {
  await Promise.all(operationIds.map((_id) => queryClient.invalidateQueries({ queryKey: [{ _id }] })));
}

/** Everything that shows requirement status: lists, summary, details, activity. */
export function invalidateRequirements(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, [
    "requirementsListRequirements",
    "requirementsSummarizeRequirements",
    "requirementsGetRequirement",
    "activityListActivity",
  ]);
}

/** Evidence lists, items and their versions, and the activity log. */
export function invalidateEvidence(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, [
    "evidenceListEvidence",
    "evidenceGetEvidence",
    "evidenceListEvidenceVersions",
    "activityListActivity",
  ]);
}

/** Everything an audit change can affect: lists, the audit, checklist, report, coverage, findings. */
export function invalidateAudits(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, [
    "auditsListAudits",
    "auditsGetAudit",
    "auditsGetAuditChecklist",
    "auditsGetAuditReport",
    "auditsGetAuditCoverage",
    "findingsListFindings",
    "findingsGetFinding",
    "activityListActivity",
  ]);
}

export function invalidateProgrammes(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, ["auditProgrammesListAuditProgrammes", "auditProgrammesGetAuditProgramme", "activityListActivity"]);
}

/** A measure change can move its findings (planned → action planned) and the activity log. */
export function invalidateMeasures(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, [
    "correctiveMeasuresListCorrectiveMeasures",
    "correctiveMeasuresGetCorrectiveMeasure",
    "findingsListFindings",
    "findingsGetFinding",
    "activityListActivity",
  ]);
}
