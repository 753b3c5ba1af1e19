import { PasswordInput, Stack } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";

import { StrengthMeter } from "./StrengthMeter";

export interface NewPasswordValues {
  new_password: string;
  confirm: string;
}

/** Validation shared by the change and reset forms (the server's policy still decides). */
export const newPasswordRules = {
  new_password: (v: string) => (v ? null : "Enter a new password"),
  confirm: (v: string, values: NewPasswordValues) => (v === values.new_password ? null : "The passwords do not match"),
};

/** New password (with the strength meter) and its confirmation. */
export function NewPasswordFields<T extends NewPasswordValues>({
  form,
  userInputs,
  autoFocus,
}: {
  form: UseFormReturnType<T>;
  userInputs?: string[];
  autoFocus?: boolean;
}) {
  const values = form.getValues();
  return (
    <>
      <Stack gap={6}>
        <PasswordInput
          label="New password"
          description="At least 8 characters. A few unrelated words make a strong one."
          autoComplete="new-password"
          required
          autoFocus={autoFocus}
          {...form.getInputProps("new_password")}
        />
        <StrengthMeter password={values.new_password} userInputs={userInputs} />
      </Stack>
      <PasswordInput
        label="Confirm new password"
        autoComplete="new-password"
        required
        {...form.getInputProps("confirm")}
      />
    </>
  );
}
