import { useState } from "react";
import { Alert, Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { AnchorLink, ButtonLink } from "../../components/links";
import { handleFormError } from "../../lib/forms";
import { toApiProblem } from "../../lib/problem";
import { confirmPasswordReset } from "./api";
import { NewPasswordFields, newPasswordRules } from "./NewPasswordFields";

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack gap="md">
          <div>
            <Text fw={700} c="blue.7" size="lg">
              Certready
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

/** The link cannot be used (unknown, used, replaced, expired): say so and offer a new one. */
function InvalidLink({ detail }: { detail?: string }) {
  return (
    <Frame title="Reset your password">
      <Alert color="red" role="alert" title="This reset link is not valid">
        {detail ?? "It may have been used already, replaced by a newer link, or expired."}
      </Alert>
      <ButtonLink to="/forgot-password">Request a new link</ButtonLink>
      <AnchorLink to="/login" size="sm">
        ← Back to log in
      </AnchorLink>
    </Frame>
  );
}

/** `/reset-password?token=…`: choose a new password with the token of the e-mailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<"form" | "done" | { invalid: string | undefined }>("form");
  const form = useForm({
    mode: "controlled",
    initialValues: { new_password: "", confirm: "" },
    validate: newPasswordRules,
  });
  const reset = useMutation({
    mutationFn: (password: string) => confirmPasswordReset(token, password),
    onSuccess: () => setState("done"),
    onError: (error) => {
      const problem = toApiProblem(error);
      // 422: the policy refused the password (the link stays usable) → on the field.
      if (problem.isValidation && problem.errors.length > 0) {
        handleFormError(form, error, { title: "Could not set the password" });
      } else if (problem.status >= 400 && problem.status < 500 && problem.status !== 429) {
        setState({ invalid: problem.detail });
      } else {
        handleFormError(form, error, { title: "Could not set the password" });
      }
    },
  });

  if (!token) return <InvalidLink detail="The link has no token. Open the whole link from the e-mail, or ask for a new one." />;
  if (typeof state === "object") return <InvalidLink detail={state.invalid} />;
  if (state === "done") {
    return (
      <Frame title="Password changed">
        <Alert color="green" role="status" title="Your password has been changed">
          You have been signed out everywhere. Sign in with your new password.
        </Alert>
        <ButtonLink to="/login" autoFocus>
          Sign in
        </ButtonLink>
      </Frame>
    );
  }
  return (
    <Frame title="Choose a new password">
      <form onSubmit={form.onSubmit((v) => reset.mutate(v.new_password))} noValidate>
        <Stack gap="md">
          <NewPasswordFields form={form} autoFocus />
          <Button type="submit" loading={reset.isPending} fullWidth>
            Set new password
          </Button>
        </Stack>
      </form>
      <AnchorLink to="/login" size="sm">
        ← Back to log in
      </AnchorLink>
    </Frame>
  );
}
