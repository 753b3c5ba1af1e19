import { Alert, Button, Group, Paper, Skeleton, Stack, Switch, Text, Textarea, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { orgsUpdateOrg } from "../../api/gen/sdk.gen";
import { meGetMeQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { OrgRead, OrgUpdate } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { orgWithEtagQueryKey, useOrg, type OrgWithEtag } from "./useOrg";
import { useCan } from "./useCan";
import { useCurrentOrg } from "./useCurrentOrg";
import { SsoSettings } from "../sso/SsoSettings";

function valuesOf(org: OrgRead) {
  return {
    name: org.name,
    sms_scope: org.sms_scope,
    target_certification_date: org.target_certification_date ?? null,
    certification_body: org.certification_body,
    certification_decision_date: org.certification_decision_date ?? null,
    require_mfa: org.require_mfa,
  };
}

function SettingsForm({ data, canEdit, onStale }: { data: OrgWithEtag; canEdit: boolean; onStale: () => Promise<unknown> }) {
  const { org, etag } = data;
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: valuesOf(org),
    validate: { name: (v) => (v.trim() ? null : "Enter the organisation's name") },
  });

  const save = useMutation({
    // Not the generated factory: the answer's ETag is needed for the next save.
    mutationFn: async (body: OrgUpdate) => {
      const { data: saved, response } = await orgsUpdateOrg({
        path: { org: org.slug },
        // The ETag from our read: the server answers 412 if someone saved in between.
        headers: etag ? { "if-match": etag } : undefined,
        body,
      });
      return { org: saved, etag: response.headers.get("ETag") };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<OrgWithEtag>(orgWithEtagQueryKey(org.slug), saved);
      // The organisation's name also appears in /me (switcher, menus).
      void queryClient.invalidateQueries({ queryKey: meGetMeQueryKey() });
      notifySuccess("Organisation settings saved.");
    },
    onError: async (error) => {
      const problem = toApiProblem(error);
      if (problem.status === 412 || problem.status === 428) {
        notifications.show({
          color: "orange",
          title: "Not saved",
          message: "The organisation was changed by someone else — reloaded. Review the current values and save again.",
        });
        await onStale();
      } else {
        handleFormError(form, error, { title: "Could not save the settings" });
      }
    },
  });
  const { isPending } = save;

  const submit = form.onSubmit((values) =>
    save.mutate({
      name: values.name.trim(),
      sms_scope: values.sms_scope.trim(),
      target_certification_date: values.target_certification_date || null,
      certification_body: values.certification_body.trim(),
      certification_decision_date: values.certification_decision_date || null,
      require_mfa: values.require_mfa,
    }),
  );

  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3}>Organisation</Title>
          {!canEdit && (
            <Alert color="gray" role="status">
              Only administrators can change these settings.
            </Alert>
          )}
          <TextInput label="Name" required disabled={!canEdit} {...form.getInputProps("name")} />
          <Textarea
            label="SMS scope statement"
            description="The services, locations and organisational units the service management system covers (clause 4.3)."
            autosize
            minRows={3}
            maxRows={12}
            disabled={!canEdit}
            {...form.getInputProps("sms_scope")}
          />
          <DateInput
            label="Target certification date"
            valueFormat="YYYY-MM-DD"
            clearable
            disabled={!canEdit}
            {...form.getInputProps("target_certification_date")}
          />
          <TextInput
            label="Certification body"
            description="The accredited body that will audit you."
            disabled={!canEdit}
            {...form.getInputProps("certification_body")}
          />
          <DateInput
            label="Certification decision date"
            description="When the certification body decided on certification, once it has."
            valueFormat="YYYY-MM-DD"
            clearable
            disabled={!canEdit}
            {...form.getInputProps("certification_decision_date")}
          />
          <Switch
            label="Require a second factor (TOTP) for every member"
            description="Members without an authenticator app set up are made to enrol at their next sign-in; sessions without one are not renewed. Set up your own second factor first (your account's Two-factor page)."
            disabled={!canEdit}
            {...form.getInputProps("require_mfa", { type: "checkbox" })}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Slug: {org.slug} · revision {org.version}
            </Text>
            {canEdit && (
              <Group gap="sm">
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || isPending}>
                  Discard changes
                </Button>
                <Button type="submit" loading={isPending}>
                  Save settings
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function OrgSettingsPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const canEdit = can("org:update");
  const query = useOrg(slug);

  return (
    <Stack gap="lg">
      <Title order={2}>Settings</Title>
      {query.isPending && <Skeleton h={360} maw={720} />}
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        // Re-mount the form whenever the server copy changes (after save or a 412 reload).
        <SettingsForm
          key={`${query.data.etag ?? ""}:${query.data.org.version}`}
          data={query.data}
          canEdit={canEdit}
          onStale={() => query.refetch()}
        />
      )}
      {can("members:read") && <SsoSettings slug={slug} canEdit={can("members:manage")} />}
    </Stack>
  );
}
