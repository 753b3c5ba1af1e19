import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";

import { correctiveMeasuresGetCorrectiveMeasure } from "../../api/gen/sdk.gen";
import { correctiveMeasuresGetCorrectiveMeasureQueryKey, evidenceListEvidenceOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { CorrectiveMeasureRead, Role } from "../../api/gen/types.gen";
import { invalidateOperations } from "../audits/api";

/** Roles that may change corrective measures (measures:write). */
export const MEASURE_WRITERS: ReadonlySet<Role> = new Set(["admin", "sms_manager", "process_owner"]);

export interface MeasureWithEtag {
  measure: CorrectiveMeasureRead;
  /** Sent back as `If-Match` on PATCH. */
  etag: string | null;
}

export function measureWithEtagOptions(org: string, measureId: string) {
  return queryOptions({
    queryKey: [...correctiveMeasuresGetCorrectiveMeasureQueryKey({ path: { org, measure_id: measureId } }), "with-etag"] as const,
    queryFn: async ({ signal }): Promise<MeasureWithEtag> => {
      const { data, response } = await correctiveMeasuresGetCorrectiveMeasure({ path: { org, measure_id: measureId }, signal });
      return { measure: data, etag: response.headers.get("ETag") };
    },
  });
}

/** A measure change can move its findings (planned → action planned) and the activity log. */
export function invalidateMeasures(queryClient: QueryClient) {
  return invalidateOperations(queryClient, [
    "correctiveMeasuresListCorrectiveMeasures",
    "correctiveMeasuresGetCorrectiveMeasure",
    "findingsListFindings",
    "findingsGetFinding",
    "activityListActivity",
  ]);
}

/** Evidence items as select options ("E-3 Change procedure"). */
export function useEvidenceOptions(org: string) {
  return useQuery({
    ...evidenceListEvidenceOptions({ path: { org }, query: { limit: 500 } }),
    staleTime: 60_000,
    select: (page) => page.items.map((e) => ({ value: e.id, label: `${e.key} ${e.title}` })),
  });
}
