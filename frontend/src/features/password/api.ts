/**
 * The two password-reset calls. Until the endpoints' commit (helper `reset`) is on main and the
 * client is regenerated, they go through the generated client's `post` with the exact paths;
 * then they become thin wrappers of the generated SDK functions.
 */
import { client } from "../../api/gen/client.gen";

export async function requestPasswordReset(email: string): Promise<void> {
  await client.post({ url: "/api/v1/auth/password-reset", body: { email }, headers: { "Content-Type": "application/json" } });
}

export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  await client.post({
    url: "/api/v1/auth/password-reset/confirm",
    body: { token, new_password: newPassword },
    headers: { "Content-Type": "application/json" },
  });
}

export const RESET_TOKEN_INVALID = "urn:certready:problem:reset-token-invalid";
