import { useCallback, useSyncExternalStore } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";

import { authCreateToken, authLogout } from "../../api/gen/sdk.gen";
import { meGetMeOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { MeRead } from "../../api/gen/types.gen";
import { session } from "../../api/client";
import { tokenStore, tokensFromResponse } from "../../lib/auth/tokens";

/** Log in with e-mail and password (OAuth2 password form) and keep the tokens. */
export async function logIn(email: string, password: string): Promise<void> {
  const { data } = await authCreateToken({ body: { username: email, password } });
  tokenStore.set(tokensFromResponse(data));
}

/** True while this tab holds a session. */
export function useIsLoggedIn(): boolean {
  return useSyncExternalStore(tokenStore.subscribe, () => tokenStore.get() !== null);
}

/** The signed-in user with their memberships (loaded by the route guard). */
export function useMe(): MeRead | undefined {
  return useQuery(meGetMeOptions()).data;
}

/** Revoke the refresh token on the server, then forget everything locally. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    if (tokenStore.get()) {
      try {
        // Logout needs a valid access token: renew an expired one first so that the
        // server really revokes the refresh token instead of answering 401.
        await session.ensureFresh();
        const tokens = tokenStore.get();
        if (tokens) await authLogout({ body: { refresh_token: tokens.refreshToken, all: false } });
      } catch {
        // Already expired or the server is unreachable: the local session ends anyway.
      }
    }
    tokenStore.clear();
    queryClient.clear();
    await router.navigate({ to: "/login" });
  }, [queryClient, router]);
}
