import { useState } from "react";
import { Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  serviceReportsCreateProducedReportMutation,
  serviceReportsGetReportDefinitionOptions,
  serviceReportsListProducedReportsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { DefinitionRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { EvidenceSelect } from "../../components/EvidenceSelect";
import { todayIso } from "../../components/OccurredDate";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { toIsoDate } from "../corrective_measures/labels";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { EXPECTED_COUNT, FREQUENCY_LABELS, SERVICE_REPORT_OPERATIONS } from "./labels";
import { expectedPeriods } from "./periods";
import { DefinitionModal, ExpectedPeriods } from "./ServiceReportsPage";

interface ReportValues {
  period_start: string | null;
  period_end: string | null;
  produced_on: string | null;
  evidence_item_id: string | null;
}

function ReportModal({ org, definition, onClose }: { org: string; definition: DefinitionRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  // Offer the latest expected period: the usual case is recording last period's report.
  const latest = expectedPeriods(definition.frequency, todayIso(), 1, null).at(-1);
  const form = useForm<ReportValues>({
    initialValues: { period_start: latest?.start ?? null, period_end: latest?.end ?? null, produced_on: todayIso(), evidence_item_id: null },
    validate: {
      period_start: (v) => (v ? null : "The first day the report covers"),
      period_end: (v, values) => (!v ? "The last day the report covers" : values.period_start && v < values.period_start ? "The period ends before it starts" : null),
      produced_on: (v) => (v ? null : "The day the report was issued"),
    },
  });
  const create = useMutation({ ...serviceReportsCreateProducedReportMutation() });
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        path: { org, definition_id: definition.id },
        body: { period_start: toIsoDate(v.period_start) ?? "", period_end: toIsoDate(v.period_end) ?? "", produced_on: toIsoDate(v.produced_on) ?? "", evidence_item_id: v.evidence_item_id },
      },
      {
        onSuccess: async (r) => {
          notifySuccess(`${r.key} recorded.`);
          await invalidateOperations(queryClient, SERVICE_REPORT_OPERATIONS);
          onClose();
        },
        onError: (error) => handleFormError(form, error, { title: "Could not record the report" }),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Record a produced report" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <DateInput label="Period start" required valueFormat="YYYY-MM-DD" {...form.getInputProps("period_start")} />
            <DateInput label="Period end" required valueFormat="YYYY-MM-DD" {...form.getInputProps("period_end")} />
            <DateInput label="Produced on" required valueFormat="YYYY-MM-DD" maxDate={todayIso()} {...form.getInputProps("produced_on")} />
          </SimpleGrid>
          <EvidenceSelect org={org} label="Evidence" description="The report as issued, in the evidence register (optional)" {...form.getInputProps("evidence_item_id")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {/* focused first: the period is filled in, and a focused date field would open its calendar over the form */}
            <Button type="submit" loading={create.isPending} data-autofocus>
              Record report
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One report definition with the reports produced for it, latest period first. */
export function ServiceReportDefinitionPage() {
  const { slug: org } = useCurrentOrg();
  const { definitionId } = useParams({ from: "/_authed/orgs/$org/service-reports/$definitionId" });
  const canWrite = useCan()("operations:write");
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const names = memberNames(useMembers(org).data);
  const definition = useQuery(serviceReportsGetReportDefinitionOptions({ path: { org, definition_id: definitionId } }));
  const reports = useQuery(serviceReportsListProducedReportsOptions({ path: { org, definition_id: definitionId }, query: { limit: 200 } }));
  const d = definition.data;
  const rows = reports.data?.items ?? [];
  return (
    <Stack gap="lg">
      <AnchorLink to="/orgs/$org/service-reports" params={{ org }} size="sm">
        ← Service reports
      </AnchorLink>
      {definition.error && <QueryErrorAlert error={definition.error} />}
      {d && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2}>
                {d.key} {d.title}
              </Title>
              <Text size="sm" c="dimmed">
                {FREQUENCY_LABELS[d.frequency]} for {d.audience || "an unnamed audience"} · owner {d.owner_id ? (names.get(d.owner_id) ?? "—") : "not named"}
                {d.starts_on && ` · reporting from ${formatDate(d.starts_on)}`}
              </Text>
            </div>
            {canWrite && (
              <Group>
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  Edit definition
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
                  Record report
                </Button>
              </Group>
            )}
          </Group>
          <Card withBorder>
            <Title order={4} mb="xs">
              Latest {EXPECTED_COUNT} expected periods
            </Title>
            <ExpectedPeriods org={org} definition={d} />
          </Card>
          <Card withBorder>
            <Title order={4} mb="sm">
              Produced reports
            </Title>
            {reports.error && <QueryErrorAlert error={reports.error} />}
            {rows.length > 0 ? (
              <Table striped aria-label="Produced reports">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Period</Table.Th>
                    <Table.Th>Produced on</Table.Th>
                    <Table.Th>Evidence</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.key}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {formatDate(r.period_start)} – {formatDate(r.period_end)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(r.produced_on)}</Table.Td>
                      <Table.Td>
                        {r.evidence_item_id ? (
                          <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: r.evidence_item_id }} size="sm">
                            Open
                          </AnchorLink>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              !reports.isPending && (
                <Text size="sm" c="dimmed">
                  No report produced yet. Record each report when it is issued, with the period it covers.
                </Text>
              )
            )}
          </Card>
          {editing && <DefinitionModal org={org} definition={d} onClose={() => setEditing(false)} />}
          {recording && <ReportModal org={org} definition={d} onClose={() => setRecording(false)} />}
        </>
      )}
    </Stack>
  );
}
