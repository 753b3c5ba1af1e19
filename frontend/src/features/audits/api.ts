import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";

import { auditsGetAudit } from "../../api/gen/sdk.gen";
import {
  auditProgrammesListAuditProgrammesOptions,
  auditsGetAuditQueryKey,
  frameworksListFrameworkRequirementsOptions,
  membersListMembersOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { AuditDetailRead, MemberRead, Role } from "../../api/gen/types.gen";
import type { ClauseNode } from "./scope";

export const FRAMEWORK = "iso20000-1:2018";

/** The clause tree (reference data; it does not change while the app runs). */
export function useClauseTree() {
  return useQuery({
    ...frameworksListFrameworkRequirementsOptions({ path: { framework: FRAMEWORK }, query: { view: "tree" } }),
    staleTime: Infinity,
    select: (catalogue) => catalogue.items as ClauseNode[],
  });
}

/** ref → title for every node of the catalogue (clause headings for grouping). */
export function clauseTitles(roots: readonly ClauseNode[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: ClauseNode) => {
    out.set(n.ref, n.title);
    (n.children ?? []).forEach(walk);
  };
  (roots ?? []).forEach(walk);
  return out;
}

/** Every member (a few hundred at most; every role may read the list). */
export function useMembers(org: string) {
  return useQuery({
    ...membersListMembersOptions({ path: { org }, query: { limit: 500 } }),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
}

export function memberNames(members: readonly MemberRead[] | undefined): Map<string, string> {
  return new Map((members ?? []).map((m) => [m.user_id, m.full_name]));
}

/** Roles that may lead or join an audit (external auditors: certification-body audits only). */
export const AUDITOR_ROLES: ReadonlySet<Role> = new Set(["admin", "sms_manager", "auditor"]);

export function useProgrammes(org: string) {
  return useQuery({
    ...auditProgrammesListAuditProgrammesOptions({ path: { org }, query: { limit: 500 } }),
    select: (page) => page.items,
  });
}

export interface AuditWithEtag {
  audit: AuditDetailRead;
  /** Sent back as `If-Match` on PATCH. */
  etag: string | null;
}

export function auditWithEtagOptions(org: string, auditId: string) {
  return queryOptions({
    queryKey: [...auditsGetAuditQueryKey({ path: { org, audit_id: auditId } }), "with-etag"] as const,
    queryFn: async ({ signal }): Promise<AuditWithEtag> => {
      const { data, response } = await auditsGetAudit({ path: { org, audit_id: auditId }, signal });
      return { audit: data, etag: response.headers.get("ETag") };
    },
  });
}

/** `If-Match` for a row read from a list (the server's ETag is the quoted version). */
export function ifMatchFor(version: number): string {
  return `"${version}"`;
}

/** Invalidate every query of the given generated operations, whatever their params. */
export async function invalidateOperations(queryClient: QueryClient, operationIds: readonly string[]) {
  await Promise.all(operationIds.map((_id) => queryClient.invalidateQueries({ queryKey: [{ _id }] })));
}

/** Everything an audit change can affect: lists, the audit, checklist, report, coverage, findings. */
export function invalidateAudits(queryClient: QueryClient) {
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

export function invalidateProgrammes(queryClient: QueryClient) {
  return invalidateOperations(queryClient, ["auditProgrammesListAuditProgrammes", "auditProgrammesGetAuditProgramme", "activityListActivity"]);
}
