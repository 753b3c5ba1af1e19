import { queryOptions, useQuery } from "@tanstack/react-query";
import { orgsGetOrg } from "../../api/gen/sdk.gen";
import { orgsGetOrgQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { OrgRead } from "../../api/gen/types.gen";

export interface OrgWithEtag {
  org: OrgRead;
  /** Sent back as `If-Match` on PATCH (optimistic concurrency). */
  etag: string | null;
}

export function orgWithEtagQueryKey(org: string) {
  return [...orgsGetOrgQueryKey({ path: { org } }), "with-etag"] as const;
}

/** GET /orgs/{org}, keeping the response's ETag next to the data. */
export function orgWithEtagOptions(org: string) {
  return queryOptions({
    queryKey: orgWithEtagQueryKey(org),
    queryFn: async ({ signal }): Promise<OrgWithEtag> => {
      const { data, response } = await orgsGetOrg({ path: { org }, signal });
      return { org: data, etag: response.headers.get("ETag") };
    },
  });
}

export function useOrg(org: string) {
  return useQuery(orgWithEtagOptions(org));
}
