import { queryOptions } from "@tanstack/react-query";

import { correctiveMeasuresGetCorrectiveMeasure } from "../../api/gen/sdk.gen";
import { correctiveMeasuresGetCorrectiveMeasureQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { CorrectiveMeasureRead } from "../../api/gen/types.gen";

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
