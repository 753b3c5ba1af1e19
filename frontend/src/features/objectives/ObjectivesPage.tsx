import { useState } from "react";
import { Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { LineChart } from "../../components/LineChart";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  objectivesCreateMeasurementMutation,
  objectivesCreateObjectiveMutation,
  objectivesListMeasurementsOptions,
  objectivesListObjectivesOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { Direction, Frequency, ObjectiveRead, ObjectiveStatus } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { invalidateOperations } from "../../api/invalidate";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { toIsoDate } from "../corrective_measures/labels";
import { todayIso } from "../corrective_measures/steps";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { sparkSeries } from "./sparkline";

const STATUS_LABELS: Record<ObjectiveStatus, string> = { on_target: "On target", off_target: "Off target", no_recent_data: "No recent data" };
const STATUS_COLORS: Record<ObjectiveStatus, string> = { on_target: "teal", off_target: "red", no_recent_data: "gray" };
const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = [
  { value: "monthly", label: "Monthly" },
  { value: "quarterly", label: "Quarterly" },
  { value: "semiannual", label: "Every six months" },
  { value: "annual", label: "Yearly" },
];

function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, ["objectivesListObjectives", "objectivesGetObjective", "objectivesListMeasurements", "activityListActivity"]);
}

/** Measurements (oldest → newest) as a small line against the dashed target line. */
function Sparkline({ org, objective }: { org: string; objective: ObjectiveRead }) {
  const W = 140;
  const H = 40;
  const measurements = useQuery({ ...objectivesListMeasurementsOptions({ path: { org, objective_id: objective.id }, query: { limit: 24 } }), select: (p) => p.items });
  if (measurements.isPending) return <Skeleton h={H} w={W} />;
  const points = (measurements.data ?? []).map((m) => ({ date: m.period_end, value: m.value }));
  if (points.length === 0)
    return (
      <Text size="xs" c="dimmed">
        no measurements
      </Text>
    );
  const { data, domain } = sparkSeries(points, objective.target);
  const unit = objective.unit ? ` ${objective.unit}` : "";
  return (
    <div role="img" aria-label={`${objective.key} trend: ${points.length} measurement(s) against target ${objective.target}`}>
      <LineChart
        w={W}
        h={H}
        data={data}
        dataKey="date"
        series={[{ name: "value", label: objective.metric, color: objective.status === "off_target" ? "red.6" : "teal.6" }]}
        curveType="linear"
        strokeWidth={1.5}
        dotProps={{ r: 2 }}
        activeDotProps={{ r: 3 }}
        withXAxis={false}
        withYAxis={false}
        gridAxis="none"
        yAxisProps={{ domain }}
        referenceLines={[{ y: objective.target, color: "gray.5", strokeDasharray: "3 3" }]}
        valueFormatter={(v) => `${v}${unit}`}
        xAxisProps={{ tickFormatter: (d: string) => formatDate(d) }}
        tooltipAnimationDuration={100}
        tooltipProps={{ labelFormatter: (d) => formatDate(String(d)), wrapperStyle: { zIndex: 10 } }}
      />
    </div>
  );
}

function MeasurementModal({ org, objective, onClose }: { org: string; objective: ObjectiveRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { period_date: todayIso() as string | null, value: "" as string | number, source: "", note: "" },
    validate: { value: (v) => (typeof v === "number" ? null : "Give the measured value"), period_date: (v) => (v ? null : "Give the date") },
  });
  const add = useMutation({
    ...objectivesCreateMeasurementMutation(),
    onSuccess: async () => {
      notifySuccess(`Measurement added to ${objective.key}.`);
      await refresh(queryClient);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not add the measurement" }),
  });
  const submit = form.onSubmit((v) =>
    add.mutate({
      path: { org, objective_id: objective.id },
      body: { period_date: toIsoDate(v.period_date), value: Number(v.value), source: v.source.trim(), note: v.note.trim() },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Add measurement: ${objective.key}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {objective.metric} — target {objective.direction === "at_least" ? "≥" : "≤"} {objective.target} {objective.unit}
          </Text>
          <SimpleGrid cols={2}>
            <DateInput label="Period (date)" required valueFormat="D MMM YYYY" popoverProps={{ withinPortal: true }} {...form.getInputProps("period_date")} />
            <NumberInput label="Value" required data-autofocus {...form.getInputProps("value")} />
          </SimpleGrid>
          <TextInput label="Source" placeholder="e.g. monthly SLA report" {...form.getInputProps("source")} />
          <Textarea label="Note" autosize minRows={1} {...form.getInputProps("note")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add measurement
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ObjectiveModal({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "objectives:write");
  const form = useForm({
    mode: "controlled",
    initialValues: {
      title: "",
      metric: "",
      unit: "",
      target: "" as string | number,
      direction: "at_least" as string | null,
      frequency: "monthly" as string | null,
      owner_id: null as string | null,
      due_date: null as string | null,
    },
    validate: {
      title: (v) => (v.trim() ? null : "Give the objective a title"),
      metric: (v) => (v.trim() ? null : "What is measured?"),
      target: (v) => (typeof v === "number" ? null : "Give the target"),
    },
  });
  const create = useMutation({
    ...objectivesCreateObjectiveMutation(),
    onSuccess: async () => {
      notifySuccess("Objective created.");
      await refresh(queryClient);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not create the objective" }),
  });
  const submit = form.onSubmit((v) =>
    create.mutate({
      path: { org },
      body: {
        title: v.title.trim(),
        metric: v.metric.trim(),
        unit: v.unit.trim(),
        target: Number(v.target),
        direction: (v.direction ?? "at_least") as Direction,
        frequency: (v.frequency ?? "monthly") as Frequency,
        owner_id: v.owner_id,
        due_date: toIsoDate(v.due_date),
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title="New objective" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <TextInput label="Metric" required placeholder="e.g. incidents resolved within SLA" {...form.getInputProps("metric")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Direction"
              allowDeselect={false}
              data={[
                { value: "at_least", label: "At least (≥)" },
                { value: "at_most", label: "At most (≤)" },
              ]}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("direction")}
            />
            <NumberInput label="Target" required {...form.getInputProps("target")} />
            <TextInput label="Unit" placeholder="%" {...form.getInputProps("unit")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Frequency" allowDeselect={false} data={FREQUENCY_OPTIONS} comboboxProps={{ withinPortal: true }} {...form.getInputProps("frequency")} />
            <Select
              label="Owner"
              description="Defaults to you"
              clearable
              searchable
              data={owners}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("owner_id")}
            />
            <DateInput label="Due date" clearable valueFormat="D MMM YYYY" popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create objective
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** SMS objectives (6.2) with their latest value, computed status and trend against the target. */
export function ObjectivesPage() {
  const { slug } = useCurrentOrg();
  const canWrite = useCan()("objectives:write");
  const [status, setStatus] = useState<ObjectiveStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const [measuring, setMeasuring] = useState<ObjectiveRead | null>(null);
  const names = memberNames(useMembers(slug).data);
  const query = useQuery(objectivesListObjectivesOptions({ path: { org: slug }, query: { limit: 500, status: status ?? undefined } }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Objectives</Title>
          <Text size="sm" c="dimmed">
            Measurable service management objectives: metric, target and the measured values over time.
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New objective
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <Select
          aria-label="Status"
          placeholder="Any status"
          size="xs"
          w={180}
          clearable
          data={(Object.keys(STATUS_LABELS) as ObjectiveStatus[]).map((value) => ({ value, label: STATUS_LABELS[value] }))}
          value={status}
          onChange={(v) => setStatus(v && v in STATUS_LABELS ? (v as ObjectiveStatus) : null)}
        />
      </Group>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={200} />}
      {query.data && query.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No objectives{status ? " with this status" : " yet"}.
        </Text>
      )}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm" aria-label="Objectives">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Objective</Table.Th>
                <Table.Th>Target</Table.Th>
                <Table.Th>Latest</Table.Th>
                <Table.Th>Trend</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {o.key} {o.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {o.metric} · {o.frequency}
                      {o.requirement_refs.length > 0 && ` · ${o.requirement_refs.join(", ")}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {o.direction === "at_least" ? "≥" : "≤"} {o.target} {o.unit}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.latest_value === null ? "—" : `${o.latest_value} ${o.unit}`}</Text>
                    {o.latest_period_end && (
                      <Text size="xs" c="dimmed">
                        {formatDate(o.latest_period_end)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Sparkline org={slug} objective={o} />
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[o.status]} variant="light">
                      {STATUS_LABELS[o.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.owner_id ? (names.get(o.owner_id) ?? "former member") : "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    {canWrite && (
                      <Button size="xs" variant="light" onClick={() => setMeasuring(o)} aria-label={`Add measurement to ${o.key}`}>
                        Add measurement
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <ObjectiveModal org={slug} onClose={() => setCreating(false)} />}
      {measuring && <MeasurementModal org={slug} objective={measuring} onClose={() => setMeasuring(null)} />}
    </Stack>
  );
}
