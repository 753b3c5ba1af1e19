import { queryOptions, useQuery } from "@tanstack/react-query";

import { auditsGetAudit } from "../../api/gen/sdk.gen";
import { auditProgrammesListAuditProgrammesOptions, auditsGetAuditQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditDetailRead } from "../../api/gen/types.gen";
import { memberOptions, useMembers, type MemberOption } from "../members/api";

/**
 * Who may lead or join an audit: members who may manage audits and, on certification-body
 * audits, also those who conduct them (the certification body's external auditors).
 */
export function useAuditorOptions(org: string, certificationBody: boolean): MemberOption[] {
  const managers = useMembers(org, "audits:manage").data ?? [];
  const conductors = useMembers(org, "audits:conduct").data ?? [];
  const byId = new Map([...managers, ...(certificationBody ? conductors : [])].map((m) => [m.user_id, m]));
  // The API lists by e-mail; keep that order for the merged list.
  return memberOptions([...byId.values()].sort((a, b) => a.email.localeCompare(b.email)));
}

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
