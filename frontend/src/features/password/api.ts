/** The two password-reset calls, as the pages use them (the generated SDK functions). */
import { authConfirmPasswordReset, authRequestPasswordReset } from "../../api/gen/sdk.gen";

export async function requestPasswordReset(email: string): Promise<void> {
  await authRequestPasswordReset({ body: { email } });
}

export async function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  await authConfirmPasswordReset({ body: { token, new_password: newPassword } });
}

export const RESET_TOKEN_INVALID = "urn:certready:problem:reset-token-invalid";
