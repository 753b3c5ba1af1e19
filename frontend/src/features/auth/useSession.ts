import { useCallback, useSyncExternalStore } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";

import {
  authConfirmEnrolAtSignIn,
  authCreateToken,
  authEnrolAtSignIn,
  authLogout,
  authVerifyMfa,
} from "../../api/gen/sdk.gen";
import { meGetMeOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { MeRead, TotpEnrolment } from "../../api/gen/types.gen";
import { session } from "../../api/client";
import { tokenStore, tokensFromResponse } from "../../lib/auth/tokens";
import { toApiProblem } from "../../lib/problem";

export const MFA_REQUIRED = "urn:certready:problem:mfa-required";

/** The password was right and a second factor is due: `verify` (a code) or `enrol`. */
export interface MfaChallenge {
  token: string;
  step: "verify" | "enrol";
}

/**
 * Log in with e-mail and password (OAuth2 password form) and keep the tokens; with a
 * second factor the API answers 403 `mfa-required` with a short-lived challenge instead.
 */
export async function logIn(email: string, password: string): Promise<MfaChallenge | null> {
  try {
    const { data } = await authCreateToken({ body: { username: email, password } });
    tokenStore.set(tokensFromResponse(data));
    return null;
  } catch (error) {
    const problem = toApiProblem(error);
    const token = problem.extensions.mfa_token;
    const step = problem.extensions.mfa_step;
    if (problem.type === MFA_REQUIRED && typeof token === "string" && (step === "verify" || step === "enrol")) {
      return { token, step };
    }
    throw error;
  }
}

/** The second step: a code from the app or a recovery code. */
export async function verifyMfa(token: string, proof: { code?: string; recovery_code?: string }): Promise<void> {
  const { data } = await authVerifyMfa({ body: { mfa_token: token, ...proof } });
  tokenStore.set(tokensFromResponse(data));
}

/** Enrolment required by an organisation, at sign-in: a new secret. */
export async function startEnrolmentAtSignIn(token: string): Promise<TotpEnrolment> {
  const { data } = await authEnrolAtSignIn({ body: { mfa_token: token } });
  return data;
}

/** Confirm it with the first code: keeps the tokens, returns the recovery codes (shown once). */
export async function confirmEnrolmentAtSignIn(token: string, code: string): Promise<string[]> {
  const { data } = await authConfirmEnrolAtSignIn({ body: { mfa_token: token, code } });
  tokenStore.set(tokensFromResponse(data));
  return data.recovery_codes;
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
