import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";

import { membersAddMemberMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { MemberRead, Role } from "../../api/gen/types.gen";
import { handleFormError } from "../../lib/forms";
import { isRole, ROLE_OPTIONS } from "../orgs/roles";

interface Props {
  org: string;
  opened: boolean;
  onClose: () => void;
  onAdded: (member: MemberRead) => void;
}

/** Add a person to the organisation; the API creates the user account when the e-mail is new. */
export function AddMemberModal({ org, opened, onClose, onAdded }: Props) {
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", full_name: "", role: "viewer" as Role, password: "" },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : "Enter a valid e-mail address"),
      full_name: (v) => (v.trim() ? null : "Enter the person's full name"),
      role: (v) => (isRole(v) ? null : "Choose a role"),
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  const add = useMutation({
    ...membersAddMemberMutation(),
    onSuccess: (data) => {
      form.reset();
      onAdded(data);
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the member" }),
  });
  const submit = form.onSubmit((values) =>
    add.mutate({
      path: { org },
      body: {
        email: values.email.trim(),
        full_name: values.full_name.trim(),
        role: values.role,
        password: values.password || null,
      },
    }),
  );

  return (
    <Modal opened={opened} onClose={close} title="Add member" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label="Email" type="email" required data-autofocus {...form.getInputProps("email")} />
          <TextInput label="Full name" required {...form.getInputProps("full_name")} />
          <Select
            label="Role"
            required
            data={ROLE_OPTIONS}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("role")}
          />
          <PasswordInput
            label="Initial password"
            description="For a new account; the person should change it after the first login. Leave empty if they already have an account."
            autoComplete="new-password"
            {...form.getInputProps("password")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
