import { useState } from "react";
import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  risksCreateRiskMethodMutation,
  risksCreateRiskMutation,
  risksGetHeatMapOptions,
  risksGetRiskMethodOptions,
  risksListRisksOptions,
  risksUpdateRiskMethodMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { RiskMethodRead, Treatment } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { todayIso } from "../corrective_measures/steps";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";

const TREATMENTS: { value: Treatment; label: string }[] = [
  { value: "accept", label: "Accept" },
  { value: "treat", label: "Treat" },
  { value: "transfer", label: "Transfer" },
  { value: "avoid", label: "Avoid" },
];
const LEVEL_COLORS = ["teal", "yellow", "orange", "red", "grape"];

/** A 5 x 5 starting method the SMS manager adapts and approves. */
const DEFAULT_METHOD = {
  likelihood_scale: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
  impact_scale: ["Negligible", "Minor", "Moderate", "Major", "Severe"],
  levels: ["low", "medium", "high"],
  matrix: [
    ["low", "low", "low", "medium", "medium"],
    ["low", "low", "medium", "medium", "high"],
    ["low", "medium", "medium", "high", "high"],
    ["medium", "medium", "high", "high", "high"],
    ["medium", "high", "high", "high", "high"],
  ],
  acceptance_criteria: "",
  acceptable_levels: ["low"],
};

function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  return invalidateOperations(queryClient, ["risksListRisks", "risksGetHeatMap", "risksGetRiskMethod", "risksGetRisk", "activityListActivity"]);
}

function levelColor(method: RiskMethodRead | undefined, level: string | null | undefined): string {
  if (!method || !level) return "gray";
  return LEVEL_COLORS[Math.min(method.levels.indexOf(level), LEVEL_COLORS.length - 1)] ?? "gray";
}

/** Likelihood (rows, highest on top) x impact (columns): open risks per cell, coloured by level. */
function HeatMap({ org, method, onPick }: { org: string; method: RiskMethodRead; onPick: (level: string | null) => void }) {
  const heat = useQuery(risksGetHeatMapOptions({ path: { org } }));
  if (heat.isPending) return <Skeleton h={220} />;
  const cells = new Map((heat.data?.cells ?? []).map((c) => [`${c.likelihood}:${c.impact}`, c]));
  const rows = [...method.likelihood_scale.keys()].reverse();
  return (
    <Stack gap={4} role="table" aria-label="Risk heat map">
      {rows.map((li) => (
        <Group key={li} gap={4} wrap="nowrap" role="row">
          <Text size="xs" w={110} ta="right" role="rowheader">
            {method.likelihood_scale[li]}
          </Text>
          {method.impact_scale.map((impact, ii) => {
            const cell = cells.get(`${li + 1}:${ii + 1}`);
            const level = method.matrix[li]?.[ii] ?? null;
            return (
              <Tooltip key={ii} label={`${method.likelihood_scale[li]} × ${impact}: ${level ?? "?"}`}>
                <Paper
                  role="cell"
                  aria-label={`likelihood ${li + 1}, impact ${ii + 1}: ${cell?.count ?? 0} risk(s), ${level}`}
                  w={64}
                  h={40}
                  radius="sm"
                  bg={`${levelColor(method, level)}.${cell?.count ? 5 : 1}`}
                  style={{ display: "grid", placeItems: "center", cursor: "pointer" }}
                  onClick={() => onPick(level)}
                >
                  <Text fw={700} c={cell?.count ? "white" : "dimmed"}>
                    {cell?.count ?? 0}
                  </Text>
                </Paper>
              </Tooltip>
            );
          })}
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <Text w={110} size="xs" ta="right" c="dimmed">
          likelihood ↑ / impact →
        </Text>
        {method.impact_scale.map((label) => (
          <Text key={label} w={64} size="xs" ta="center">
            {label}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

/** The method: acceptance criteria and the approval (scales and matrix through the API). */
function MethodPanel({ org, method, canManage }: { org: string; method: RiskMethodRead; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [criteria, setCriteria] = useState(method.acceptance_criteria);
  const update = useMutation({
    ...risksUpdateRiskMethodMutation(),
    onSuccess: async () => {
      notifySuccess("Risk method saved.");
      await refresh(queryClient);
    },
  });
  const save = (body: { acceptance_criteria?: string; approved_on?: string }) =>
    update.mutate({ path: { org }, body, headers: { "If-Match": `"${method.version}"` } });
  return (
    <Paper withBorder p="md" aria-label="Risk method">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Risk method</Title>
          {method.approved ? <Badge color="teal">Approved {formatDate(method.approved_on ?? "")}</Badge> : <Badge color="orange">Not approved</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          Likelihood: {method.likelihood_scale.join(" · ")} — Impact: {method.impact_scale.join(" · ")} — Levels: {method.levels.join(", ")} (acceptable:{" "}
          {method.acceptable_levels.join(", ") || "none"})
        </Text>
        <Textarea label="Acceptance criteria" autosize minRows={2} readOnly={!canManage} value={criteria} onChange={(e) => setCriteria(e.currentTarget.value)} />
        {canManage && (
          <Group justify="flex-end">
            <Button variant="default" loading={update.isPending} onClick={() => save({ acceptance_criteria: criteria })}>
              Save criteria
            </Button>
            <Button loading={update.isPending} disabled={method.approved || !criteria.trim()} onClick={() => save({ acceptance_criteria: criteria, approved_on: todayIso() })}>
              Approve method
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function RiskModal({ org, method, onClose }: { org: string; method: RiskMethodRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "risks:write");
  const form = useForm({
    mode: "controlled",
    initialValues: { title: "", description: "", likelihood: "1" as string | null, impact: "1" as string | null, treatment: null as string | null, owner_id: null as string | null },
    validate: { title: (v) => (v.trim() ? null : "Give the risk a title") },
  });
  const create = useMutation({
    ...risksCreateRiskMutation(),
    onSuccess: async (risk) => {
      notifySuccess(`${risk.key} registered (${risk.level ?? "no level"}).`);
      await refresh(queryClient);
      onClose();
    },
    onError: (error) => handleFormError(form, error, { title: "Could not register the risk" }),
  });
  const submit = form.onSubmit((v) =>
    create.mutate({
      path: { org },
      body: {
        title: v.title.trim(),
        description: v.description.trim(),
        likelihood: Number(v.likelihood ?? 1),
        impact: Number(v.impact ?? 1),
        treatment: (v.treatment as Treatment | null) ?? null,
        owner_id: v.owner_id,
      },
    }),
  );
  const scale = (labels: string[]) => labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} ${label}` }));
  return (
    <Modal opened onClose={onClose} title="New risk" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <SimpleGrid cols={2}>
            <Select label="Likelihood" allowDeselect={false} data={scale(method.likelihood_scale)} comboboxProps={{ withinPortal: true }} {...form.getInputProps("likelihood")} />
            <Select label="Impact" allowDeselect={false} data={scale(method.impact_scale)} comboboxProps={{ withinPortal: true }} {...form.getInputProps("impact")} />
            <Select label="Treatment decision" clearable data={TREATMENTS} comboboxProps={{ withinPortal: true }} {...form.getInputProps("treatment")} />
            <Select label="Owner" clearable searchable data={owners} comboboxProps={{ withinPortal: true }} {...form.getInputProps("owner_id")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Register risk
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The risk register (6.1): method, heat map of likelihood x impact and the risks. */
export function RisksPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const names = memberNames(useMembers(slug).data);
  const method = useQuery({ ...risksGetRiskMethodOptions({ path: { org: slug } }), retry: false });
  const risks = useQuery(risksListRisksOptions({ path: { org: slug }, query: { limit: 500, level: level ?? undefined } }));
  const start = useMutation({
    ...risksCreateRiskMethodMutation(),
    onSuccess: async () => {
      notifySuccess("Risk method recorded: adapt the acceptance criteria and approve it.");
      await refresh(queryClient);
    },
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Risks</Title>
          <Text size="sm" c="dimmed">
            The risk method with its acceptance criteria, and every risk with its owner, level and treatment decision.
          </Text>
        </div>
        {can("risks:write") && method.data && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New risk
          </Button>
        )}
      </Group>
      {method.isError && (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Text size="sm">No risk method recorded yet: risks are assessed on its scales.</Text>
            {can("risks:manage") && (
              <Button loading={start.isPending} onClick={() => start.mutate({ path: { org: slug }, body: DEFAULT_METHOD })}>
                Record a 5 × 5 method
              </Button>
            )}
          </Group>
        </Paper>
      )}
      {method.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <HeatMap org={slug} method={method.data} onPick={setLevel} />
          <MethodPanel key={method.data.version} org={slug} method={method.data} canManage={can("risks:manage")} />
        </SimpleGrid>
      )}
      <Group gap="sm">
        <Select
          aria-label="Level"
          placeholder="Any level"
          size="xs"
          w={180}
          clearable
          data={method.data?.levels ?? []}
          value={level}
          onChange={setLevel}
        />
      </Group>
      {risks.isError && <QueryErrorAlert error={risks.error} onRetry={() => void risks.refetch()} />}
      {risks.isPending && <Skeleton h={200} />}
      {risks.data && risks.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No risks{level ? " at this level" : " yet"}.
        </Text>
      )}
      {risks.data && risks.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm" aria-label="Risk register">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Risk</Table.Th>
                <Table.Th>L × I</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Treatment</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risks.data.items.map((r) => (
                <Table.Tr key={r.id} id={`risk-${r.id}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.key} {r.title}
                    </Text>
                    {r.actions.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {r.actions.filter((a) => a.done).length} of {r.actions.length} treatment action(s) done
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.likelihood} × {r.impact}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={levelColor(method.data, r.level)}>{r.level ?? "—"}</Badge>
                  </Table.Td>
                  <Table.Td>{r.treatment ? TREATMENTS.find((t) => t.value === r.treatment)?.label : <Badge color="red">Not decided</Badge>}</Table.Td>
                  <Table.Td>{r.owner_id ? (names.get(r.owner_id) ?? "—") : <Badge color="red">No owner</Badge>}</Table.Td>
                  <Table.Td>
                    {r.review_date ? formatDate(r.review_date) : "—"}
                    {r.review_overdue && (
                      <Badge ml="xs" color="orange">
                        overdue
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && method.data && <RiskModal org={slug} method={method.data} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
