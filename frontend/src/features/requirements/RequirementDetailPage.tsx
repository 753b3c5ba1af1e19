import { useEffect } from "react";
import {
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import { requirementsUpdateRequirementMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { ActivityRead, ImplementationStatus, RequirementDetailRead, RequirementUpdate } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { formatDate, formatDateTime } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { RequirementEvidence } from "../evidence/RequirementEvidence";
import { invalidateRequirements } from "../../api/invalidate";
import { useMemberOptions } from "../members/api";
import { requirementWithEtagOptions, useEditScope } from "./api";
import { StatusBadge } from "./RequirementsPage";
import { etagFor, isStatus, STATUS_OPTIONS } from "./status";

const ROUTE = "/_authed/orgs/$org/requirements/$ref" as const;

interface FormValues {
  status: ImplementationStatus;
  owner_id: string | null;
  target_date: string | null;
  notes: string;
  not_occurring: boolean;
  not_occurring_justification: string;
}

function valuesOf(r: RequirementDetailRead): FormValues {
  return {
    status: r.status ?? "not_started",
    owner_id: r.owner_id,
    target_date: r.target_date,
    notes: r.notes ?? "",
    not_occurring: r.not_occurring ?? false,
    not_occurring_justification: r.not_occurring_justification ?? "",
  };
}

function fmt(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One history entry: who, when, and each changed field as before → after (text only). */
function HistoryItem({ entry }: { entry: ActivityRead }) {
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <Timeline.Item title={entry.summary}>
      <Text size="xs" c="dimmed">
        {entry.actor_name || "System"} · {formatDateTime(entry.at)}
      </Text>
      {fields.length > 0 && (
        <Stack gap={2} mt={4}>
          {fields.map((f) => (
            <Text key={f} size="xs">
              <Code>{f}</Code> {fmt(before[f])} → {fmt(after[f])}
            </Text>
          ))}
        </Stack>
      )}
    </Timeline.Item>
  );
}

function StatusForm({ org, requirement, etag }: { org: string; requirement: RequirementDetailRead; etag: string | null }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(org, "requirements:edit_own");
  const { canEdit } = useEditScope();
  const editable = canEdit(requirement);
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: valuesOf(requirement),
    validate: {
      not_occurring_justification: (v, values) =>
        values.not_occurring && !v.trim() ? "Give the justification (e.g. the approved statement) for not occurring" : null,
    },
  });

  // A new version arrived (saved here, or reloaded after a 412): show it.
  useEffect(() => {
    form.setValues(valuesOf(requirement));
    form.resetDirty(valuesOf(requirement));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requirement.version]);

  const ownerOptions =
    requirement.owner && !members.some((m) => m.value === requirement.owner?.id)
      ? [...members, { value: requirement.owner.id, label: requirement.owner.name }]
      : members;

  const save = useMutation({
    ...requirementsUpdateRequirementMutation(),
    onSuccess: async () => {
      notifySuccess(`Requirement ${requirement.ref} saved.`);
      await invalidateRequirements(queryClient);
    },
    onError: async (error) => {
      const p = toApiProblem(error);
      if (p.status === 412) await invalidateRequirements(queryClient);
      // Field errors go on the fields; the server's explanation (e.g. no exclusions) is shown too.
      else if (p.isValidation) handleFormError({ getValues: form.getValues, setErrors: form.setErrors }, p, { title: "Not saved" });
    },
  });
  // Every refusal is shown above the form until closed (or the next save).
  const problem = save.error ? toApiProblem(save.error) : null;

  const submit = form.onSubmit((values) => {
    const body: RequirementUpdate = {};
    if (form.isDirty("status")) body.status = values.status;
    if (form.isDirty("owner_id")) body.owner_id = values.owner_id;
    if (form.isDirty("target_date")) body.target_date = values.target_date;
    if (form.isDirty("notes")) body.notes = values.notes;
    if (form.isDirty("not_occurring")) body.not_occurring = values.not_occurring;
    if (values.not_occurring && form.isDirty("not_occurring_justification")) {
      body.not_occurring_justification = values.not_occurring_justification;
    }
    if (Object.keys(body).length === 0) return;
    save.mutate({ path: { org, ref: requirement.ref }, headers: { "if-match": etag ?? etagFor(requirement.version) }, body });
  });

  return (
    <Card withBorder radius="md" component="section" aria-label="Implementation status">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>Implementation status</Title>
          {problem && (
            <ProblemAlert
              problem={problem}
              title={problem.status === 412 ? "Changed by someone else meanwhile: the form now shows the current values" : undefined}
              onClose={save.reset}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Status"
              data={STATUS_OPTIONS}
              allowDeselect={false}
              disabled={!editable}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("status")}
              onChange={(v) => isStatus(v) && form.setFieldValue("status", v)}
            />
            <Select
              label="Owner"
              placeholder="No owner"
              data={ownerOptions}
              clearable
              searchable
              disabled={!editable}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("owner_id")}
            />
            <DateInput
              label="Target date"
              placeholder="None"
              valueFormat="D MMM YYYY"
              clearable
              disabled={!editable}
              popoverProps={{ withinPortal: true }}
              value={form.values.target_date}
              error={form.errors.target_date}
              onChange={(v) => form.setFieldValue("target_date", v ? String(v).slice(0, 10) : null)}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} maxRows={8} disabled={!editable} {...form.getInputProps("notes")} />
          <Switch
            label="Not occurring in our scope"
            description="ISO/IEC 20000-1 allows no exclusions. If the requirement has no instances in the SMS scope (e.g. no internal suppliers), record why, backed by an approved statement."
            disabled={!editable}
            {...form.getInputProps("not_occurring", { type: "checkbox" })}
          />
          {form.values.not_occurring && (
            <Textarea
              label="Justification"
              required
              autosize
              minRows={2}
              disabled={!editable}
              {...form.getInputProps("not_occurring_justification")}
            />
          )}
          {editable ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              Your role cannot change this requirement.
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** One requirement: guidance, the documented information it asks for, its status form and history. */
export function RequirementDetailPage() {
  const { slug } = useCurrentOrg();
  const { ref } = useParams({ from: ROUTE });
  const query = useQuery(requirementWithEtagOptions(slug, ref));
  const r = query.data?.requirement;

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/orgs/$org/requirements" params={{ org: slug }} search={{}} size="sm">
          Requirements
        </AnchorLink>
        {r?.parent_ref && (
          <AnchorLink to="/orgs/$org/requirements" params={{ org: slug }} search={{ clause: r.parent_ref }} size="sm">
            {r.parent_ref}
          </AnchorLink>
        )}
        <Text size="sm">{ref}</Text>
      </Breadcrumbs>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={320} />}

      {r && query.data && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2}>
                {r.ref} {r.title}
              </Title>
              <Group gap="xs" mt={4}>
                <StatusBadge status={r.status} />
                {r.not_occurring && (
                  <Badge variant="outline" color="grape">
                    Not occurring
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  Owner: {r.owner?.name ?? "none"} · Target: {formatDate(r.target_date)}
                  {r.updated_at && ` · Updated ${formatDateTime(r.updated_at)}`}
                </Text>
              </Group>
            </div>
          </Group>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Stack gap="lg">
              <Card withBorder radius="md" component="section" aria-label="Guidance">
                <Title order={4} mb="xs">
                  Guidance
                </Title>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {r.guidance || "No guidance for this clause yet."}
                </Text>
              </Card>
              <Card withBorder radius="md" component="section" aria-label="Documented information">
                <Title order={4} mb="xs">
                  Documented information
                </Title>
                {r.documented_information.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    This clause asks for no specific document or record.
                  </Text>
                ) : (
                  <Table verticalSpacing={6}>
                    <Table.Tbody>
                      {r.documented_information.map((d) => (
                        <Table.Tr key={d.key}>
                          <Table.Td w={48}>
                            <Badge variant="light" color={d.kind === "document" ? "indigo" : "cyan"}>
                              {d.key}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {d.title}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {d.kind === "document" ? "Document" : "Record"}
                              {d.mandatory ? " · mandatory" : ""} · clauses {d.clause_refs.join(", ")}
                            </Text>
                            {d.description && <Text size="xs">{d.description}</Text>}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
              <RequirementEvidence org={slug} requirementRef={r.ref} />
            </Stack>
            <Stack gap="lg">
              <StatusForm org={slug} requirement={r} etag={query.data.etag} />
              <Card withBorder radius="md" component="section" aria-label="History">
                <Title order={4} mb="xs">
                  History
                </Title>
                {r.history.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No changes yet.
                  </Text>
                ) : (
                  <Timeline bulletSize={14} lineWidth={2}>
                    {r.history.map((e) => (
                      <HistoryItem key={e.id} entry={e} />
                    ))}
                  </Timeline>
                )}
                <Text size="xs" c="dimmed" mt="xs">
                  The latest 50 changes; the full log is under Activity.
                </Text>
              </Card>
            </Stack>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
