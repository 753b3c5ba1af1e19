import { useState } from "react";
import { Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { OrgRead } from "../../api/gen/types.gen";
import { meGetMeQueryKey, orgsCreateOrgMutation } from "../../api/gen/@tanstack/react-query.gen";
import { handleFormError } from "../../lib/forms";
import { toApiProblem } from "../../lib/problem";
import { slugError, slugify } from "../../lib/slug";

/** Name + slug (derived from the name until edited); the creator becomes the org's admin. */
export function CreateOrgForm({ onCreated }: { onCreated: (org: OrgRead) => void }) {
  const queryClient = useQueryClient();
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", slug: "" },
    validate: {
      name: (v) => (v.trim() ? null : "Enter the organisation's name"),
      slug: (v) => slugError(v),
    },
  });

  const create = useMutation({
    ...orgsCreateOrgMutation(),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: meGetMeQueryKey() });
      onCreated(data);
    },
    onError: (error) => {
      const problem = toApiProblem(error);
      // 409 here means the slug is taken: say so next to the field.
      if (problem.status === 409) form.setFieldError("slug", problem.detail ?? "This slug is already taken");
      else handleFormError(form, problem, { title: "Could not create the organisation" });
    },
  });
  const submit = form.onSubmit((values) => create.mutate({ body: { name: values.name.trim(), slug: values.slug } }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Organisation name"
          required
          {...form.getInputProps("name")}
          onChange={(event) => {
            const name = event.currentTarget.value;
            form.setFieldValue("name", name);
            if (!slugEdited) form.setFieldValue("slug", slugify(name));
          }}
        />
        <TextInput
          label="Slug"
          description={`Used in addresses: /orgs/${form.values.slug || "your-org"}`}
          required
          {...form.getInputProps("slug")}
          onChange={(event) => {
            setSlugEdited(true);
            form.setFieldValue("slug", event.currentTarget.value.toLowerCase());
          }}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Create organisation
        </Button>
      </Stack>
    </form>
  );
}
