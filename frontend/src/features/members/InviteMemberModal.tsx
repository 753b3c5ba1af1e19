import { useState } from "react";
import { Alert, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { membersCreateInvitationMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { InvitationCreated, Role } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { isRole, roleLabel, ROLE_OPTIONS } from "../orgs/roles";

interface Props {
  org: string;
  opened: boolean;
  onClose: () => void;
  onInvited: (invitation: InvitationCreated) => void;
}

/**
 * Invite an e-mail address with a role. The answer is the same whether or not the address has
 * an account; without mail configured, the accept link is shown here once to hand on.
 */
export function InviteMemberModal({ org, opened, onClose, onInvited }: Props) {
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", role: "viewer" as Role },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : "Enter a valid e-mail address"),
      role: (v) => (isRole(v) ? null : "Choose a role"),
    },
  });

  const close = () => {
    form.reset();
    setCreated(null);
    onClose();
  };

  const invite = useMutation({
    ...membersCreateInvitationMutation(),
    onSuccess: (data) => {
      form.reset();
      setCreated(data);
      onInvited(data);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not invite" }),
  });
  const submit = form.onSubmit((values) =>
    invite.mutate({ path: { org }, body: { email: values.email.trim(), role: values.role } }),
  );

  return (
    <Modal opened={opened} onClose={close} title="Invite member" centered>
      {created ? (
        <Stack gap="md">
          {created.accept_url ? (
            <>
              <Alert color="blue" title="Invitation created">
                No mail server is configured: send this link to {created.email} yourself. It is shown only
                now, works once and expires on {created.expires_at.slice(0, 10)}.
              </Alert>
              <TextInput label="Invitation link" readOnly value={created.accept_url} onFocus={(e) => e.currentTarget.select()} />
              <Group justify="flex-end" gap="sm">
                <CopyButton value={created.accept_url}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy}>
                      {copied ? "Copied" : "Copy link"}
                    </Button>
                  )}
                </CopyButton>
                <Button onClick={close}>Done</Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">
                An invitation to join as {roleLabel(created.role)} was mailed to <b>{created.email}</b>. It expires on{" "}
                {created.expires_at.slice(0, 10)}.
              </Text>
              <Group justify="flex-end">
                <Button onClick={close}>Done</Button>
              </Group>
            </>
          )}
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps("email")} />
            <Select
              label="Role"
              required
              data={ROLE_OPTIONS}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("role")}
            />
            <Text size="xs" c="dimmed">
              The person accepts with their existing account or creates one; inviting the address again replaces an
              open invitation.
            </Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Send invitation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
