import { queryOptions, useInfiniteQuery, useQuery, type InfiniteData, type QueryClient } from "@tanstack/react-query";

import { requirementsGetRequirement } from "../../api/gen/sdk.gen";
import {
  requirementsGetRequirementQueryKey,
  requirementsListRequirementsInfiniteOptions,
  requirementsListRequirementsOptions,
  requirementsListRequirementsQueryKey,
  requirementsSummarizeRequirementsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { RequirementDetailRead, RequirementPage, RequirementRead } from "../../api/gen/types.gen";
import { useMe } from "../auth/useSession";
import { useCan } from "../orgs/useCan";
import type { RequirementsSearch } from "./search";

/** The catalogue has 57 assessable requirements; one page normally holds them all. */
const PAGE_SIZE = 500;

/** Grouping clauses (4, 8.6, 8.5.1, ...): titles for the tree; they carry no status. */
export function useRequirementGroups(org: string) {
  return useQuery({
    ...requirementsListRequirementsOptions({ path: { org }, query: { assessable: "false", limit: PAGE_SIZE } }),
    staleTime: 10 * 60_000,
    select: (page) => page.items,
  });
}

/** The assessable requirements matching the filters, cursor-paged. */
export function useRequirementRows(org: string, search: RequirementsSearch) {
  const query = {
    limit: PAGE_SIZE,
    clause: search.clause,
    status: search.status,
    owner_id: search.owner,
    not_occurring: search.not_occurring,
    q: search.q,
  };
  return useInfiniteQuery({
    ...requirementsListRequirementsInfiniteOptions({ path: { org }, query }),
    // First page: no cursor (a null page param would be taken for a params object).
    initialPageParam: { path: { org }, query: {} },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useRequirementSummary(org: string) {
  return useQuery(requirementsSummarizeRequirementsOptions({ path: { org } }));
}

export interface RequirementWithEtag {
  requirement: RequirementDetailRead;
  /** Sent back as `If-Match` on PATCH. */
  etag: string | null;
}

export function requirementWithEtagOptions(org: string, ref: string) {
  return queryOptions({
    queryKey: [...requirementsGetRequirementQueryKey({ path: { org, ref } }), "with-etag"] as const,
    queryFn: async ({ signal }): Promise<RequirementWithEtag> => {
      const { data, response } = await requirementsGetRequirement({ path: { org, ref }, signal });
      return { requirement: data, etag: response.headers.get("ETag") };
    },
  });
}

function isInfinite(data: unknown): data is InfiniteData<RequirementPage> {
  return typeof data === "object" && data !== null && "pages" in data;
}

/** Put fresh rows (from a PATCH or bulk answer) into every cached list, before the refetch. */
export function patchCachedRows(queryClient: QueryClient, org: string, rows: readonly RequirementRead[]): void {
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  const swap = (page: RequirementPage): RequirementPage => ({
    ...page,
    items: page.items.map((item) => {
      const fresh = byRef.get(item.ref);
      return fresh ? { ...item, ...pickRow(fresh) } : item;
    }),
  });
  queryClient.setQueriesData<InfiniteData<RequirementPage> | RequirementPage>(
    { queryKey: [{ _id: requirementsListRequirementsQueryKey({ path: { org } })[0]._id }] },
    (data) => {
      if (!data) return data;
      return isInfinite(data) ? { ...data, pages: data.pages.map(swap) } : swap(data);
    },
  );
}

function pickRow(r: RequirementRead): RequirementRead {
  return {
    ref: r.ref,
    title: r.title,
    depth: r.depth,
    parent_ref: r.parent_ref,
    assessable: r.assessable,
    status: r.status,
    owner_id: r.owner_id,
    owner: r.owner,
    target_date: r.target_date,
    notes: r.notes,
    not_occurring: r.not_occurring,
    not_occurring_justification: r.not_occurring_justification,
    version: r.version,
    updated_at: r.updated_at,
    updated_by: r.updated_by,
  };
}

export type EditScope = "all" | "own" | "none";

/** Who may change what: `requirements:edit` every row, `requirements:edit_own` the caller's own rows. */
export function useEditScope(): { scope: EditScope; userId: string | undefined; canEdit: (row: RequirementRead) => boolean } {
  const can = useCan();
  const me = useMe();
  const scope: EditScope = can("requirements:edit") ? "all" : can("requirements:edit_own") ? "own" : "none";
  return {
    scope,
    userId: me?.id,
    canEdit: (row) => scope === "all" || (scope === "own" && row.owner_id !== null && row.owner_id === me?.id),
  };
}
