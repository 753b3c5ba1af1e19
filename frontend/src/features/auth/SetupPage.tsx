import { useState } from "react";
import { Button, Center, Divider, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { setupGetSetupStatusQueryKey, setupRunSetupMutation } from "../../api/gen/@tanstack/react-query.gen";
import { handleFormError } from "../../lib/forms";
import { slugError, slugify } from "../../lib/slug";
import { logIn } from "./useSession";
import { LoadDemo } from "./LoadDemo";

/** First run: create the first organisation and its administrator, then log in. */
export function SetupPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [slugEdited, setSlugEdited] = useState(false);

  const form = useForm({
    mode: "controlled",
    initialValues: {
      organisation: { name: "", slug: "" },
      admin: { full_name: "", email: "", password: "" },
      confirm_password: "",
    },
    validate: {
      organisation: {
        name: (v) => (v.trim() ? null : "Enter the organisation's name"),
        slug: (v) => slugError(v),
      },
      admin: {
        full_name: (v) => (v.trim() ? null : "Enter your full name"),
        email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : "Enter a valid e-mail address"),
        password: (v) => (v ? null : "Choose a password"),
      },
      confirm_password: (v, values) => (v === values.admin.password ? null : "The passwords do not match"),
    },
  });

  const nameProps = form.getInputProps("organisation.name");
  const slugProps = form.getInputProps("organisation.slug");

  const setup = useMutation({
    ...setupRunSetupMutation(),
    onSuccess: async (_data, { body: { organisation, admin } }) => {
      queryClient.setQueryData(setupGetSetupStatusQueryKey(), { needed: false });
      try {
        await logIn(admin.email, admin.password);
        await navigate({ to: "/orgs/$org/dashboard", params: { org: organisation.slug } });
      } catch {
        // Created but the automatic login failed (e.g. throttled): log in by hand.
        await navigate({ to: "/login" });
      }
    },
    onError: (error) => handleFormError(form, error, { title: "Could not create the organisation" }),
  });

  const submit = form.onSubmit((values) =>
    setup.mutate({
      body: {
        organisation: { name: values.organisation.name.trim(), slug: values.organisation.slug },
        admin: { email: values.admin.email.trim(), full_name: values.admin.full_name.trim(), password: values.admin.password },
      },
    }),
  );

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={520} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text fw={700} c="blue.7" size="lg">
                Certready
              </Text>
              <Title order={1} size="h2">
                Welcome — let's set up Certready
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                Create your organisation and its first administrator. You can invite the rest of
                your team afterwards.
              </Text>
            </div>
            <Divider label="Organisation" labelPosition="left" />
            <TextInput
              label="Organisation name"
              required
              autoFocus
              {...nameProps}
              onChange={(event) => {
                const name = event.currentTarget.value;
                form.setFieldValue("organisation.name", name);
                if (!slugEdited) form.setFieldValue("organisation.slug", slugify(name));
              }}
            />
            <TextInput
              label="Slug"
              description={`Used in addresses: /orgs/${form.values.organisation.slug || "your-org"}`}
              required
              {...slugProps}
              onChange={(event) => {
                setSlugEdited(true);
                form.setFieldValue("organisation.slug", event.currentTarget.value.toLowerCase());
              }}
            />
            <Divider label="Administrator" labelPosition="left" />
            <TextInput label="Full name" autoComplete="name" required {...form.getInputProps("admin.full_name")} />
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps("admin.email")} />
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              required
              {...form.getInputProps("admin.password")}
            />
            <PasswordInput
              label="Confirm password"
              autoComplete="new-password"
              required
              {...form.getInputProps("confirm_password")}
            />
            <Button type="submit" loading={setup.isPending}>
              Create organisation
            </Button>
            <Divider label="or" labelPosition="center" />
            <LoadDemo />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
