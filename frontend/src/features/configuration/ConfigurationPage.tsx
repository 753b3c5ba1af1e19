import { useState } from "react";
import { ActionIcon, Badge, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconFileImport, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  configurationCreateCmdbVerificationMutation,
  configurationCreateConfigurationItemMutation,
  configurationImportConfigurationItemsMutation,
  configurationListCmdbVerificationsOptions,
  configurationListConfigurationItemsOptions,
  configurationUpdateConfigurationItemMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { CiRead, CiStatus, VerificationResult } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { EvidenceSelect } from "../../components/EvidenceSelect";
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
import { useServiceOptions } from "../services/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CsvImportDialog } from "./CsvImportDialog";
import { CI_STATUS_COLORS, CI_STATUS_LABELS, CI_STATUS_OPTIONS, CONFIGURATION_OPERATIONS, RESULT_COLORS, RESULT_LABELS, RESULT_OPTIONS } from "./labels";

interface CiValues {
  key: string;
  name: string;
  type: string;
  status: CiStatus;
  owner_id: string | null;
  last_verified: string | null;
  description: string;
  service_ids: string[];
}

/** Create a CI, or change one with its version as If-Match (412: someone saved in between). */
function CiModal({ org, item, onClose }: { org: string; item: CiRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "operations:read");
  const services = useServiceOptions(org);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<CiValues>({
    initialValues: {
      key: item?.key ?? "",
      name: item?.name ?? "",
      type: item?.type ?? "",
      status: item?.status ?? "active",
      owner_id: item?.owner_id ?? null,
      last_verified: item?.last_verified ?? null,
      description: item?.description ?? "",
      service_ids: item?.service_ids ?? [],
    },
    validate: { name: (v) => (v.trim() ? null : "Give the item a name"), type: (v) => (v.trim() ? null : "Say what kind of item it is (server, application, …)") },
  });
  const create = useMutation({ ...configurationCreateConfigurationItemMutation() });
  const update = useMutation({ ...configurationUpdateConfigurationItemMutation() });
  const done = async (ci: CiRead, verb: string) => {
    notifySuccess(`${ci.key} ${ci.name} ${verb}.`);
    await invalidateOperations(queryClient, CONFIGURATION_OPERATIONS);
    onClose();
  };
  const onError = async (error: unknown) => {
    const p = toApiProblem(error);
    if (p.status === 412) {
      setProblem(p);
      await invalidateOperations(queryClient, CONFIGURATION_OPERATIONS);
      return;
    }
    setProblem(null);
    handleFormError(form, error, { title: "Could not save the configuration item" });
  };
  const submit = form.onSubmit((v) => {
    const body = { ...v, key: v.key.trim() || null, last_verified: toIsoDate(v.last_verified) };
    if (item)
      update.mutate(
        { path: { org, item_id: item.id }, headers: { "If-Match": `"${item.version}"` }, body: { ...body, key: body.key ?? undefined } },
        { onSuccess: (ci) => done(ci, "saved"), onError },
      );
    else create.mutate({ path: { org }, body }, { onSuccess: (ci) => done(ci, "recorded"), onError });
  });
  return (
    <Modal opened onClose={onClose} title={item ? `Edit ${item.key}` : "New configuration item"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && (
            <ProblemAlert
              problem={problem}
              title="Someone else changed this item meanwhile: close this form and open it again to see their version"
              onClose={() => setProblem(null)}
            />
          )}
          <SimpleGrid cols={2}>
            <TextInput label="Key" description={item ? undefined : "Leave empty for the next CI-n"} {...form.getInputProps("key")} />
            <TextInput label="Type" placeholder="server, application, network…" required {...form.getInputProps("type")} />
          </SimpleGrid>
          <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
          <SimpleGrid cols={3}>
            <Select label="Status" data={CI_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps("status")} />
            <Select label="Owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
            <DateInput label="Last verified" clearable valueFormat="YYYY-MM-DD" {...form.getInputProps("last_verified")} />
          </SimpleGrid>
          <MultiSelect
            label="Services supported"
            description="Every service in scope needs its configuration items recorded (RDY-22)"
            data={services.options}
            searchable
            {...form.getInputProps("service_ids")}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={problem !== null}>
              {item ? "Save" : "Record item"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface VerificationValues {
  verified_on: string | null;
  sample_size: number | string;
  result: VerificationResult | null;
  notes: string;
  evidence_item_id: string | null;
}

function VerificationModal({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<VerificationValues>({
    initialValues: { verified_on: todayIso(), sample_size: "", result: null, notes: "", evidence_item_id: null },
    validate: {
      verified_on: (v) => (v ? null : "The day the records were checked"),
      sample_size: (v) => (v === "" ? "How many items were checked" : null),
      result: (v) => (v ? null : "Pick the result"),
    },
  });
  const create = useMutation({ ...configurationCreateCmdbVerificationMutation() });
  const submit = form.onSubmit((v) =>
    create.mutate(
      { path: { org }, body: { verified_on: toIsoDate(v.verified_on) ?? "", sample_size: Number(v.sample_size), result: v.result ?? "pass", notes: v.notes, evidence_item_id: v.evidence_item_id } },
      {
        onSuccess: async (rec) => {
          notifySuccess(`${rec.key} recorded.`);
          await invalidateOperations(queryClient, CONFIGURATION_OPERATIONS);
          onClose();
        },
        onError: (error) => handleFormError(form, error, { title: "Could not record the verification" }),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Record a CMDB verification" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            A check of a sample of configuration records against what is really deployed (8.2.6).
          </Text>
          <SimpleGrid cols={3}>
            <DateInput label="Verified on" required valueFormat="YYYY-MM-DD" maxDate={todayIso()} {...form.getInputProps("verified_on")} />
            <NumberInput label="Sample size" description="Items checked" required min={0} allowDecimal={false} {...form.getInputProps("sample_size")} />
            <Select label="Result" required data={RESULT_OPTIONS} {...form.getInputProps("result")} />
          </SimpleGrid>
          <Textarea label="Notes" description="Discrepancies found and what was corrected" autosize minRows={2} {...form.getInputProps("notes")} />
          <EvidenceSelect org={org} label="Evidence" description="The verification record in the evidence register (optional)" {...form.getInputProps("evidence_item_id")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record verification
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Verifications({ org, canWrite }: { org: string; canWrite: boolean }) {
  const [recording, setRecording] = useState(false);
  const list = useQuery(configurationListCmdbVerificationsOptions({ path: { org }, query: { limit: 100 } }));
  const rows = list.data?.items ?? [];
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>CMDB verifications</Title>
          <Text size="sm" c="dimmed">
            Each check of the configuration records against reality, newest first.
          </Text>
        </div>
        {canWrite && (
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
            Record verification
          </Button>
        )}
      </Group>
      {list.error && <QueryErrorAlert error={list.error} />}
      {rows.length > 0 ? (
        <Table striped aria-label="CMDB verifications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Verified on</Table.Th>
              <Table.Th>Sample</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Notes</Table.Th>
              <Table.Th>Evidence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.key}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(v.verified_on)}</Table.Td>
                <Table.Td>{v.sample_size}</Table.Td>
                <Table.Td>
                  <Badge color={RESULT_COLORS[v.result]} style={{ whiteSpace: "nowrap", overflow: "visible" }}>
                    {RESULT_LABELS[v.result]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {v.notes || "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.evidence_item_id ? (
                    <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: v.evidence_item_id }} size="sm">
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
        !list.isPending && (
          <Text size="sm" c="dimmed">
            No verification recorded yet. Check a sample of the records below against the live estate, then record the result here.
          </Text>
        )
      )}
      {recording && <VerificationModal org={org} onClose={() => setRecording(false)} />}
    </Card>
  );
}

/** The configuration management database (8.2.6): items, CSV import of a CMDB export, verifications. */
export function ConfigurationPage() {
  const { slug: org } = useCurrentOrg();
  const canWrite = useCan()("operations:write");
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CiStatus | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [type, setType] = useState("");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const [typeQ] = useDebouncedValue(type, 250);
  const [editing, setEditing] = useState<CiRead | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const names = memberNames(useMembers(org).data);
  const services = useServiceOptions(org);
  const items = useQuery(
    configurationListConfigurationItemsOptions({
      path: { org },
      query: { limit: 500, status: status ?? undefined, service_id: service ?? undefined, type: typeQ.trim() || undefined, q: q.trim() || undefined },
    }),
  );
  const importCsv = useMutation({ ...configurationImportConfigurationItemsMutation() });
  const filtered = status !== null || service !== null || typeQ.trim() !== "" || q.trim() !== "";
  const rows = items.data?.items ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Configuration</Title>
          <Text size="sm" c="dimmed">
            The configuration items behind the services, and the checks that the records match what is deployed.
          </Text>
        </div>
        {canWrite && (
          <Group>
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
              Import CSV
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
              New item
            </Button>
          </Group>
        )}
      </Group>
      <Verifications org={org} canWrite={canWrite} />
      <Group gap="sm">
        <TextInput aria-label="Search" placeholder="Key or name" size="xs" w={200} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <TextInput aria-label="Type" placeholder="Any type" size="xs" w={160} value={type} onChange={(e) => setType(e.currentTarget.value)} />
        <Select
          aria-label="Status"
          placeholder="Any status"
          size="xs"
          w={180}
          clearable
          data={CI_STATUS_OPTIONS}
          value={status}
          onChange={(v) => setStatus(v && v in CI_STATUS_LABELS ? (v as CiStatus) : null)}
        />
        <Select aria-label="Service" placeholder="Any service" size="xs" w={220} clearable searchable data={services.options} value={service} onChange={setService} />
        {items.data && (
          <Text size="xs" c="dimmed">
            {items.data.total} item{items.data.total === 1 ? "" : "s"}
          </Text>
        )}
      </Group>
      {items.error && <QueryErrorAlert error={items.error} />}
      {rows.length > 0 && (
        <Table striped aria-label="Configuration items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Services</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Last verified</Table.Th>
              {canWrite && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((ci) => (
              <Table.Tr key={ci.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{ci.key}</Table.Td>
                <Table.Td>{ci.name}</Table.Td>
                <Table.Td>{ci.type}</Table.Td>
                <Table.Td>
                  <Badge color={CI_STATUS_COLORS[ci.status]} style={{ whiteSpace: "nowrap", overflow: "visible" }}>
                    {CI_STATUS_LABELS[ci.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>{ci.service_ids.length ? ci.service_ids.map((id) => services.keys.get(id) ?? "?").join(", ") : "—"}</Table.Td>
                <Table.Td>{ci.owner_id ? (names.get(ci.owner_id) ?? "—") : "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{ci.last_verified ? formatDate(ci.last_verified) : "never"}</Table.Td>
                {canWrite && (
                  <Table.Td>
                    <Tooltip label={`Edit ${ci.key}`}>
                      <ActionIcon variant="subtle" aria-label={`Edit ${ci.key}`} onClick={() => setEditing(ci)}>
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {items.data && rows.length === 0 && (
        <Text c="dimmed">
          {filtered
            ? "No configuration item matches these filters."
            : canWrite
              ? "No configuration item recorded yet. Import your CMDB export (CSV) or record the items one by one."
              : "No configuration item recorded yet."}
        </Text>
      )}
      {editing && <CiModal org={org} item={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      <CsvImportDialog
        opened={importing}
        onClose={() => setImporting(false)}
        importFile={(csv) => importCsv.mutateAsync({ path: { org }, body: csv })}
        onImported={() => invalidateOperations(queryClient, CONFIGURATION_OPERATIONS)}
      />
    </Stack>
  );
}
