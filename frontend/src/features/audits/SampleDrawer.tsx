import { useState } from "react";
import { Alert, Badge, Button, Drawer, Group, Modal, NumberInput, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { IconArrowsShuffle } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  auditsDrawAuditChecklistSampleMutation,
  auditsGetAuditChecklistPopulationOptions,
  auditsGetAuditChecklistSampleOptions,
  auditsGetAuditChecklistSampleQueryKey,
} from "../../api/gen/@tanstack/react-query.gen";
import type { ChecklistLineRead, RecordPriority, SampleRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { AnchorLink } from "../../components/links";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatDateTime } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { toApiProblem, type ApiProblem } from "../../lib/problem";
import { KIND_LABELS, PRIORITY_LABELS } from "../itsm/labels";
import { ifMatchFor } from "./api";
import { EMPTY_FORM, describeFilters, drawBody, filtersFromForm, formFromFilters, kindsFor, records, sameFilters, type SampleForm } from "./sample";

const PRIORITY_OPTIONS = (Object.keys(PRIORITY_LABELS) as RecordPriority[]).map((value) => ({ value, label: PRIORITY_LABELS[value] }));

interface Props {
  org: string;
  auditId: string;
  line: ChecklistLineRead | null;
  /** Why the caller may not draw (null: they may). */
  readOnlyReason: string | null;
  names: Map<string, string>;
  onClose: () => void;
}

/** A checklist line's audit population: its ITSM records, the filters, a reproducible draw. */
export function SampleDrawer({ org, auditId, line, readOnlyReason, names, onClose }: Props) {
  return (
    <Drawer
      opened={line !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={line ? `Sample for ${line.ref} ${line.title}` : "Sample"}
    >
      {line && <SampleBody key={line.id} org={org} auditId={auditId} line={line} readOnlyReason={readOnlyReason} names={names} />}
    </Drawer>
  );
}

function SampleBody({ org, auditId, line, readOnlyReason, names }: Omit<Props, "line" | "onClose"> & { line: ChecklistLineRead }) {
  const queryClient = useQueryClient();
  const path = { org, audit_id: auditId, ref: line.ref };
  const sample = useQuery(auditsGetAuditChecklistSampleOptions({ path }));
  if (sample.isError) return <ProblemAlert problem={toApiProblem(sample.error)} title="Could not read the sample" />;
  if (sample.isPending) return <Skeleton h={300} />;
  return (
    <SampleEditor
      org={org}
      auditId={auditId}
      line={line}
      sample={sample.data}
      readOnlyReason={readOnlyReason}
      names={names}
      onDrawn={async (drawn) => {
        queryClient.setQueryData(auditsGetAuditChecklistSampleQueryKey({ path }), drawn);
        await invalidateOperations(queryClient, ["auditsGetAuditChecklist", "auditsGetAuditChecklistPopulation", "activityListActivity"]);
      }}
    />
  );
}

interface EditorProps {
  org: string;
  auditId: string;
  line: ChecklistLineRead;
  sample: SampleRead;
  readOnlyReason: string | null;
  names: Map<string, string>;
  onDrawn: (sample: SampleRead) => Promise<void>;
}

function SampleEditor({ org, auditId, line, sample, readOnlyReason, names, onDrawn }: EditorProps) {
  const drawn = sample.seed !== null;
  // The form starts from the filters the sample was drawn with: drawing again with its seed
  // gives the same records.
  const [form, setForm] = useState<SampleForm>(drawn ? formFromFilters(sample.filters) : EMPTY_FORM);
  const [size, setSize] = useState<number | string>("");
  const [seed, setSeed] = useState<number | string>("");
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [service] = useDebouncedValue(form.service_key, 300);
  const filters = filtersFromForm({ ...form, service_key: service });
  const path = { org, audit_id: auditId, ref: line.ref };

  const population = useQuery({
    ...auditsGetAuditChecklistPopulationOptions({ path, query: filters }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const draw = useMutation({
    ...auditsDrawAuditChecklistSampleMutation(),
    onMutate: () => setProblem(null),
    onSuccess: async (data) => {
      setConfirming(false);
      setSeed("");
      notifySuccess(`${line.ref}: ${data.size} of ${data.population} ITSM records sampled (seed ${data.seed}).`);
      await onDrawn(data);
    },
    onError: (error) => {
      setConfirming(false);
      setProblem(toApiProblem(error));
    },
  });
  const submit = () =>
    draw.mutate({
      path,
      // a redraw is checked against the version read (412 if the line changed meanwhile)
      headers: drawn ? { "if-match": ifMatchFor(sample.version) } : undefined,
      body: drawBody(form, size, seed),
    });

  const kinds = kindsFor(line.itsm_clauses);
  const set = (patch: Partial<SampleForm>) => setForm((f) => ({ ...f, ...patch }));
  const populationProblem = population.isError ? toApiProblem(population.error) : null;
  const counted = population.data;
  const canDraw = readOnlyReason === null;
  const changedFilters = drawn && !sameFilters(filtersFromForm(form), sample.filters);
  // the same seed, filters and size: the server draws the same records and changes nothing
  const repeat = drawn && !changedFilters && seed === sample.seed && (size === "" || size === sample.size);

  return (
    <Stack gap="md">
      <Text size="sm">
        Population: the organisation&apos;s ITSM records of clause {line.itsm_clauses.join(", ")} that the filters hold, in a fixed
        order; the seed draws the sample from it, so the same seed and filters draw the same records.
      </Text>

      <section aria-label="Population">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Kind"
            placeholder="Any kind"
            data={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={form.kind}
            onChange={(v) => set({ kind: v as SampleForm["kind"] })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Priority"
            placeholder="Any priority"
            data={PRIORITY_OPTIONS}
            value={form.priority}
            onChange={(v) => set({ priority: v as SampleForm["priority"] })}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Service key"
            placeholder="Any service"
            value={form.service_key}
            onChange={(e) => set({ service_key: e.currentTarget.value })}
          />
          <Group grow gap="xs" align="flex-start">
            <DateInput
              label="Opened from"
              valueFormat="D MMM YYYY"
              value={form.opened_from}
              onChange={(v) => set({ opened_from: v ? String(v).slice(0, 10) : null })}
              clearable
              popoverProps={{ withinPortal: true }}
            />
            <DateInput
              label="Opened to"
              valueFormat="D MMM YYYY"
              value={form.opened_to}
              onChange={(v) => set({ opened_to: v ? String(v).slice(0, 10) : null })}
              clearable
              popoverProps={{ withinPortal: true }}
            />
          </Group>
        </SimpleGrid>
        <Group gap="sm" mt="sm" role="status" aria-label="Population size">
          {counted ? (
            <Text size="sm" fw={500} c={population.isFetching ? "dimmed" : undefined}>
              {records(counted.population)} in the population · suggested sample size{" "}
              {counted.suggested_size}
            </Text>
          ) : (
            !populationProblem && <Skeleton h={20} w={300} />
          )}
        </Group>
        {populationProblem && (
          <ProblemAlert problem={populationProblem} title="These filters cannot hold any of the line's records" />
        )}
      </section>

      {canDraw ? (
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Sample size"
            placeholder={counted ? String(counted.suggested_size) : "Suggested"}
            min={1}
            max={500}
            allowDecimal={false}
            value={size}
            onChange={setSize}
            w={140}
          />
          <NumberInput
            label="Seed"
            placeholder="New random seed"
            description={drawn ? undefined : "Blank: a new random seed"}
            min={0}
            max={2147483647}
            allowDecimal={false}
            allowNegative={false}
            value={seed}
            onChange={setSeed}
            w={180}
          />
          {drawn && sample.seed !== null && (
            <Button variant="subtle" size="xs" mb={6} onClick={() => setSeed(sample.seed ?? "")}>
              Use seed {sample.seed}
            </Button>
          )}
          <Button
            leftSection={<IconArrowsShuffle size={16} aria-hidden />}
            loading={draw.isPending}
            disabled={counted?.population === 0 || populationProblem !== null}
            onClick={() => (drawn ? setConfirming(true) : submit())}
          >
            {drawn ? "Redraw" : "Draw sample"}
          </Button>
        </Group>
      ) : (
        <Alert color="gray" title="Read only">
          {readOnlyReason}
        </Alert>
      )}
      {problem && <ProblemAlert problem={problem} onClose={() => setProblem(null)} />}

      <section aria-label="Drawn sample">
        <Title order={4} mb="xs">
          Drawn sample
        </Title>
        {!drawn ? (
          <Text size="sm" c="dimmed">
            No sample drawn yet on {line.ref}.
          </Text>
        ) : (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light">Seed {sample.seed}</Badge>
              <Text size="sm" aria-label="Sample summary">
                {sample.size} of {records(sample.population)} · {describeFilters(sample.filters)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              Drawn {formatDateTime(sample.drawn_at)}
              {sample.drawn_by_id && ` by ${names.get(sample.drawn_by_id) ?? "a former member"}`}
              {changedFilters && " · the filters above differ from the ones the sample was drawn with"}
            </Text>
            <Table aria-label={`Sample of ${line.ref}`} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Service</Table.Th>
                  <Table.Th>Opened</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sample.records.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <AnchorLink size="sm" to="/orgs/$org/itsm-records" params={{ org }} search={{ record: r.id }}>
                        {r.external_key ?? r.external_id}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
                    <Table.Td>{r.service_key ?? "—"}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(r.opened_at)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {sample.records.length < sample.size && (
              <Text size="xs" c="orange">
                Drawn but no longer kept: {records(sample.size - sample.records.length)}.
              </Text>
            )}
          </Stack>
        )}
      </section>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Redraw the sample of ${line.ref}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            {repeat
              ? `Seed ${sample.seed} with the same filters draws the same ${records(sample.size)} again while the population is unchanged: the sample stays as it is.`
              : `The sample drawn with seed ${sample.seed} (${records(sample.size)}) is replaced by a new draw ${
                  seed === "" ? "with a new random seed" : `with seed ${seed}`
                }. The redraw is recorded in the activity log.`}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep the sample
            </Button>
            <Button color="orange" loading={draw.isPending} onClick={submit}>
              Redraw
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
