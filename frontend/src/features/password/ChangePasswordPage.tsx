import { Button, Container, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { meChangePassword } from "../../api/gen/sdk.gen";
import { AnchorLink } from "../../components/links";
import { tokenStore } from "../../lib/auth/tokens";
import { handleFormError } from "../../lib/forms";
import { useMe } from "../auth/useSession";
import { NewPasswordFields, newPasswordRules } from "./NewPasswordFields";

/** The signed-in person changes their password; every session ends, so they sign in again. */
export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { current_password: "", new_password: "", confirm: "" },
    validate: {
      current_password: (v) => (v ? null : "Enter your current password"),
      ...newPasswordRules,
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      meChangePassword({ body: { current_password: values.current_password, new_password: values.new_password } }),
    onSuccess: async () => {
      // The server has ended every session, this one included.
      tokenStore.clear();
      queryClient.clear();
      await navigate({ to: "/login", search: { notice: "password-changed" } });
    },
    onError: (error) => {
      handleFormError(form, error, { title: "Could not change the password" });
    },
  });

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <AnchorLink to="/orgs" size="sm">
          ← Organisations
        </AnchorLink>
        <Title order={1} size="h2">
          Change password
        </Title>
        <Paper withBorder p="lg">
          <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
            <Stack gap="md">
              <PasswordInput
                label="Current password"
                autoComplete="current-password"
                required
                autoFocus
                {...form.getInputProps("current_password")}
              />
              <NewPasswordFields form={form} userInputs={me ? [me.email, me.full_name] : []} />
              <Text size="sm" c="dimmed">
                You will be signed out on every device and asked to sign in with the new password.
              </Text>
              <div>
                <Button type="submit" loading={change.isPending}>
                  Change password
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
