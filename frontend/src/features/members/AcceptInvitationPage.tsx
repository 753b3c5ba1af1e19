import { Alert, Anchor, Button, Center, Divider, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";

import {
  invitationsAcceptInvitationMutation,
  invitationsRegisterFromInvitationMutation,
  meGetMeOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import { invitationsLookupInvitation } from "../../api/gen/sdk.gen";
import type { InvitationAccepted, InvitationPreview } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { notifyProblem } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { logIn, useIsLoggedIn } from "../auth/useSession";
import { roleLabel } from "../orgs/roles";

/** `/invite/<token>`: accept with the signed-in account, or create one (name + password). */
export function AcceptInvitationPage() {
  const { token } = useParams({ from: "/invite/$token" });
  const loggedIn = useIsLoggedIn();
  const preview = useQuery({
    queryKey: ["invitationPreview", token],
    queryFn: async () => (await invitationsLookupInvitation({ body: { token } })).data,
    retry: false,
    staleTime: Infinity,
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={460} maw="100%">
        <Stack gap="md">
          <div>
            <Text fw={700} c="blue.7" size="lg">
              Certready
            </Text>
            <Title order={1} size="h2">
              Invitation
            </Title>
          </div>
          {preview.isPending && <Loader aria-label="Loading the invitation" />}
          {preview.isError && (
            <Alert color="red" role="alert" title="This invitation link cannot be used">
              {toApiProblem(preview.error).detail ?? "Ask the organisation's admin for a new invitation."}
            </Alert>
          )}
          {preview.data && (
            <>
              <Text>
                You are invited to <b>{preview.data.organisation_name}</b> as{" "}
                <b>{roleLabel(preview.data.role)}</b> ({preview.data.email}).
              </Text>
              {loggedIn ? <AcceptSignedIn token={token} invitation={preview.data} /> : <Register token={token} invitation={preview.data} />}
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function useLandInOrg() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (accepted: InvitationAccepted) => {
    // the new membership must be in /me before the organisation's routes load
    queryClient.removeQueries();
    await navigate({ to: "/orgs/$org/dashboard", params: { org: accepted.org_slug } });
  };
}

function AcceptSignedIn({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const me = useQuery(meGetMeOptions());
  const land = useLandInOrg();
  const accept = useMutation({
    ...invitationsAcceptInvitationMutation(),
    onSuccess: land,
    onError: (error) => notifyProblem(error, "Could not accept the invitation"),
  });
  if (!me.data) return <Loader aria-label="Loading your account" />;
  if (me.data.email.toLowerCase() !== invitation.email) {
    return (
      <Alert color="orange" title="Signed in with another address">
        You are signed in as {me.data.email}. Log out, then open the link again and sign in as {invitation.email}.
      </Alert>
    );
  }
  return (
    <Button onClick={() => accept.mutate({ body: { token } })} loading={accept.isPending}>
      Accept as {me.data.email}
    </Button>
  );
}

function Register({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const land = useLandInOrg();
  const form = useForm({
    mode: "controlled",
    initialValues: { full_name: "", password: "", confirm_password: "" },
    validate: {
      full_name: (v) => (v.trim() ? null : "Enter your full name"),
      password: (v) => (v.length >= 8 ? null : "Use at least 8 characters"),
      confirm_password: (v, values) => (v === values.password ? null : "The passwords do not match"),
    },
  });
  const register = useMutation({
    ...invitationsRegisterFromInvitationMutation(),
    onSuccess: async (accepted, { body }) => {
      await logIn(accepted.email, body.password);
      await land(accepted);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not create the account" }),
  });
  const submit = form.onSubmit((values) =>
    register.mutate({ body: { token, full_name: values.full_name.trim(), password: values.password } }),
  );
  const loginHref = `/login?redirect=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <Stack gap="md">
      <Text size="sm">
        Already have a Certready account with {invitation.email}?{" "}
        <Anchor component={Link} to={loginHref}>
          Log in to accept
        </Anchor>
        .
      </Text>
      <Divider label="New to Certready" labelPosition="center" />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Email" value={invitation.email} readOnly />
          <TextInput label="Full name" required autoComplete="name" {...form.getInputProps("full_name")} />
          <PasswordInput label="Password" required autoComplete="new-password" {...form.getInputProps("password")} />
          <PasswordInput
            label="Confirm password"
            required
            autoComplete="new-password"
            {...form.getInputProps("confirm_password")}
          />
          <Button type="submit" loading={register.isPending} fullWidth>
            Create account and join
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
