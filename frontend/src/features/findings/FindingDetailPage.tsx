import { useState } from "react";
import { Badge, Button, Card, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import { findingsGetFinding } from "../../api/gen/sdk.gen";
import {
  auditsGetAuditOptions,
  findingsGetFindingQueryKey,
  findingsTransitionFindingMutation,
  findingsUpdateFindingMutation,
} from "../../api/gen/@tanstack/react-query.gen";
import type { FindingGrade, FindingRead, FindingStatus } from "../../api/gen/types.gen";
import { AnchorLink, ButtonLink } from "../../components/links";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { handleFormError } from "../../lib/forms";
import { notifySuccess } from "../../lib/notify";
import { useWorkflowMove } from "../../lib/workflow";
import { OccurredDateInput, todayIso } from "../../components/OccurredDate";
import { invalidateOperations } from "../../api/invalidate";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { MeasureStatusBadge } from "../corrective_measures/MeasureStatusBadge";
import { FindingStatusBadge, GradeBadge } from "./GradeBadge";
import { FINDING_TRANSITION_LABELS, GRADE_OPTIONS, isGrade, isNonconformity, SOURCE_LABELS } from "./labels";

function findingWithEtagOptions(org: string, findingId: string) {
  return queryOptions({
    queryKey: [...findingsGetFindingQueryKey({ path: { org, finding_id: findingId } }), "with-etag"] as const,
    queryFn: async ({ signal }) => {
      const { data, response } = await findingsGetFinding({ path: { org, finding_id: findingId }, signal });
      return { finding: data, etag: response.headers.get("ETag") };
    },
  });
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: "pre-wrap" }}>
        {children}
      </Text>
    </div>
  );
}

/** One finding: what was found, where, and its lifecycle (decision note for observations and OFIs). */
export function FindingDetailPage() {
  const { findingId } = useParams({ from: "/_authed/orgs/$org/findings/$findingId" });
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(findingWithEtagOptions(slug, findingId));
  const auditId = query.data?.finding.audit_id;
  const audit = useQuery({
    ...auditsGetAuditOptions({ path: { org: slug, audit_id: auditId ?? "" } }),
    enabled: Boolean(auditId),
  });
  const names = memberNames(useMembers(slug).data);
  const [closing, setClosing] = useState(false);
  const [note, setNote] = useState("");
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const canWrite = can("findings:write");

  const refresh = () =>
    invalidateOperations(queryClient, ["findingsGetFinding", "findingsListFindings", "auditsGetAuditChecklist", "auditsGetAuditReport", "activityListActivity"]);

  const { moving, problem, clearProblem, move } = useWorkflowMove("finding", (s: FindingStatus) => s.replace("_", " "), findingsTransitionFindingMutation(), refresh);
  const transition = (finding: FindingRead, to: FindingStatus, decision = "", occurred_on?: string) =>
    move(
      { path: { org: slug, finding_id: finding.id }, body: { to, note: decision, ...(occurred_on ? { occurred_on } : {}) } },
      () => {
        setClosing(false);
        setNote("");
      },
    );

  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={300} />;
  const { finding, etag } = query.data;
  const nc = isNonconformity(finding.grade);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <AnchorLink size="sm" to="/orgs/$org/findings" params={{ org: slug }}>
            ← Findings
          </AnchorLink>
          <Group gap="sm" mt={4}>
            <Title order={2}>{finding.key}</Title>
            <GradeBadge grade={finding.grade} size="md" />
            <FindingStatusBadge status={finding.status} size="md" />
            {finding.overdue && <Badge color="red">Overdue</Badge>}
          </Group>
        </div>
        {canWrite && (
          <Group gap="xs">
            {nc && finding.status !== "closed" && (
              <ButtonLink variant="light" to="/orgs/$org/corrective-measures" params={{ org: slug }} search={{ finding: finding.id }}>
                Create corrective measure
              </ButtonLink>
            )}
            {finding.status !== "closed" && (
              <Button variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {finding.allowed_transitions.map((to) => (
              <Button
                key={to}
                color={to === "closed" ? "teal" : undefined}
                loading={moving === to}
                onClick={() => (to === "closed" ? setClosing(true) : void transition(finding, to))}
              >
                {FINDING_TRANSITION_LABELS[to]}
              </Button>
            ))}
          </Group>
        )}
      </Group>

      {problem && <ProblemAlert problem={problem} onClose={clearProblem} />}

      <Card withBorder padding="md">
        <Stack gap="md">
          <Field label="Statement">{finding.statement}</Field>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Field label="Requirement">
              {finding.requirement_ref ? (
                <AnchorLink size="sm" to="/orgs/$org/requirements/$ref" params={{ org: slug, ref: finding.requirement_ref }}>
                  {finding.requirement_ref}
                </AnchorLink>
              ) : (
                "—"
              )}
            </Field>
            <Field label="Audit">
              {finding.audit_id ? (
                <AnchorLink size="sm" to="/orgs/$org/audits/$auditId" params={{ org: slug, auditId: finding.audit_id }}>
                  {audit.data ? `${audit.data.key} ${audit.data.title}` : "Open the audit"}
                </AnchorLink>
              ) : (
                "—"
              )}
            </Field>
            <Field label="Source">{SOURCE_LABELS[finding.source]}</Field>
            <Field label="Raised">
              {finding.raised_on !== finding.raised_at.slice(0, 10)
                ? `${formatDate(finding.raised_on)} (recorded ${formatDateTime(finding.raised_at)})`
                : formatDateTime(finding.raised_at)}
              {finding.raised_by_id && ` by ${names.get(finding.raised_by_id) ?? "a former member"}`}
            </Field>
            <Field label="Due">{formatDate(finding.due_date)}</Field>
            {finding.closed_at && (
              <Field label="Closed">
                {finding.closed_on && finding.closed_on !== finding.closed_at.slice(0, 10)
                  ? `${formatDate(finding.closed_on)} (recorded ${formatDateTime(finding.closed_at)})`
                  : formatDateTime(finding.closed_at)}
              </Field>
            )}
            {finding.certification_body && (
              <>
                <Field label="Plan accepted by the body">{formatDateTime(finding.cb_plan_accepted_at)}</Field>
                <Field label="Verified by the body">{formatDateTime(finding.cb_verified_at)}</Field>
              </>
            )}
          </SimpleGrid>
          {finding.closure_decision === "correction_only" && <Field label="Closed on a correction only">{finding.decision_note || "—"}</Field>}
          {finding.closure_decision !== "correction_only" && finding.decision_note && <Field label="Decision note">{finding.decision_note}</Field>}
          <Text size="xs" c="dimmed">
            {nc
              ? "A nonconformity moves open → action planned → closed: its action is planned when a linked measure is planned, and it closes by itself when its last open measure closes with an effective review."
              : "Observations and OFIs are not nonconformities and have no corrective measures: close them on a correction-only decision, with its reason."}
          </Text>
        </Stack>
      </Card>

      {(nc || finding.measures.length > 0) && <FindingMeasures org={slug} finding={finding} names={names} />}

      <Modal opened={closing} onClose={() => setClosing(false)} title={`Close ${finding.key}`} centered>
        <Stack gap="md">
          {problem && <ProblemAlert problem={problem} />}
          <Textarea
            label={nc ? "Closing note" : "Reason for closing on a correction only"}
            required={!nc}
            description={nc ? "Optional: how the nonconformity was resolved" : "Why a correction is enough here (no corrective action)"}
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <OccurredDateInput label="Closed on" value={closedOn ?? todayIso()} onChange={setClosedOn} minDate={finding.raised_on} w={200} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setClosing(false)}>
              Cancel
            </Button>
            <Button color="teal" loading={moving === "closed"} disabled={!nc && !note.trim()} onClick={() => void transition(finding, "closed", note.trim(), closedOn ?? todayIso())}>
              Close finding
            </Button>
          </Group>
        </Stack>
      </Modal>

      {editing && (
        <EditFindingModal
          org={slug}
          finding={finding}
          etag={etag}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notifySuccess(`${finding.key} saved.`);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

/** The corrective measures linked to the finding, each with its state and effectiveness result. */
function FindingMeasures({ org, finding, names }: { org: string; finding: FindingRead; names: Map<string, string> }) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Corrective measures</Title>
        {finding.measures.length === 0 ? (
          <Text size="sm" c="dimmed">
            No corrective measure is linked yet: a nonconformity closes only after one is closed with an effective review.
          </Text>
        ) : (
          <Table aria-label="Corrective measures of the finding">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Measure</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Effectiveness</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {finding.measures.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <AnchorLink size="sm" to="/orgs/$org/corrective-measures/$measureId" params={{ org, measureId: m.id }}>
                      {m.key} {m.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <MeasureStatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>{m.owner_id ? (names.get(m.owner_id) ?? "a former member") : "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(m.due_date)}
                    {m.overdue && (
                      <Badge color="red" ml="xs" size="xs">
                        Overdue
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.effectiveness_result === null ? "—" : m.effectiveness_result === "effective" ? "Effective" : "Not effective"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function EditFindingModal({
  org,
  finding,
  etag,
  onClose,
  onSaved,
}: {
  org: string;
  finding: FindingRead;
  etag: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const form = useForm({
    mode: "controlled",
    initialValues: { grade: finding.grade as FindingGrade, statement: finding.statement, due_date: finding.due_date as string | null },
    validate: { statement: (v) => (v.trim() ? null : "The statement cannot be empty") },
  });
  const save = useMutation({
    ...findingsUpdateFindingMutation(),
    onSuccess: () => onSaved(),
    onError: (error) => handleFormError(form, error, { title: "Could not save the finding" }),
  });
  const submit = form.onSubmit((values) =>
    save.mutate({
      path: { org, finding_id: finding.id },
      headers: { "If-Match": etag ?? "" },
      body: {
        ...(values.grade !== finding.grade ? { grade: values.grade } : {}),
        statement: values.statement.trim(),
        due_date: values.due_date ? String(values.due_date).slice(0, 10) : null,
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Edit ${finding.key}`} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Grade"
              data={GRADE_OPTIONS}
              allowDeselect={false}
              disabled={finding.status !== "open"}
              description={finding.status !== "open" ? "Changes only while the finding is open" : undefined}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("grade")}
              onChange={(v) => isGrade(v) && form.setFieldValue("grade", v)}
            />
            <DateInput label="Due date" valueFormat="D MMM YYYY" clearable popoverProps={{ withinPortal: true }} {...form.getInputProps("due_date")} />
          </SimpleGrid>
          <Textarea label="Statement" required autosize minRows={3} {...form.getInputProps("statement")} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
