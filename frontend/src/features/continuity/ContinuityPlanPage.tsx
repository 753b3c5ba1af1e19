import { useState } from "react";
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import {
  continuityCreateContinuityTestMutation,
  continuityGetContinuityPlanOptions,
  continuityListContinuityTestsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { TestResult } from "../../api/gen/types.gen";
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
import { PlanModal } from "./ContinuityPage";
import { CONTINUITY_OPERATIONS, TEST_RESULT_COLORS, TEST_RESULT_LABELS, TEST_RESULT_OPTIONS } from "./labels";

interface TestValues {
  tested_on: string | null;
  scenario: string;
  result: TestResult | null;
  issues_found: string;
  evidence_item_id: string | null;
}

function TestModal({ org, planId, onClose }: { org: string; planId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<TestValues>({
    initialValues: { tested_on: todayIso(), scenario: "", result: null, issues_found: "", evidence_item_id: null },
    validate: {
      tested_on: (v) => (v ? null : "The day the test was held"),
      scenario: (v) => (v.trim() ? null : "What was exercised (e.g. loss of the primary data centre)"),
      result: (v) => (v ? null : "Pick the result"),
    },
  });
  const create = useMutation({ ...continuityCreateContinuityTestMutation() });
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        path: { org, plan_id: planId },
        body: { tested_on: toIsoDate(v.tested_on) ?? "", scenario: v.scenario.trim(), result: v.result ?? "passed", issues_found: v.issues_found, evidence_item_id: v.evidence_item_id },
      },
      {
        onSuccess: async (t) => {
          notifySuccess(`${t.key} recorded.`);
          await invalidateOperations(queryClient, CONTINUITY_OPERATIONS);
          onClose();
        },
        onError: (error) => handleFormError(form, error, { title: "Could not record the test" }),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Record a continuity test" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <DateInput label="Tested on" required valueFormat="YYYY-MM-DD" maxDate={todayIso()} {...form.getInputProps("tested_on")} />
            <Select label="Result" required data={TEST_RESULT_OPTIONS} {...form.getInputProps("result")} />
          </SimpleGrid>
          <Textarea label="Scenario" required autosize minRows={2} data-autofocus {...form.getInputProps("scenario")} />
          <Textarea label="Issues found" description="What did not work and what will change" autosize minRows={2} {...form.getInputProps("issues_found")} />
          <EvidenceSelect org={org} label="Evidence" description="The test report in the evidence register (optional)" {...form.getInputProps("evidence_item_id")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record test
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One continuity plan with its tests, newest first. */
export function ContinuityPlanPage() {
  const { slug: org } = useCurrentOrg();
  const { planId } = useParams({ from: "/_authed/orgs/$org/continuity/$planId" });
  const canWrite = useCan()("operations:write");
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const names = memberNames(useMembers(org).data);
  const plan = useQuery(continuityGetContinuityPlanOptions({ path: { org, plan_id: planId } }));
  const tests = useQuery(continuityListContinuityTestsOptions({ path: { org, plan_id: planId }, query: { limit: 200 } }));
  const p = plan.data;
  const rows = tests.data?.items ?? [];
  return (
    <Stack gap="lg">
      <AnchorLink to="/orgs/$org/continuity" params={{ org }} size="sm">
        ← Continuity
      </AnchorLink>
      {plan.error && <QueryErrorAlert error={plan.error} />}
      {p && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2}>
                {p.key} {p.title}
              </Title>
              <Text size="sm" c="dimmed">
                Owner {p.owner_id ? (names.get(p.owner_id) ?? "—") : "not named"} · {p.approved_on ? `approved on ${formatDate(p.approved_on)}` : "not approved"}
                {p.evidence_item_id && (
                  <>
                    {" · "}
                    <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: p.evidence_item_id }} size="sm">
                      plan document
                    </AnchorLink>
                  </>
                )}
              </Text>
            </div>
            {canWrite && (
              <Group>
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  Edit plan
                </Button>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
                  Record test
                </Button>
              </Group>
            )}
          </Group>
          {p.description && <Text style={{ whiteSpace: "pre-wrap" }}>{p.description}</Text>}
          <Card withBorder>
            <Title order={4} mb="sm">
              Tests
            </Title>
            {tests.error && <QueryErrorAlert error={tests.error} />}
            {rows.length > 0 ? (
              <Table striped aria-label="Continuity tests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Tested on</Table.Th>
                    <Table.Th>Scenario</Table.Th>
                    <Table.Th>Result</Table.Th>
                    <Table.Th>Issues found</Table.Th>
                    <Table.Th>Evidence</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>{t.key}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(t.tested_on)}</Table.Td>
                      <Table.Td>{t.scenario}</Table.Td>
                      <Table.Td>
                        <Badge color={TEST_RESULT_COLORS[t.result]} style={{ whiteSpace: "nowrap", overflow: "visible" }}>
                          {TEST_RESULT_LABELS[t.result]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={3}>
                          {t.issues_found || "—"}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t.evidence_item_id ? (
                          <AnchorLink to="/orgs/$org/evidence/$evidenceId" params={{ org, evidenceId: t.evidence_item_id }} size="sm">
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
              !tests.isPending && (
                <Text size="sm" c="dimmed">
                  Never tested. Exercise the plan against a scenario, then record the date, result and issues found here.
                </Text>
              )
            )}
          </Card>
          {editing && <PlanModal org={org} plan={p} onClose={() => setEditing(false)} />}
          {recording && <TestModal org={org} planId={p.id} onClose={() => setRecording(false)} />}
        </>
      )}
    </Stack>
  );
}
