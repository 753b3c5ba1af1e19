import { useState } from "react";
import { ActionIcon, Badge, Button, Card, Checkbox, Group, List, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArchive, IconCheck, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  contextAddIssueMutation,
  contextAddPartyMutation,
  contextCreateContextMutation,
  contextGetContextOptions,
  contextUpdateContextMutation,
  contextUpdateIssueMutation,
  contextUpdatePartyMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { ContextRead, IssueKind, IssueRead, PartyKind, PartyRead } from "../../api/gen/types.gen";
import { invalidateOperations } from "../../api/invalidate";
import { todayIso } from "../../components/OccurredDate";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { type ApiProblem, toApiProblem } from "../../lib/problem";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { contextGaps, REVIEW_MONTHS } from "./gaps";
import { CLIMATE_OPTIONS, CONTEXT_OPERATIONS, ISSUE_KIND_LABELS, ISSUE_KIND_OPTIONS, PARTY_KIND_LABELS, PARTY_KIND_OPTIONS } from "./labels";

const STALE = "Someone else changed the context record meanwhile: the page now shows their version, check it and try again";

interface StatementValues {
  summary: string;
  climate: string | null;
  climate_change_reasoning: string;
}

/** The summary and the climate-change statement, saved with the record's version as If-Match. */
function StatementModal({ org, rec, onClose }: { org: string; rec: ContextRead; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<StatementValues>({
    initialValues: {
      summary: rec.summary,
      climate: rec.climate_change_relevant === null ? null : rec.climate_change_relevant ? "yes" : "no",
      climate_change_reasoning: rec.climate_change_reasoning,
    },
  });
  const update = useMutation({ ...contextUpdateContextMutation() });
  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        path: { org },
        headers: { "If-Match": `"${rec.version}"` },
        body: { summary: v.summary, climate_change_relevant: v.climate === null ? null : v.climate === "yes", climate_change_reasoning: v.climate_change_reasoning },
      },
      {
        onSuccess: async () => {
          notifySuccess("Context record saved.");
          await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
          onClose();
        },
        onError: async (error) => {
          const p = toApiProblem(error);
          if (p.status === 412) {
            setProblem(p);
            await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
            return;
          }
          setProblem(null);
          handleFormError(form, error, { title: "Could not save the context record", aliases: { climate_change_relevant: "climate" } });
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Edit the context statement" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {problem && <ProblemAlert problem={problem} title="Someone else changed the context record meanwhile: close this form and open it again to see their version" onClose={() => setProblem(null)} />}
          <Textarea label="Summary" description="The organisation's purpose and the context of its service management system" autosize minRows={3} data-autofocus {...form.getInputProps("summary")} />
          <Select label="Climate change" description="Is climate change a relevant issue for the SMS?" placeholder="Not stated" data={CLIMATE_OPTIONS} clearable {...form.getInputProps("climate")} />
          <Textarea label="Climate-change reasoning" description="Why it is, or is not, relevant" autosize minRows={2} {...form.getInputProps("climate_change_reasoning")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={problem !== null}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function IssueModal({ org, onClose }: { org: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ kind: IssueKind | null; description: string }>({
    initialValues: { kind: null, description: "" },
    validate: { kind: (v) => (v ? null : "Internal or external"), description: (v) => (v.trim() ? null : "Describe the issue") },
  });
  const add = useMutation({ ...contextAddIssueMutation() });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { path: { org }, body: { kind: v.kind ?? "internal", description: v.description.trim() } },
      {
        onSuccess: async () => {
          notifySuccess("Issue added.");
          await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
          onClose();
        },
        onError: (error) => handleFormError(form, error, { title: "Could not add the issue" }),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title="Add an issue" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select label="Kind" required data={ISSUE_KIND_OPTIONS} {...form.getInputProps("kind")} />
          <Textarea label="Description" required autosize minRows={2} {...form.getInputProps("description")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add issue
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface PartyValues {
  name: string;
  kind: PartyKind | null;
  requirements: string;
  relevant: boolean;
}

function PartyModal({ org, party, onClose }: { org: string; party: PartyRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<PartyValues>({
    initialValues: { name: party?.name ?? "", kind: party?.kind ?? null, requirements: party?.requirements ?? "", relevant: party?.relevant ?? true },
    validate: { name: (v) => (v.trim() ? null : "Name the interested party"), kind: (v) => (v ? null : "Pick what kind of party it is") },
  });
  const add = useMutation({ ...contextAddPartyMutation() });
  const update = useMutation({ ...contextUpdatePartyMutation() });
  const options = {
    onSuccess: async () => {
      notifySuccess(party ? "Interested party saved." : "Interested party added.");
      await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
      onClose();
    },
    onError: (error: unknown) => handleFormError(form, error, { title: "Could not save the interested party" }),
  };
  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), kind: v.kind ?? "other", requirements: v.requirements, relevant: v.relevant };
    if (party) update.mutate({ path: { org, party_id: party.id }, body }, options);
    else add.mutate({ path: { org }, body }, options);
  });
  return (
    <Modal opened onClose={onClose} title={party ? `Edit ${party.name}` : "Add an interested party"} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
            <Select label="Kind" required data={PARTY_KIND_OPTIONS} {...form.getInputProps("kind")} />
          </SimpleGrid>
          <Textarea label="Requirements" description="What this party requires of the services and the SMS" autosize minRows={2} {...form.getInputProps("requirements")} />
          <Checkbox label="Relevant to the SMS" {...form.getInputProps("relevant", { type: "checkbox" })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {party ? "Save" : "Add party"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function IssueList({ org, kind, issues, canWrite }: { org: string; kind: IssueKind; issues: IssueRead[]; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const retire = useMutation({ ...contextUpdateIssueMutation() });
  const active = issues.filter((i) => i.kind === kind && i.active);
  return (
    <div>
      <Title order={5} mb={4}>
        {ISSUE_KIND_LABELS[kind]} issues
      </Title>
      {active.length === 0 ? (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label={`${ISSUE_KIND_LABELS[kind]} issues`}>
          {active.map((i) => (
            <List.Item key={i.id}>
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Text size="sm">{i.description}</Text>
                {canWrite && (
                  <Tooltip label="Retire this issue">
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={`Retire ${i.description}`}
                      onClick={() =>
                        retire.mutate(
                          { path: { org, issue_id: i.id }, body: { active: false } },
                          { onSuccess: () => invalidateOperations(queryClient, CONTEXT_OPERATIONS), onError: (e) => notifyProblem(e, "Could not retire the issue") },
                        )
                      }
                    >
                      <IconArchive size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

function ContextRecordView({ org, rec, canWrite }: { org: string; rec: ContextRead; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const names = memberNames(useMembers(org).data);
  const [editing, setEditing] = useState(false);
  const [addingIssue, setAddingIssue] = useState(false);
  const [party, setParty] = useState<PartyRead | "new" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const update = useMutation({ ...contextUpdateContextMutation() });
  const today = todayIso();
  const gaps = contextGaps(rec, today);
  const stamp = (body: { approved_on?: string; reviewed_on?: string }, done: string) =>
    update.mutate(
      { path: { org }, headers: { "If-Match": `"${rec.version}"` }, body },
      {
        onSuccess: async () => {
          setProblem(null);
          notifySuccess(done);
          await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
        },
        onError: async (error) => {
          setProblem(toApiProblem(error));
          if (toApiProblem(error).status === 412) await invalidateOperations(queryClient, CONTEXT_OPERATIONS);
        },
      },
    );
  return (
    <Stack gap="lg">
      {problem && <ProblemAlert problem={problem} title={problem.status === 412 ? STALE : "Could not save the context record"} onClose={() => setProblem(null)} />}
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>Approval and review</Title>
            <Text size="sm">
              {rec.approved_on ? `Approved on ${formatDate(rec.approved_on)}${rec.approved_by_id ? ` by ${names.get(rec.approved_by_id) ?? "a former member"}` : ""}` : "Not approved"}
              {" · "}
              {rec.reviewed_on ? `last reviewed on ${formatDate(rec.reviewed_on)}` : "no review recorded"}
            </Text>
          </div>
          {canWrite && (
            <Group>
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                Edit statement
              </Button>
              {rec.approved_on ? (
                <Button variant="light" loading={update.isPending} onClick={() => stamp({ reviewed_on: today }, "Review recorded.")}>
                  Mark reviewed today
                </Button>
              ) : (
                <Button leftSection={<IconCheck size={16} aria-hidden />} loading={update.isPending} onClick={() => stamp({ approved_on: today }, "Context record approved.")}>
                  Approve
                </Button>
              )}
            </Group>
          )}
        </Group>
        {gaps.length === 0 ? (
          <Badge mt="sm" color="teal" variant="light" style={{ textTransform: "none" }}>
            Complete, and approved or reviewed within {REVIEW_MONTHS} months
          </Badge>
        ) : (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={600} c="orange">
              Still missing for RDY-03:
            </Text>
            <List size="sm" aria-label="Still missing">
              {gaps.map((g) => (
                <List.Item key={g}>{g}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={4} mb="xs">
          Context
        </Title>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={rec.summary ? undefined : "dimmed"}>
          {rec.summary || "No summary written yet."}
        </Text>
        <Title order={5} mt="md" mb={4}>
          Climate change
        </Title>
        <Text size="sm">
          {rec.climate_change_relevant === null ? "Relevance not stated." : rec.climate_change_relevant ? "Relevant to the SMS." : "Not relevant to the SMS."} {rec.climate_change_reasoning}
        </Text>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>Issues</Title>
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAddingIssue(true)}>
              Add issue
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <IssueList org={org} kind="internal" issues={rec.issues} canWrite={canWrite} />
          <IssueList org={org} kind="external" issues={rec.issues} canWrite={canWrite} />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={4}>Interested parties</Title>
          {canWrite && (
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setParty("new")}>
              Add party
            </Button>
          )}
        </Group>
        {rec.parties.length === 0 ? (
          <Text size="sm" c="dimmed">
            No interested party recorded yet: customers, users, suppliers, staff, regulators, owners — and what each requires.
          </Text>
        ) : (
          <Table striped aria-label="Interested parties">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Party</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Requirements</Table.Th>
                <Table.Th>Relevant</Table.Th>
                {canWrite && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rec.parties.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{PARTY_KIND_LABELS[p.kind]}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {p.requirements || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.relevant ? "yes" : "no"}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Tooltip label={`Edit ${p.name}`}>
                        <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setParty(p)}>
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
      </Card>
      {editing && <StatementModal org={org} rec={rec} onClose={() => setEditing(false)} />}
      {addingIssue && <IssueModal org={org} onClose={() => setAddingIssue(false)} />}
      {party && <PartyModal org={org} party={party === "new" ? null : party} onClose={() => setParty(null)} />}
    </Stack>
  );
}

/** The context of the SMS (4.1) and its interested parties (4.2), approved and reviewed (RDY-03). */
export function ContextPage() {
  const { slug: org } = useCurrentOrg();
  const can = useCan();
  const canWrite = can("context:write");
  const queryClient = useQueryClient();
  const record = useQuery({ ...contextGetContextOptions({ path: { org } }), retry: false });
  const create = useMutation({ ...contextCreateContextMutation() });
  const missing = record.error !== null && toApiProblem(record.error).status === 404;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Context & interested parties</Title>
        <Text size="sm" c="dimmed">
          The internal and external issues, the climate-change statement and the interested parties with their requirements, approved and reviewed at least every {REVIEW_MONTHS} months.
        </Text>
      </div>
      {record.error && !missing && <QueryErrorAlert error={record.error} />}
      {missing && (
        <Card withBorder>
          <Text mb={canWrite ? "sm" : 0}>No context record yet.</Text>
          {canWrite && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { path: { org }, body: {} },
                  {
                    onSuccess: (rec) => {
                      queryClient.setQueryData(contextGetContextOptions({ path: { org } }).queryKey, rec);
                      void invalidateOperations(queryClient, CONTEXT_OPERATIONS);
                    },
                    onError: (e) => notifyProblem(e, "Could not start the context record"),
                  },
                )
              }
            >
              Start the context record
            </Button>
          )}
        </Card>
      )}
      {record.data && <ContextRecordView org={org} rec={record.data} canWrite={canWrite} />}
    </Stack>
  );
}
