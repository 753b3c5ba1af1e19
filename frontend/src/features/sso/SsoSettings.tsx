import { ActionIcon, Alert, Button, Group, Paper, Select, Skeleton, Stack, TagsInput, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ssoDeleteOrgSso, ssoPutOrgSso } from "../../api/gen/sdk.gen";
import { ssoGetOrgSsoOptions, ssoGetOrgSsoQueryKey, ssoListProvidersOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { OrgSsoRead, Role } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { ROLE_OPTIONS, isRole } from "../orgs/roles";

const NO_JIT = "none";

interface Values {
  provider_id: string | null;
  domains: string[];
  default_role: string;
  mapping: { value: string; role: string }[];
}

function valuesOf(sso: OrgSsoRead): Values {
  return {
    provider_id: sso.provider_id ?? null,
    domains: sso.domains,
    default_role: sso.default_role ?? NO_JIT,
    mapping: Object.entries(sso.role_mapping).map(([value, role]) => ({ value, role })),
  };
}

function SsoForm({ slug, sso, canEdit }: { slug: string; sso: OrgSsoRead; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const providers = useQuery({ ...ssoListProvidersOptions(), staleTime: 60_000 });
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: valuesOf(sso),
    validate: {
      provider_id: (v) => (v ? null : "Choose the identity provider"),
      domains: (v) => (v.length ? null : "Enter at least one e-mail domain"),
    },
  });
  const key = ssoGetOrgSsoQueryKey({ path: { org: slug } });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const role_mapping: Record<string, Role> = {};
      for (const m of values.mapping) if (m.value.trim() && isRole(m.role)) role_mapping[m.value.trim()] = m.role;
      const { data } = await ssoPutOrgSso({
        path: { org: slug },
        body: {
          provider_id: values.provider_id ?? "",
          domains: values.domains.map((d) => d.trim()).filter(Boolean),
          default_role: isRole(values.default_role) ? values.default_role : null,
          role_mapping,
        },
      });
      return data;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      notifySuccess("Single sign-on saved.");
    },
    onError: (error) => handleFormError(form, error, { title: "Could not save single sign-on" }),
  });
  const remove = useMutation({
    mutationFn: () => ssoDeleteOrgSso({ path: { org: slug } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      notifySuccess("Single sign-on turned off.");
    },
  });

  const providerOptions = (providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));

  return (
    <Paper withBorder p="lg" maw={720}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          <Title order={3}>Single sign-on</Title>
          <Text size="sm" c="dimmed">
            People whose e-mail address is at one of these domains sign in through the identity provider. Someone
            without a membership joins with the mapped or default role; an existing account is linked only when the
            provider has verified the address. Every sign-in is in the activity log.
          </Text>
          {!canEdit && (
            <Alert color="gray" role="status">
              Only administrators can change single sign-on.
            </Alert>
          )}
          {providerOptions.length === 0 && !providers.isPending && (
            <Alert color="yellow" role="status">
              This installation has no identity provider configured (CERTREADY_OIDC_PROVIDERS).
            </Alert>
          )}
          <Select
            label="Identity provider"
            data={providerOptions}
            disabled={!canEdit}
            {...form.getInputProps("provider_id")}
          />
          <TagsInput
            label="E-mail domains"
            description="Press Enter after each domain, e.g. example.com. A domain belongs to one organisation."
            disabled={!canEdit}
            {...form.getInputProps("domains")}
          />
          <Select
            label="Default role"
            description="The role of a person of these domains who signs in without a membership."
            data={[{ value: NO_JIT, label: "None: only members and mapped roles" }, ...ROLE_OPTIONS]}
            allowDeselect={false}
            disabled={!canEdit}
            {...form.getInputProps("default_role")}
          />
          <Stack gap="xs">
            <Text fw={500} size="sm">
              Role mapping{sso.role_claim ? ` (claim “${sso.role_claim}”)` : ""}
            </Text>
            <Text size="xs" c="dimmed">
              A value of the provider&apos;s role claim gives that role when the person joins; the highest one wins.
            </Text>
            {form.values.mapping.map((_, i) => (
              <Group key={i} gap="xs" align="flex-end">
                <TextInput
                  aria-label={`Claim value ${i + 1}`}
                  placeholder="claim value, e.g. certready-auditors"
                  disabled={!canEdit}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`mapping.${i}.value`)}
                />
                <Select
                  aria-label={`Role for claim value ${i + 1}`}
                  data={ROLE_OPTIONS}
                  allowDeselect={false}
                  disabled={!canEdit}
                  w={200}
                  {...form.getInputProps(`mapping.${i}.role`)}
                />
                {canEdit && (
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove mapping ${i + 1}`} onClick={() => form.removeListItem("mapping", i)}>
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {canEdit && (
              <Button variant="subtle" size="xs" w="fit-content" onClick={() => form.insertListItem("mapping", { value: "", role: "viewer" })}>
                Add mapping
              </Button>
            )}
          </Stack>
          {canEdit && (
            <Group justify="flex-end" gap="sm">
              {sso.enabled && (
                <Button variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Turn off
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                Save single sign-on
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The organisation's SSO settings (admins edit; members who may read members see them). */
export function SsoSettings({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const query = useQuery(ssoGetOrgSsoOptions({ path: { org: slug } }));
  if (query.isPending) return <Skeleton h={240} maw={720} />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <SsoForm key={JSON.stringify(query.data)} slug={slug} sso={query.data} canEdit={canEdit} />;
}
