import { useParams } from "@tanstack/react-router";
import type { MembershipRead, Role } from "../../api/gen/types.gen";
import { useMe } from "../auth/useSession";

export interface CurrentOrg {
  slug: string;
  /** The caller's membership in this organisation (undefined only while /me reloads). */
  membership: MembershipRead | undefined;
  role: Role | undefined;
  isAdmin: boolean;
}

/** The organisation of the current `/orgs/$org/...` route and the caller's role in it. */
export function useCurrentOrg(): CurrentOrg {
  const { org } = useParams({ from: "/_authed/orgs/$org" });
  const me = useMe();
  const membership = me?.memberships.find((m) => m.org_slug === org);
  return { slug: org, membership, role: membership?.role, isAdmin: membership?.role === "admin" };
}
