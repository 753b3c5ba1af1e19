import { useState } from "react";
import { ActionIcon, Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { integrationsPreviewMappingMutation, integrationsUpdateIntegrationMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { IntegrationRead, MappingPreview, RecordKind } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatDateTime } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { ITSM_OPERATIONS, KIND_LABELS, KIND_OPTIONS, STATUS_LABELS } from "../itsm/labels";
import { type RuleRow, type RuleRows, newRow, rowErrors, rowsFromRules, rowsValid, rulesChanged, rulesFromRows } from "./mapping";

/** What the tool calls the value the kind rules look up, per source. */
const KIND_HINT: Record<IntegrationRead["source"], string> = {
  jira: "Jira issue type, e.g. [System] Incident",
  servicenow: "ServiceNow table, e.g. change_request",
  glpi: "GLPI Ticket:incident, Ticket:request, Change, Problem",
  zammad: "Zammad ticket type",
  generic: "The kind the tool sends",
};

function RuleTable({
  label,
  rows,
  fromLabel,
  fromPlaceholder,
  toLabel,
  kindTarget,
  onChange,
}: {
  label: string;
  rows: RuleRow[];
  fromLabel: string;
  fromPlaceholder: string;
  toLabel: string;
  kindTarget: boolean;
  onChange: (rows: RuleRow[]) => void;
}) {
  const errors = rowErrors(rows);
  const set = (id: number, patch: Partial<RuleRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, newRow()])}>
          Add {kindTarget ? "kind" : "service"} rule
        </Button>
      </Group>
      {rows.length === 0 && (
        <Text size="xs" c="dimmed">
          {kindTarget ? "No kind rule: the kind is guessed from the tool's type name." : "No service rule: records arrive without a service."}
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={`${fromLabel} ${i + 1}`}
            placeholder={fromPlaceholder}
            size="xs"
            style={{ flex: 1 }}
            value={row.from}
            error={errors.get(row.id)}
            onChange={(e) => set(row.id, { from: e.currentTarget.value })}
          />
          {kindTarget ? (
            <Select
              aria-label={`${toLabel} ${i + 1}`}
              placeholder="Record kind"
              size="xs"
              w={180}
              data={KIND_OPTIONS}
              value={row.to || null}
              onChange={(v) => set(row.id, { to: v ?? "" })}
            />
          ) : (
            <TextInput
              aria-label={`${toLabel} ${i + 1}`}
              placeholder="Service key"
              size="xs"
              w={180}
              value={row.to}
              onChange={(e) => set(row.id, { to: e.currentTarget.value })}
            />
          )}
          <Tooltip label="Remove this rule">
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
    </Stack>
  );
}

function PreviewTable({ preview }: { preview: MappingPreview }) {
  if (preview.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No delivery received yet: nothing to try the rules on.
      </Text>
    );
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        {preview.items.length} {preview.items.length === 1 ? "delivery" : "deliveries"} tried: {preview.mapped} mapped, {preview.errors} cannot be mapped, {preview.changed} would change.
      </Text>
      <Table aria-label="Mapping preview" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Received</Table.Th>
            <Table.Th>Record</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Clause</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.items.map((line) => (
            <Table.Tr key={line.delivery_id} bg={line.changed ? "var(--mantine-color-yellow-light)" : undefined} data-changed={line.changed || undefined}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">{formatDateTime(line.received_at)}</Text>
                {line.event && (
                  <Text size="xs" c="dimmed">
                    {line.event}
                  </Text>
                )}
              </Table.Td>
              {line.record ? (
                <>
                  <Table.Td>
                    <Text size="sm">
                      {line.record.external_key ? `${line.record.external_key} ` : ""}
                      {line.record.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{KIND_LABELS[line.record.kind]}</Table.Td>
                  <Table.Td>{line.record.clause ?? "—"}</Table.Td>
                  <Table.Td>{line.record.service_key ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{STATUS_LABELS[line.record.status]}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={5}>
                  <Text size="sm" c="red">
                    Cannot be mapped: {line.error}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={line.changed ? 700 : undefined} c={line.changed ? "orange.8" : "dimmed"} style={{ whiteSpace: "nowrap" }}>
                  {line.changed ? "Changes" : "Same"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * The rules of one integration: tool type -> record kind, project / category / CI / group ->
 * service, a kind for the rest. Tried against the last 20 deliveries before saving (If-Match).
 */
export function MappingEditor({ org, integration }: { org: string; integration: IntegrationRead }) {
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<RuleRows>(() => rowsFromRules(integration.mapping));
  const [preview, setPreview] = useState<MappingPreview | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const tryRules = useMutation({ ...integrationsPreviewMappingMutation() });
  const save = useMutation({ ...integrationsUpdateIntegrationMutation() });
  const valid = rowsValid(rows);
  const dirty = rulesChanged(integration.mapping, rows);
  const update = (next: RuleRows) => {
    setRows(next);
    setPreview(null);
  };

  const runPreview = () =>
    tryRules.mutate(
      { path: { org, integration_id: integration.id }, body: rulesFromRows(rows) },
      {
        onSuccess: (p) => {
          setProblem(null);
          setPreview(p);
        },
        onError: (e) => setProblem(toApiProblem(e)),
      },
    );
  const runSave = () =>
    save.mutate(
      { path: { org, integration_id: integration.id }, headers: { "If-Match": `"${integration.version}"` }, body: { mapping: rulesFromRows(rows) } },
      {
        onSuccess: async (saved) => {
          setProblem(null);
          setPreview(null);
          setRows(rowsFromRules(saved.mapping));
          notifySuccess(`Mapping rules of ${saved.name} saved. New deliveries use them; failed ones can be mapped again.`);
          await invalidateOperations(queryClient, ITSM_OPERATIONS);
        },
        onError: async (e) => {
          setProblem(toApiProblem(e));
          await invalidateOperations(queryClient, ITSM_OPERATIONS);
        },
      },
    );

  return (
    <Card withBorder>
      <Stack gap="sm">
        <div>
          <Title order={4}>Mapping rules</Title>
          <Text size="sm" c="dimmed">
            How deliveries of {integration.name} become ITSM records: the record kind (and so the clause it is evidence for) and the service.
          </Text>
        </div>
        {problem && (
          <ProblemAlert
            problem={problem}
            title={
              problem.status === 412
                ? "Someone else changed this integration meanwhile: your rules were not saved. Reload the page to see their version, then make your change again"
                : undefined
            }
            onClose={() => setProblem(null)}
          />
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <RuleTable
            label="Kind rules"
            rows={rows.kinds}
            fromLabel="Tool type"
            fromPlaceholder={KIND_HINT[integration.source]}
            toLabel="Record kind"
            kindTarget
            onChange={(kinds) => update({ ...rows, kinds })}
          />
          <RuleTable
            label="Service rules"
            rows={rows.services}
            fromLabel="Project, category, CI or group"
            fromPlaceholder="Project key, category, CI or assignment group"
            toLabel="Service key"
            kindTarget={false}
            onChange={(services) => update({ ...rows, services })}
          />
        </SimpleGrid>
        <Select
          label="Default kind"
          description="For a tool type no rule names and the name does not tell"
          placeholder="Guess from the type name"
          w={320}
          clearable
          data={KIND_OPTIONS}
          value={rows.defaultKind}
          onChange={(v) => update({ ...rows, defaultKind: (v as RecordKind | null) ?? null })}
        />
        {!valid && (
          <Alert color="orange" role="status">
            Complete or remove the highlighted rules first.
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={runPreview} loading={tryRules.isPending} disabled={!valid}>
            Preview against the last 20 deliveries
          </Button>
          <Button onClick={runSave} loading={save.isPending} disabled={!valid || !dirty}>
            Save rules
          </Button>
          {dirty && (
            <Text size="xs" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
        {preview && <PreviewTable preview={preview} />}
      </Stack>
    </Card>
  );
}
