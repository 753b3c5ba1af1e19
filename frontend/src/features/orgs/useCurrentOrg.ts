import { useParams } from "@tanstack/react-router";
import type { MembershipRead, Role } from "../../api/gen/types.gen";
import { useMe } from "../auth/useSession";

export interface CurrentOrg {
  slug: string;
  /** The caller's membership in this organisation (undefined only while /me reloads). */
  membership: MembershipRead | undefined;
  /** For display only; what the role allows comes from `useCan()`. */
  role: Role | undefined;
}

/** The organisation of the current `/orgs/$org/...` route and the caller's membership in it. */
export function useCurrentOrg(): CurrentOrg {
  const { org } = useParams({ from: "/_authed/orgs/$org" });
  const me = useMe();
  const membership = me?.memberships.find((m) => m.org_slug === org);
  return { slug: org, membership, role: membership?.role };
}
