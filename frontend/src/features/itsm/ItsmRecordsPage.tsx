import { useState } from "react";
import { Drawer, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";

import { integrationsGetRecordOptions, integrationsListIntegrationsOptions, integrationsListRecordsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { CertreadyIntegrationsSchemasRecordRead as RecordRead, RecordKind, RecordStatus } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDateTime } from "../../lib/format";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CLAUSE_OPTIONS, KIND_LABELS, KIND_OPTIONS, PRIORITY_LABELS, STATUS_COLORS, STATUS_LABELS, STATUS_OPTIONS } from "./labels";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One record with every delivery about it (its history). */
function RecordDrawer({ org, recordId, onClose }: { org: string; recordId: string | null; onClose: () => void }) {
  const query = useQuery({ ...integrationsGetRecordOptions({ path: { org, record_id: recordId ?? "" } }), enabled: recordId !== null });
  const r = query.data;
  return (
    <Drawer opened={recordId !== null} onClose={onClose} position="right" size="xl" title={r ? `${r.external_key ?? r.external_id} ${r.title}` : "ITSM record"}>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {!r && !query.isError && <Skeleton h={200} />}
      {r && (
        <Stack gap="md">
          <SimpleGrid cols={3} spacing="sm">
            <Field label="Kind">{KIND_LABELS[r.kind]}{r.kind_raw ? ` (${r.kind_raw})` : ""}</Field>
            <Field label="Clause">{r.clause ?? "—"}</Field>
            <Field label="Service">{r.service_key ?? "—"}</Field>
            <Field label="Status">{STATUS_LABELS[r.status]}{r.status_raw ? ` (${r.status_raw})` : ""}</Field>
            <Field label="Priority">{r.priority ? PRIORITY_LABELS[r.priority] : "—"}{r.priority_raw ? ` (${r.priority_raw})` : ""}</Field>
            <Field label="Tool">{r.source}</Field>
            <Field label="Opened">{r.opened_at ? formatDateTime(r.opened_at) : "—"}</Field>
            <Field label="Resolved">{r.resolved_at ? formatDateTime(r.resolved_at) : "—"}</Field>
            <Field label="Closed">{r.closed_at ? formatDateTime(r.closed_at) : "—"}</Field>
            <Field label="Assignment group">{r.assignment_group ?? "—"}</Field>
            <Field label="Last change in the tool">{r.source_updated_at ? formatDateTime(r.source_updated_at) : "—"}</Field>
            <Field label="Deliveries">{r.delivery_count}</Field>
          </SimpleGrid>
          <Title order={5}>Delivery history</Title>
          <Table aria-label="Delivery history" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Verified by</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Mapping</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.history.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(d.received_at)}</Table.Td>
                  <Table.Td>{d.verification}</Table.Td>
                  <Table.Td>{d.event ?? ""}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={d.mapping_state === "error" ? "red" : d.mapping_state === "stale" ? "dimmed" : "teal"}>
                      {d.mapping_state}
                    </Text>
                    {d.mapping_error && (
                      <Text size="xs" c="red">
                        {d.mapping_error}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {r.history.length === 0 && <Text size="sm">No delivery kept for this record.</Text>}
        </Stack>
      )}
    </Drawer>
  );
}

/** The incidents, requests, problems, changes and releases the ITSM tools delivered. */
export function ItsmRecordsPage() {
  const { slug: org } = useCurrentOrg();
  const canManage = useCan()("integrations:manage");
  const [kind, setKind] = useState<RecordKind | null>(null);
  const [status, setStatus] = useState<RecordStatus | null>(null);
  const [clause, setClause] = useState<string | null>(null);
  const [integration, setIntegration] = useState<string | null>(null);
  const [service, setService] = useState("");
  const [serviceQ] = useDebouncedValue(service, 250);
  // the open record lives in the URL (`?record=`): a sample drawer links straight to it
  const open = useSearch({ from: "/_authed/orgs/$org/itsm-records" }).record ?? null;
  const navigate = useNavigate({ from: "/orgs/$org/itsm-records" });
  const setOpen = (record: string | null) => void navigate({ search: record ? { record } : {} });
  const integrations = useQuery({ ...integrationsListIntegrationsOptions({ path: { org }, query: { limit: 100 } }), enabled: canManage });
  const records = useQuery(
    integrationsListRecordsOptions({
      path: { org },
      query: { limit: 200, kind, status, clause, integration_id: integration, service_key: serviceQ.trim() || undefined },
    }),
  );
  const filtered = kind !== null || status !== null || clause !== null || integration !== null || serviceQ.trim() !== "";
  const rows: RecordRead[] = records.data?.items ?? [];
  const integrationNames = new Map((integrations.data?.items ?? []).map((i) => [i.id, i.name]));

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>ITSM records</Title>
        <Text size="sm" c="dimmed">
          The records the ITSM tools sent through the integrations, as evidence for the operation clauses (8.5, 8.6).
        </Text>
      </div>
      <Group gap="sm">
        <Select aria-label="Kind" placeholder="Any kind" size="xs" w={170} clearable data={KIND_OPTIONS} value={kind} onChange={(v) => setKind((v as RecordKind | null) ?? null)} />
        <Select aria-label="Status" placeholder="Any status" size="xs" w={150} clearable data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus((v as RecordStatus | null) ?? null)} />
        <Select aria-label="Clause" placeholder="Any clause" size="xs" w={240} clearable data={CLAUSE_OPTIONS} value={clause} onChange={setClause} />
        <TextInput aria-label="Service key" placeholder="Any service" size="xs" w={160} value={service} onChange={(e) => setService(e.currentTarget.value)} />
        {canManage && (
          <Select
            aria-label="Integration"
            placeholder="Any integration"
            size="xs"
            w={200}
            clearable
            data={(integrations.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
            value={integration}
            onChange={setIntegration}
          />
        )}
        {records.data && (
          <Text size="xs" c="dimmed">
            {records.data.total} record{records.data.total === 1 ? "" : "s"}
          </Text>
        )}
      </Group>
      {records.isError && <QueryErrorAlert error={records.error} onRetry={() => void records.refetch()} />}
      {records.isPending && <Skeleton h={120} />}
      {rows.length > 0 && (
        <Table striped highlightOnHover aria-label="ITSM records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Clause</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Opened</Table.Th>
              {canManage && <Table.Th>Integration</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <UnstyledButton onClick={() => setOpen(r.id)} aria-label={`Open ${r.external_key ?? r.external_id}`}>
                    <Text size="sm" c="blue" td="underline">
                      {r.external_key ?? r.external_id}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {r.title}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{r.clause ?? "—"}</Table.Td>
                <Table.Td>{r.service_key ?? "—"}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} c={STATUS_COLORS[r.status]} style={{ whiteSpace: "nowrap" }}>
                    {STATUS_LABELS[r.status]}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{r.priority ? PRIORITY_LABELS[r.priority] : "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{r.opened_at ? formatDateTime(r.opened_at) : "—"}</Table.Td>
                {canManage && <Table.Td>{integrationNames.get(r.integration_id) ?? r.source}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {records.data && rows.length === 0 && (
        <Text c="dimmed">
          {filtered
            ? "No ITSM record matches these filters."
            : canManage
              ? "No ITSM record yet. Connect a tool under Integrations: its deliveries become records here."
              : "No ITSM record yet."}
        </Text>
      )}
      <RecordDrawer org={org} recordId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
