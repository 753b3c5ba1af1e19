import { useMemo } from "react";

import type { Action } from "../../api/gen/types.gen";
import { useCurrentOrg } from "./useCurrentOrg";

/** Whether the caller may take an action (`"measures:write"`) in the current organisation. */
export type Can = (action: Action) => boolean;

/** A `Can` over a membership's permissions; nothing is allowed without one. */
export function canFrom(permissions: readonly Action[] | undefined): Can {
  const allowed = new Set(permissions ?? []);
  return (action) => allowed.has(action);
}

/**
 * What the caller's role allows in the organisation of the current route, as `/me` reports it
 * per membership (from the server's one permission table). It only decides what the SPA
 * offers; the API still checks every call.
 */
export function useCan(): Can {
  const permissions = useCurrentOrg().membership?.permissions;
  return useMemo(() => canFrom(permissions), [permissions]);
}
