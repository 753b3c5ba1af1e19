import { useState } from "react";
import { Alert, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconFileText, IconPencil } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import { auditsTransitionAuditMutation } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditDetailRead, AuditStatus } from "../../api/gen/types.gen";
import { AnchorLink, ButtonLink } from "../../components/links";
import { DownloadPackButton } from "../exports/DownloadPackButton";
import { DownloadAuditReportButton } from "../exports/DownloadPdfButton";
import { DownloadOscalResultsButton } from "../exports/MachineReadableExports";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { useWorkflowMove } from "../../lib/workflow";
import { invalidateAudits } from "../../api/invalidate";
import { memberNames, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { auditWithEtagOptions, useProgrammes } from "./api";
import { AuditFormModal } from "./AuditFormModal";
import { OccurredDateModal } from "../../components/OccurredDate";
import { AuditStatusBadge } from "./AuditsPage";
import { Checklist } from "./Checklist";
import { AUDIT_TRANSITION_LABELS, AUDIT_TYPE_LABELS } from "./labels";
import { ReportFormModal } from "./ReportFormModal";
import { TransitionBlocked } from "./TransitionBlocked";

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

function range(start: string | null, end: string | null): string {
  if (!start && !end) return "—";
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** One audit: plan, lifecycle transitions, checklist execution, reporting and closing. */
export function AuditDetailPage() {
  const { auditId } = useParams({ from: "/_authed/orgs/$org/audits/$auditId" });
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(auditWithEtagOptions(slug, auditId));
  const members = useMembers(slug);
  const names = memberNames(members.data);
  const programmes = useProgrammes(slug);
  const [editOpened, setEditOpened] = useState(false);
  const [reportFor, setReportFor] = useState<{ audit: AuditDetailRead; move: boolean } | null>(null);
  const [cancelOpened, setCancelOpened] = useState(false);
  const [cancelNote, setCancelNote] = useState("");
  // The move waiting for the day it happened (start, end of the audit work, closure).
  const [dated, setDated] = useState<AuditStatus | null>(null);
  const canManage = can("audits:manage");
  const { moving, problem: blocked, clearProblem, move } = useWorkflowMove(
    "audit",
    (s: AuditStatus) => s.replace("_", " "),
    auditsTransitionAuditMutation(),
    () => invalidateAudits(queryClient),
  );

  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={400} />;
  const { audit, etag } = query.data;

  const transition = (to: AuditStatus, note = "", occurred_on?: string) =>
    move({ path: { org: slug, audit_id: audit.id }, body: { to, note, ...(occurred_on ? { occurred_on } : {}) } });

  const onTransition = (to: AuditStatus) => {
    if (to === "reporting") setReportFor({ audit, move: true });
    else if (to === "cancelled") setCancelOpened(true);
    else setDated(to);
  };
  const dateStep = {
    in_progress: { title: "Start the audit", label: "Started on", initial: audit.actual_start_date, minDate: null },
    reporting: { title: "Audit work done", label: "Audit work ended on", initial: audit.actual_end_date, minDate: audit.actual_start_date },
    closed: { title: "Close the audit", label: "Closed on", initial: null, minDate: audit.actual_end_date ?? audit.actual_start_date },
  } as const;
  const step = dated && dated !== "planned" && dated !== "cancelled" ? dateStep[dated] : null;

  const programme = programmes.data?.find((p) => p.id === audit.programme_id);
  const editable = audit.status !== "closed" && audit.status !== "cancelled";
  const started = audit.status !== "planned" && audit.status !== "cancelled";
  const counts = audit.checklist;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <AnchorLink size="sm" to="/orgs/$org/audits" params={{ org: slug }}>
            ← Audits
          </AnchorLink>
          <Group gap="sm" mt={4}>
            <Title order={2}>
              {audit.key} {audit.title}
            </Title>
            <AuditStatusBadge status={audit.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {AUDIT_TYPE_LABELS[audit.type]}
          </Text>
        </div>
        <Group gap="xs">
          {started && (
            <ButtonLink
              variant="default"
              to="/orgs/$org/audits/$auditId/report"
              params={{ org: slug, auditId: audit.id }}
              leftSection={<IconFileText size={16} aria-hidden />}
            >
              Report
            </ButtonLink>
          )}
          <DownloadAuditReportButton org={slug} auditId={audit.id} variant="default" />
          <DownloadOscalResultsButton org={slug} auditId={audit.id} variant="default" />
          <DownloadPackButton
            org={slug}
            audit={{ id: audit.id, key: audit.key }}
            label="Download sampled evidence"
            variant="default"
          />
          {canManage && editable && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditOpened(true)}>
              Edit plan
            </Button>
          )}
          {canManage &&
            audit.allowed_transitions.map((to) => (
              <Button
                key={to}
                color={to === "cancelled" ? "red" : to === "closed" ? "teal" : undefined}
                variant={to === "cancelled" ? "light" : "filled"}
                loading={moving === to}
                onClick={() => onTransition(to)}
              >
                {AUDIT_TRANSITION_LABELS[to]}
              </Button>
            ))}
        </Group>
      </Group>

      {blocked && <TransitionBlocked problem={blocked} onClose={clearProblem} />}

      {audit.lines_without_eligible_auditor.length > 0 && (
        <Alert color="orange" title="Independence gap">
          Every member of the audit team owns {audit.lines_without_eligible_auditor.join(", ")}: nobody on the team may
          audit {audit.lines_without_eligible_auditor.length === 1 ? "it" : "them"}. Add an auditor who does not own{" "}
          {audit.lines_without_eligible_auditor.length === 1 ? "this requirement" : "these requirements"}.
        </Alert>
      )}

      <Card withBorder padding="md" component="section" aria-label="Audit plan">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Field label="Programme">{programme ? programme.title : audit.programme_id ? "—" : "None"}</Field>
          <Field label="Scope">
            {audit.scope.join(", ")} ({audit.requirement_refs.length} requirements)
          </Field>
          <Field label="Criteria">{audit.criteria || "—"}</Field>
          <Field label="Planned">{range(audit.planned_start_date, audit.planned_end_date)}</Field>
          <Field label="Actual">{range(audit.actual_start_date, audit.actual_end_date)}</Field>
          {audit.closed_on && <Field label="Closed on">{formatDate(audit.closed_on)}</Field>}
          <Field label="Lead auditor">{audit.lead_auditor_id ? (names.get(audit.lead_auditor_id) ?? "—") : "Not chosen yet"}</Field>
          <Field label="Team">
            {audit.team_member_ids.length ? audit.team_member_ids.map((id) => names.get(id) ?? "—").join(", ") : "—"}
          </Field>
          {audit.external_auditors.length > 0 && <Field label="External auditors">{audit.external_auditors.join(", ")}</Field>}
          {started && (
            <Field label="Checklist">
              {counts.total - (counts.not_assessed ?? 0)}/{counts.total} assessed · {counts.conforming ?? 0} conforming · {counts.nonconforming ?? 0}{" "}
              nonconforming · {counts.observation ?? 0} observations · {counts.ofi ?? 0} OFIs
            </Field>
          )}
        </SimpleGrid>
      </Card>

      {(audit.status === "reporting" || audit.status === "closed") && (
        <Card withBorder padding="md" component="section" aria-label="Report summary">
          <Group justify="space-between" mb="xs">
            <Title order={4}>Report</Title>
            {canManage && audit.status === "reporting" && (
              <Button size="xs" variant="default" onClick={() => setReportFor({ audit, move: false })}>
                Edit report
              </Button>
            )}
          </Group>
          <Field label="Summary (conclusions)">{audit.report_summary || "Not written yet"}</Field>
          <Field label="Distribution">{audit.distribution.length ? audit.distribution.join(", ") : "Nobody yet"}</Field>
        </Card>
      )}

      {audit.status === "planned" && (
        <Text size="sm" c="dimmed">
          The checklist is built from the scope when the audit starts{audit.lead_auditor_id ? "" : " (choose a lead auditor first)"}.
        </Text>
      )}
      {started && (
        <section aria-label="Checklist">
          <Title order={3} mb="sm">
            Checklist
          </Title>
          <Checklist org={slug} audit={audit} names={names} />
        </section>
      )}

      <AuditFormModal
        org={slug}
        opened={editOpened}
        audit={{ audit, etag }}
        onClose={() => setEditOpened(false)}
        onSaved={(saved) => {
          setEditOpened(false);
          notifySuccess(`${saved.key} saved.`);
          void invalidateAudits(queryClient);
        }}
      />

      <ReportFormModal
        org={slug}
        audit={reportFor?.audit ?? null}
        etag={etag}
        moveToReporting={reportFor?.move ?? false}
        onClose={() => setReportFor(null)}
        onSaved={async (saved) => {
          const thenReporting = reportFor?.move ?? false;
          setReportFor(null);
          if (thenReporting) setDated("reporting");
          else {
            notifySuccess(`${saved.key}: report saved.`);
            await invalidateAudits(queryClient);
          }
        }}
      />

      <OccurredDateModal
        opened={step !== null}
        title={step?.title ?? ""}
        label={step?.label ?? ""}
        initial={step?.initial}
        minDate={step?.minDate}
        confirmLabel={dated ? AUDIT_TRANSITION_LABELS[dated] : ""}
        loading={moving !== null}
        onClose={() => setDated(null)}
        onConfirm={(day) => {
          const to = dated;
          if (to) void transition(to, "", day).then(() => setDated(null));
        }}
      />

      <Modal opened={cancelOpened} onClose={() => setCancelOpened(false)} title="Cancel audit" centered>
        <Stack gap="md">
          <Textarea label="Reason" autosize minRows={2} value={cancelNote} onChange={(e) => setCancelNote(e.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setCancelOpened(false)}>
              Keep the audit
            </Button>
            <Button
              color="red"
              loading={moving === "cancelled"}
              onClick={() => {
                setCancelOpened(false);
                void transition("cancelled", cancelNote);
              }}
            >
              Cancel audit
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
