/** What the API's OpenID Connect callback handed the SPA in the URL fragment. */
export type CallbackResult = { code: string } | { error: string };

export function parseCallbackFragment(hash: string): CallbackResult {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const code = params.get("code");
  if (code) return { code };
  return { error: params.get("error") ?? "missing_code" };
}

const MESSAGES: Record<string, string> = {
  bad_state: "This sign-in was not started in this browser, was already used or took too long. Start again.",
  email_unverified: "Your identity provider has not verified your e-mail address, so it cannot be linked to an account here.",
  no_account: "No organisation here signs in your address through single sign-on. Ask an administrator to invite you.",
  wrong_provider: "Your organisation signs its people in through another identity provider: use that button.",
  disabled: "Your account is disabled.",
  provider_refused: "The identity provider did not sign you in.",
  id_token: "The identity provider's answer could not be verified. Nothing was changed; try again or tell an administrator.",
  token_exchange: "The identity provider refused to complete the sign-in. Start again.",
  exchange: "The sign-in code expired or was already used. Start again.",
};

export function callbackMessage(reason: string): string {
  return MESSAGES[reason] ?? "Single sign-on failed. Try again or tell an administrator.";
}
