import { useQuery } from "@tanstack/react-query";

import { membersListMembersOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { Action, MemberRead } from "../../api/gen/types.gen";

/**
 * The organisation's members (a few hundred at most; every role may read the list). With
 * `can`, only those whose role allows that action: the server filters by the permission
 * table, so a picker of owners never offers someone who could not act on what they own.
 */
export function useMembers(org: string, can?: Action) {
  return useQuery({
    ...membersListMembersOptions({ path: { org }, query: { limit: 500, can } }),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
}

/** user id → full name (for showing who owns, raised or reviewed something). */
export function memberNames(members: readonly MemberRead[] | undefined): Map<string, string> {
  return new Map((members ?? []).map((m) => [m.user_id, m.full_name]));
}

export interface MemberOption {
  value: string;
  label: string;
}

export function memberOptions(members: readonly MemberRead[] | undefined): MemberOption[] {
  return (members ?? []).map((m) => ({ value: m.user_id, label: m.full_name }));
}

/** Members as select options, optionally only those whose role allows `can`. */
export function useMemberOptions(org: string, can?: Action): MemberOption[] {
  return memberOptions(useMembers(org, can).data);
}
