import { useState } from "react";
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  serviceReportsCreateReportDefinitionMutation,
  serviceReportsListProducedReportsOptions,
  serviceReportsListReportDefinitionsOptions,
  serviceReportsUpdateReportDefinitionMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { DefinitionRead, ReportFrequency } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { todayIso } from "../../components/OccurredDate";
import { AnchorLink } from "../../components/links";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { toIsoDate } from "../corrective_measures/labels";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { EXPECTED_COUNT, FREQUENCY_LABELS, FREQUENCY_OPTIONS, SERVICE_REPORT_OPERATIONS } from "./labels";
import { expectedPeriods, isProduced } from "./periods";

interface DefinitionValues {
  title: string;
  audience: string;
  frequency: ReportFrequency | null;
  starts_on: string | null;
  owner_id: string | null;
}

/** Create a definition, or change one with its version as If-Match (412: someone saved in between). */
export function DefinitionModal({ org, definition, onClose }: { org: string; definition: DefinitionRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "operations:read");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<DefinitionValues>({
    initialValues: {
      title: definition?.title ?? "",
      audience: definition?.audience ?? "",
      frequency: definition?.frequency ?? null,
      starts_on: definition?.starts_on ?? null,
      owner_id: definition?.owner_id ?? null,
    },
    validate: { title: (v) => (v.trim() ? null : "Give the report a title"), frequency: (v) => (v ? null : "How often the report is agreed") },
  });
  const create = useMutation({ ...serviceReportsCreateReportDefinitionMutation() });
  const update = useMutation({ ...serviceReportsUpdateReportDefinitionMutation() });
  const done = async (d: DefinitionRead, verb: string) => {
    notifySuccess(`${d.key} ${d.title} ${verb}.`);
    await invalidateOperations(queryClient, SERVICE_REPORT_OPERATIONS);
    onClose();
  };
  const onError = async (error: unknown) => {
    const p = toApiProblem(error);
    if (p.status === 412) {
      setProblem(p);
      await invalidateOperations(queryClient, SERVICE_REPORT_OPERATIONS);
      return;
    }
    setProblem(null);
    handleFormError(form, error, { title: "Could not save the report definition" });
  };
  const submit = form.onSubmit((v) => {
    const body = { title: v.title.trim(), audience: v.audience.trim(), frequency: v.frequency ?? "monthly", starts_on: toIsoDate(v.starts_on), owner_id: v.owner_id };
    if (definition)
      update.mutate(
        { path: { org, definition_id: definition.id }, headers: { "If-Match": `"${definition.version}"` }, body },
        { onSuccess: (d) => done(d, "saved"), onError },
      );
    else create.mutate({ path: { org }, body }, { onSuccess: (d) => done(d, "recorded"), onError });
  });
  return (
    <Modal opened onClose={onClose} title={definition ? `Edit ${definition.key}` : "New service report"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && (
            <ProblemAlert
              problem={problem}
              title="Someone else changed this report definition meanwhile: close this form and open it again to see their version"
              onClose={() => setProblem(null)}
            />
          )}
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <TextInput label="Audience" description="The customer or recipient it is agreed with" {...form.getInputProps("audience")} />
          <SimpleGrid cols={3}>
            <Select label="Frequency" required data={FREQUENCY_OPTIONS} allowDeselect={false} {...form.getInputProps("frequency")} />
            <DateInput label="Reporting starts on" description="Earlier periods are not expected" clearable valueFormat="YYYY-MM-DD" {...form.getInputProps("starts_on")} />
            <Select label="Owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={problem !== null}>
              {definition ? "Save" : "Record report definition"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The latest expected periods of a definition, each marked produced or missing. */
export function ExpectedPeriods({ org, definition }: { org: string; definition: DefinitionRead }) {
  const reports = useQuery(serviceReportsListProducedReportsOptions({ path: { org, definition_id: definition.id }, query: { limit: 50 } }));
  const periods = expectedPeriods(definition.frequency, todayIso(), EXPECTED_COUNT, definition.starts_on);
  if (periods.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {definition.frequency === "on_request" ? "none expected (on request)" : "none expected yet"}
      </Text>
    );
  if (reports.isPending) return null;
  const ends = (reports.data?.items ?? []).map((r) => r.period_end);
  return (
    <Group gap={6}>
      {periods.map((p) => {
        const produced = isProduced(p, ends);
        return (
          <Badge key={p.start} variant="light" color={produced ? "teal" : "red"} style={{ whiteSpace: "nowrap", overflow: "visible", textTransform: "none" }}>
            {formatDate(p.start)} – {formatDate(p.end)}: {produced ? "produced" : "missing"}
          </Badge>
        );
      })}
    </Group>
  );
}

/** Service reporting (9.4): the reports agreed at a frequency and whether the latest were produced. */
export function ServiceReportsPage() {
  const { slug: org } = useCurrentOrg();
  const canWrite = useCan()("operations:write");
  const [creating, setCreating] = useState(false);
  const names = memberNames(useMembers(org).data);
  const definitions = useQuery(serviceReportsListReportDefinitionsOptions({ path: { org }, query: { limit: 200 } }));
  const rows = definitions.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Service reports</Title>
          <Text size="sm" c="dimmed">
            The reports agreed with customers at a frequency: the last {EXPECTED_COUNT} complete periods of each need a produced report (RDY-24).
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New report definition
          </Button>
        )}
      </Group>
      {definitions.error && <QueryErrorAlert error={definitions.error} />}
      {rows.length > 0 && (
        <Table striped aria-label="Service report definitions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Report</Table.Th>
              <Table.Th>Audience</Table.Th>
              <Table.Th>Frequency</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Latest expected periods</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <AnchorLink to="/orgs/$org/service-reports/$definitionId" params={{ org, definitionId: d.id }} size="sm">
                    {d.key} {d.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{d.audience || "—"}</Table.Td>
                <Table.Td>{FREQUENCY_LABELS[d.frequency]}</Table.Td>
                <Table.Td>{d.owner_id ? (names.get(d.owner_id) ?? "—") : "—"}</Table.Td>
                <Table.Td>
                  <ExpectedPeriods org={org} definition={d} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {definitions.data && rows.length === 0 && (
        <Text c="dimmed">
          {canWrite ? "No service report agreed yet. Record each report agreed with a customer and how often, then every report produced." : "No service report agreed yet."}
        </Text>
      )}
      {creating && <DefinitionModal org={org} definition={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
