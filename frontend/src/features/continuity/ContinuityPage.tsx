import { useState } from "react";
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  continuityCreateContinuityPlanMutation,
  continuityListContinuityPlansOptions,
  continuityListContinuityTestsOptions,
  continuityUpdateContinuityPlanMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { PlanRead } from "../../api/gen/types.gen";
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
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CONTINUITY_OPERATIONS, TEST_RESULT_COLORS, TEST_RESULT_LABELS } from "./labels";

interface PlanValues {
  title: string;
  description: string;
  owner_id: string | null;
  approved_on: string | null;
  evidence_item_id: string | null;
}

/** Create a plan, or change one with its version as If-Match (412: someone saved in between). */
export function PlanModal({ org, plan, onClose }: { org: string; plan: PlanRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const owners = useMemberOptions(org, "operations:read");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<PlanValues>({
    initialValues: {
      title: plan?.title ?? "",
      description: plan?.description ?? "",
      owner_id: plan?.owner_id ?? null,
      approved_on: plan?.approved_on ?? null,
      evidence_item_id: plan?.evidence_item_id ?? null,
    },
    validate: { title: (v) => (v.trim() ? null : "Give the plan a title") },
  });
  const create = useMutation({ ...continuityCreateContinuityPlanMutation() });
  const update = useMutation({ ...continuityUpdateContinuityPlanMutation() });
  const done = async (p: PlanRead, verb: string) => {
    notifySuccess(`${p.key} ${p.title} ${verb}.`);
    await invalidateOperations(queryClient, CONTINUITY_OPERATIONS);
    onClose();
  };
  const onError = async (error: unknown) => {
    const p = toApiProblem(error);
    if (p.status === 412) {
      setProblem(p);
      await invalidateOperations(queryClient, CONTINUITY_OPERATIONS);
      return;
    }
    setProblem(null);
    handleFormError(form, error, { title: "Could not save the continuity plan" });
  };
  const submit = form.onSubmit((v) => {
    const body = { ...v, title: v.title.trim(), approved_on: toIsoDate(v.approved_on) };
    if (plan)
      update.mutate({ path: { org, plan_id: plan.id }, headers: { "If-Match": `"${plan.version}"` }, body }, { onSuccess: (p) => done(p, "saved"), onError });
    else create.mutate({ path: { org }, body }, { onSuccess: (p) => done(p, "recorded"), onError });
  });
  return (
    <Modal opened onClose={onClose} title={plan ? `Edit ${plan.key}` : "New continuity plan"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && (
            <ProblemAlert
              problem={problem}
              title="Someone else changed this plan meanwhile: close this form and open it again to see their version"
              onClose={() => setProblem(null)}
            />
          )}
          <TextInput label="Title" required data-autofocus {...form.getInputProps("title")} />
          <Textarea label="Description" description="The services it covers, the scenarios, recovery objectives" autosize minRows={2} {...form.getInputProps("description")} />
          <SimpleGrid cols={2}>
            <Select label="Owner" data={owners} clearable searchable {...form.getInputProps("owner_id")} />
            <DateInput label="Approved on" clearable valueFormat="YYYY-MM-DD" maxDate={todayIso()} {...form.getInputProps("approved_on")} />
          </SimpleGrid>
          <EvidenceSelect org={org} label="Plan document" description="The plan in the evidence register (optional)" {...form.getInputProps("evidence_item_id")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={problem !== null}>
              {plan ? "Save" : "Record plan"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The newest test of a plan (the tests list is newest first). */
function LastTest({ org, planId }: { org: string; planId: string }) {
  const tests = useQuery(continuityListContinuityTestsOptions({ path: { org, plan_id: planId }, query: { limit: 1 } }));
  const last = tests.data?.items[0];
  if (tests.isPending) return null;
  if (!last) return <Text size="sm" c="dimmed">never tested</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {formatDate(last.tested_on)}
      </Text>
      <Badge color={TEST_RESULT_COLORS[last.result]} style={{ whiteSpace: "nowrap", overflow: "visible" }}>
        {TEST_RESULT_LABELS[last.result]}
      </Badge>
    </Group>
  );
}

/** Service continuity (8.7.2): the plans and when each was last tested. */
export function ContinuityPage() {
  const { slug: org } = useCurrentOrg();
  const canWrite = useCan()("operations:write");
  const [creating, setCreating] = useState(false);
  const names = memberNames(useMembers(org).data);
  const plans = useQuery(continuityListContinuityPlansOptions({ path: { org }, query: { limit: 200 } }));
  const rows = plans.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Continuity</Title>
          <Text size="sm" c="dimmed">
            The service continuity plans and their tests: each plan needs a test with its result within the last 12 months (RDY-21).
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New plan
          </Button>
        )}
      </Group>
      {plans.error && <QueryErrorAlert error={plans.error} />}
      {rows.length > 0 && (
        <Table striped aria-label="Continuity plans">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Approved on</Table.Th>
              <Table.Th>Last test</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <AnchorLink to="/orgs/$org/continuity/$planId" params={{ org, planId: p.id }} size="sm">
                    {p.key} {p.title}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{p.owner_id ? (names.get(p.owner_id) ?? "—") : "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{p.approved_on ? formatDate(p.approved_on) : <Text size="sm" c="orange">not approved</Text>}</Table.Td>
                <Table.Td>
                  <LastTest org={org} planId={p.id} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {plans.data && rows.length === 0 && (
        <Text c="dimmed">{canWrite ? "No continuity plan recorded yet. Record the plan, then each test of it." : "No continuity plan recorded yet."}</Text>
      )}
      {creating && <PlanModal org={org} plan={null} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
