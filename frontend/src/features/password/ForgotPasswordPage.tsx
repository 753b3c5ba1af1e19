import { useState } from "react";
import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { AnchorLink } from "../../components/links";
import { requestPasswordReset } from "./api";

export const RESET_SENT =
  "If an account exists for that address, we have sent a link to choose a new password. It works once and for a limited time; check your spam folder if nothing arrives.";

/** `/forgot-password`: ask for a reset link. The answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "" },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter your e-mail address") },
  });
  const request = useMutation({
    mutationFn: (email: string) => requestPasswordReset(email),
    // The same message whatever happened (202, throttled, unknown address): nothing to enumerate.
    onSettled: (_data, _error, email) => setSent(email),
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack gap="md">
          <div>
            <Text fw={700} c="blue.7" size="lg">
              Certready
            </Text>
            <Title order={1} size="h2">
              Reset your password
            </Title>
          </div>
          {sent ? (
            <>
              <Alert color="blue" role="status" title="Check your e-mail">
                {RESET_SENT}
              </Alert>
              <Text size="sm">
                Sent for <b>{sent}</b>.
              </Text>
            </>
          ) : (
            <form onSubmit={form.onSubmit((v) => request.mutate(v.email.trim()))} noValidate>
              <Stack gap="md">
                <Text size="sm">Enter the e-mail address you sign in with. We will send you a link to choose a new password.</Text>
                <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps("email")} />
                <Button type="submit" loading={request.isPending} fullWidth>
                  Send reset link
                </Button>
              </Stack>
            </form>
          )}
          <AnchorLink to="/login" size="sm">
            ← Back to log in
          </AnchorLink>
        </Stack>
      </Paper>
    </Center>
  );
}
