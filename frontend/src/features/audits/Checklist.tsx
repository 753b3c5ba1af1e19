import { useState } from "react";
import { Accordion, Alert, Badge, Button, Group, Paper, Progress, Skeleton, Stack, Switch, Text, Textarea } from "@mantine/core";
import { IconAlertTriangle, IconArrowsShuffle, IconFlag } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  auditsAssessAuditChecklistLineMutation,
  auditsGetAuditChecklistOptions,
  auditsGetAuditChecklistQueryKey,
  findingsListFindingsOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import type { AuditChecklistRead, AuditDetailRead, ChecklistLineRead, ChecklistLineUpdate, ChecklistResult } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem, type ApiProblem } from "../../lib/problem";
import { useMe } from "../auth/useSession";
import { GradeBadge } from "../findings/GradeBadge";
import { OccurredDateInput, todayIso } from "../../components/OccurredDate";
import { formatDate } from "../../lib/format";
import { RaiseFindingModal } from "../findings/RaiseFindingModal";
import { invalidateOperations } from "../../api/invalidate";
import { clauseTitles, useClauseTree } from "../requirements/catalogue";
import { useCan } from "../orgs/useCan";
import { ASSESSMENT_RESULTS, RESULT_COLORS, RESULT_LABELS } from "./labels";
import { SampleDrawer } from "./SampleDrawer";

interface Props {
  org: string;
  audit: AuditDetailRead;
  names: Map<string, string>;
}

/** Lines grouped by top clause, in checklist (clause) order. */
function groupLines(items: readonly ChecklistLineRead[]) {
  const groups = new Map<string, ChecklistLineRead[]>();
  for (const line of items) groups.set(line.root_ref, [...(groups.get(line.root_ref) ?? []), line]);
  return [...groups.entries()];
}

/** The checklist execution view: one-click results, notes, "Raise finding" per line. */
export function Checklist({ org, audit, names }: Props) {
  const queryClient = useQueryClient();
  const me = useMe();
  const path = { org, audit_id: audit.id };
  const checklist = useQuery(auditsGetAuditChecklistOptions({ path }));
  const findings = useQuery(findingsListFindingsOptions({ path: { org }, query: { audit_id: audit.id, limit: 500 } }));
  const titles = clauseTitles(useClauseTree().data);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [problems, setProblems] = useState<Record<string, ApiProblem>>({});
  const [raising, setRaising] = useState<ChecklistLineRead | null>(null);
  const [sampling, setSampling] = useState<string | null>(null);
  const can = useCan();
  // The day results picked now are recorded as assessed on (a past audit: its real days).
  const [assessedOn, setAssessedOn] = useState<string | null>(null);

  const editable = audit.status === "in_progress" || audit.status === "reporting";
  const onTeam = me !== undefined && (audit.lead_auditor_id === me.id || audit.team_member_ids.includes(me.id));
  // Anyone who reads the audit sees a line's sample; the audit team draws it while the audit runs.
  const sampleReadOnly = !can("audits:conduct")
    ? "Your role shows the sample; the audit team draws it."
    : !editable
      ? `Samples are drawn while the audit is in progress or reporting; it is ${audit.status.replace("_", " ")}.`
      : !onTeam
        ? "Only the lead auditor and the audit team draw samples."
        : null;
  const findingById = new Map((findings.data?.items ?? []).map((f) => [f.id, f]));

  const refreshAudit = () =>
    invalidateOperations(queryClient, ["auditsGetAudit", "auditsGetAuditReport", "auditsListAudits", "activityListActivity"]);

  const assessment = useMutation({
    ...auditsAssessAuditChecklistLineMutation(),
    onMutate: ({ path: { ref } }) => setProblems(({ [ref]: _gone, ...rest }) => rest),
    onSuccess: async (data) => {
      queryClient.setQueryData<AuditChecklistRead>(auditsGetAuditChecklistQueryKey({ path }), (old) =>
        old ? { ...old, items: old.items.map((l) => (l.id === data.id ? data : l)) } : old,
      );
      await refreshAudit();
    },
    onError: (error, { path: { ref } }) => {
      const problem = toApiProblem(error);
      if (problem.status === 409 || problem.status === 403) setProblems((p) => ({ ...p, [ref]: problem }));
      else notifyProblem(problem, `Could not save ${ref}`);
    },
  });
  const pending = assessment.isPending ? assessment.variables.path.ref : null;
  const day = assessedOn ?? todayIso();
  const assess = (line: ChecklistLineRead, body: ChecklistLineUpdate) =>
    assessment.mutate({
      path: { ...path, ref: line.ref },
      // a result picked now is assessed on the chosen day; other edits keep the line's day
      body: body.result && body.result !== "not_assessed" ? { ...body, assessed_on: day } : body,
    });

  if (checklist.isError) return <QueryErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />;
  if (checklist.isPending) return <Skeleton h={300} />;

  const items = checklist.data.items;
  const assessed = items.filter((l) => l.result !== "not_assessed").length;
  const groups = groupLines(onlyOpen ? items.filter((l) => l.result === "not_assessed") : items);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {assessed} of {items.length} lines assessed
          </Text>
          <Progress value={items.length ? (100 * assessed) / items.length : 0} w={160} aria-label="Checklist progress" />
        </Group>
        {editable && (
          <OccurredDateInput
            label="Assessed on"
            value={day}
            onChange={setAssessedOn}
            minDate={audit.actual_start_date}
            w={170}
          />
        )}
        <Switch label="Only lines not assessed" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.currentTarget.checked)} />
      </Group>
      {editable && !onTeam && (
        <Alert color="gray" title="Read only">
          Only the lead auditor and the audit team assess the checklist.
        </Alert>
      )}
      <Accordion multiple defaultValue={groupLines(items).map(([root]) => root)} variant="separated">
        {groups.map(([root, lines]) => {
          const done = lines.filter((l) => l.result !== "not_assessed").length;
          return (
            <Accordion.Item key={root} value={root}>
              <Accordion.Control>
                <Group gap="sm">
                  <Text fw={600}>
                    {root} {titles.get(root) ?? ""}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {done}/{lines.length} assessed
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  {lines.map((line) => (
                    <ChecklistLine
                      key={line.id}
                      line={line}
                      names={names}
                      meId={me?.id}
                      editable={editable && onTeam}
                      pending={pending === line.ref}
                      problem={problems[line.ref]}
                      onDismiss={() => setProblems(({ [line.ref]: _gone, ...rest }) => rest)}
                      onAssess={(body) => assess(line, body)}
                      onRaise={() => setRaising(line)}
                      onSample={() => setSampling(line.ref)}
                      findingLinks={line.finding_ids.map((id) => {
                        const f = findingById.get(id);
                        return (
                          <AnchorLink key={id} size="sm" to="/orgs/$org/findings/$findingId" params={{ org, findingId: id }}>
                            <Group gap={4} component="span">
                              {f ? f.key : "Finding"}
                              {f && <GradeBadge grade={f.grade} size="xs" />}
                            </Group>
                          </AnchorLink>
                        );
                      })}
                    />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>

      <SampleDrawer
        org={org}
        auditId={audit.id}
        line={items.find((l) => l.ref === sampling) ?? null}
        readOnlyReason={sampleReadOnly}
        names={names}
        onClose={() => setSampling(null)}
      />

      <RaiseFindingModal
        org={org}
        audit={audit}
        line={raising}
        onClose={() => setRaising(null)}
        onRaised={(finding) => {
          setRaising(null);
          notifySuccess(`${finding.key} raised on ${finding.requirement_ref ?? audit.key}.`);
          void invalidateOperations(queryClient, [
            "auditsGetAuditChecklist",
            "findingsListFindings",
            "auditsGetAudit",
            "auditsGetAuditReport",
            "activityListActivity",
          ]);
        }}
      />
    </Stack>
  );
}

interface LineProps {
  line: ChecklistLineRead;
  names: Map<string, string>;
  meId: string | undefined;
  editable: boolean;
  pending: boolean;
  problem: ApiProblem | undefined;
  onDismiss: () => void;
  onAssess: (body: ChecklistLineUpdate) => void;
  onRaise: () => void;
  onSample: () => void;
  findingLinks: React.ReactNode[];
}

function ChecklistLine({ line, names, meId, editable, pending, problem, onDismiss, onAssess, onRaise, onSample, findingLinks }: LineProps) {
  const [notes, setNotes] = useState(line.notes);
  const [prevNotes, setPrevNotes] = useState(line.notes);
  if (line.notes !== prevNotes) {
    // The server's copy changed (another save, a refetch): show it.
    setPrevNotes(line.notes);
    setNotes(line.notes);
  }
  const mine = meId !== undefined && line.owner_id === meId;
  const needsFinding = line.result === "nonconforming" && line.finding_ids.length === 0;
  // Unsaved notes go with the result (the click may land before the notes' blur save).
  const pick = (result: ChecklistResult) =>
    onAssess({ result: line.result === result ? "not_assessed" : result, ...(notes !== line.notes ? { notes } : {}) });

  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={`Checklist line ${line.ref}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {line.ref}
              </Text>
              <Text size="sm">{line.title}</Text>
              <Badge size="xs" variant="light" color={RESULT_COLORS[line.result]}>
                {RESULT_LABELS[line.result]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              Owner: {line.owner_id ? (names.get(line.owner_id) ?? "a former member") : "none"}
              {line.assessed_by_id && ` · assessed by ${names.get(line.assessed_by_id) ?? "a former member"}`}
              {line.assessed_on && ` on ${formatDate(line.assessed_on)}`}
            </Text>
          </div>
          <Button.Group aria-label={`Result of ${line.ref}`}>
            {ASSESSMENT_RESULTS.map((r) => {
              const active = line.result === r;
              return (
                <Button
                  key={r}
                  size="xs"
                  variant={active ? "filled" : "default"}
                  color={RESULT_COLORS[r]}
                  aria-pressed={active}
                  disabled={!editable}
                  data-pending={pending || undefined}
                  onClick={() => pick(r)}
                >
                  {RESULT_LABELS[r]}
                </Button>
              );
            })}
          </Button.Group>
        </Group>
        {mine && editable && (
          <Text size="xs" c="orange">
            You own this requirement: another team member must assess it.
          </Text>
        )}
        {problem && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={16} aria-hidden />}
            title={problem.type.endsWith(":auditor-not-independent") ? "Independence rule: auditors do not audit their own work" : problem.title}
            withCloseButton
            onClose={onDismiss}
            role="alert"
          >
            {problem.detail}
          </Alert>
        )}
        <Textarea
          aria-label={`Notes on ${line.ref}`}
          placeholder={editable ? "Notes and evidence seen" : "No notes"}
          autosize
          minRows={1}
          maxRows={6}
          readOnly={!editable}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => {
            if (editable && notes !== line.notes) onAssess({ notes });
          }}
        />
        <Group justify="space-between">
          <Group gap="sm">
            {findingLinks}
            {needsFinding && (
              <Text size="xs" c="red">
                Nonconforming: raise a finding before the audit closes.
              </Text>
            )}
          </Group>
          <Group gap="xs">
            {line.itsm_clauses.length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconArrowsShuffle size={14} aria-hidden />}
                aria-label={`Sample ${line.ref}`}
                onClick={onSample}
              >
                {line.sample_seed !== null ? `Sample (${line.sample_size})` : "Sample"}
              </Button>
            )}
            {editable && (
            <Button size="xs" variant={needsFinding ? "light" : "subtle"} color={needsFinding ? "red" : undefined} leftSection={<IconFlag size={14} aria-hidden />} onClick={onRaise}>
              Raise finding
            </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
