import "./report.css";

import { Badge, Button, Divider, Group, List, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";

import { auditsGetAuditReportOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { FindingGrade } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { DownloadAuditReportButton } from "../exports/DownloadPdfButton";
import { GRADE_LABELS, FINDING_STATUS_LABELS } from "../findings/labels";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, RESULT_LABELS } from "./labels";

function range(start: string | null, end: string | null): string {
  if (!start && !end) return "—";
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

function gradeLabel(grade: string): string {
  return GRADE_LABELS[grade as FindingGrade] ?? grade;
}

function statusLabel(status: string): string {
  return (FINDING_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** The audit report as a printable page (scope, criteria, team, dates, results, findings, conclusions). */
export function AuditReportPage() {
  const { auditId } = useParams({ from: "/_authed/orgs/$org/audits/$auditId/report" });
  const { slug } = useCurrentOrg();
  const query = useQuery(auditsGetAuditReportOptions({ path: { org: slug, audit_id: auditId } }));

  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton h={400} />;
  const r = query.data;
  const lead = r.team.filter((t) => t.role === "lead").map((t) => t.name);
  const members = r.team.filter((t) => t.role !== "lead").map((t) => t.name);

  return (
    <Stack gap="lg" className="audit-report" maw={960}>
      <Group justify="space-between" className="no-print">
        <AnchorLink size="sm" to="/orgs/$org/audits/$auditId" params={{ org: slug, auditId }}>
          ← Back to the audit
        </AnchorLink>
        <Group gap="xs">
          <DownloadAuditReportButton org={slug} auditId={auditId} variant="default" />
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            Print
          </Button>
        </Group>
      </Group>

      <header>
        <Text size="sm" c="dimmed">
          Audit report · {AUDIT_TYPE_LABELS[r.type]}
        </Text>
        <Title order={1} size="h2">
          {r.key} {r.title}
        </Title>
        <Text size="sm">Status: {AUDIT_STATUS_LABELS[r.status]}</Text>
      </header>

      <section aria-label="Audit details">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <div>
            <Text fw={600} size="sm">
              Objectives
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.objectives || "Not recorded (the audit is not in a programme with objectives)."}
            </Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              Method
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.method || "—"}
            </Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              Scope
            </Text>
            <Text size="sm">{r.scope.join(", ")}</Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              Criteria
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.criteria || "—"}
            </Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              Audit team
            </Text>
            <Text size="sm">Lead auditor: {lead.join(", ") || "—"}</Text>
            {members.length > 0 && <Text size="sm">Team: {members.join(", ")}</Text>}
            {r.external_auditors.length > 0 && <Text size="sm">External auditors: {r.external_auditors.join(", ")}</Text>}
          </div>
          <div>
            <Text fw={600} size="sm">
              Dates
            </Text>
            <Text size="sm">Planned: {range(r.planned_start_date, r.planned_end_date)}</Text>
            <Text size="sm">Conducted: {range(r.actual_start_date, r.actual_end_date)}</Text>
          </div>
        </SimpleGrid>
      </section>

      <Divider />
      <section aria-label="Results by clause">
        <Title order={2} size="h4" mb="xs">
          Results by clause
        </Title>
        <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="Results by clause">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Clause</Table.Th>
              <Table.Th ta="right">Lines</Table.Th>
              <Table.Th ta="right">Conforming</Table.Th>
              <Table.Th ta="right">Nonconforming</Table.Th>
              <Table.Th ta="right">Observations</Table.Th>
              <Table.Th ta="right">OFIs</Table.Th>
              <Table.Th ta="right">Not assessed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.results_by_clause.map((c) => (
              <Table.Tr key={c.ref}>
                <Table.Td>
                  {c.ref} {c.title}
                </Table.Td>
                <Table.Td ta="right">{c.total}</Table.Td>
                <Table.Td ta="right">{c.conforming ?? 0}</Table.Td>
                <Table.Td ta="right">{c.nonconforming ?? 0}</Table.Td>
                <Table.Td ta="right">{c.observation ?? 0}</Table.Td>
                <Table.Td ta="right">{c.ofi ?? 0}</Table.Td>
                <Table.Td ta="right">{c.not_assessed ?? 0}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>Total</Table.Td>
              <Table.Td ta="right">{r.results.total}</Table.Td>
              <Table.Td ta="right">{r.results.conforming ?? 0}</Table.Td>
              <Table.Td ta="right">{r.results.nonconforming ?? 0}</Table.Td>
              <Table.Td ta="right">{r.results.observation ?? 0}</Table.Td>
              <Table.Td ta="right">{r.results.ofi ?? 0}</Table.Td>
              <Table.Td ta="right">{r.results.not_assessed ?? 0}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </section>

      <section aria-label="Checklist">
        <Title order={2} size="h4" mb="xs">
          Checklist
        </Title>
        {(r.lines ?? []).length === 0 ? (
          <Text size="sm">No checklist lines: the audit has not started.</Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} aria-label="Checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Clause</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Auditor</Table.Th>
                <Table.Th>Assessed on</Table.Th>
                <Table.Th>Notes</Table.Th>
                <Table.Th>Sampled evidence</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(r.lines ?? []).map((line) => (
                <Table.Tr key={line.ref}>
                  <Table.Td>{line.ref}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{RESULT_LABELS[line.result]}</Table.Td>
                  <Table.Td>{line.auditor ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{line.assessed_on ? formatDate(line.assessed_on) : "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{line.notes}</Table.Td>
                  <Table.Td>{line.sampled_evidence.join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-label="Findings">
        <Title order={2} size="h4" mb="xs">
          Findings ({r.findings.length})
        </Title>
        {r.findings.length === 0 ? (
          <Text size="sm">No findings were raised.</Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} aria-label="Findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Finding</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Requirement</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>Objective evidence</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.findings.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <AnchorLink size="sm" to="/orgs/$org/findings/$findingId" params={{ org: slug, findingId: f.id }}>
                      {f.key}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color="dark" size="sm">
                      {gradeLabel(f.grade)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{f.requirement_ref ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{f.statement}</Table.Td>
                  <Table.Td>{(f.objective_evidence ?? []).join(", ") || "—"}</Table.Td>
                  <Table.Td>{statusLabel(f.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-label="Conclusions">
        <Title order={2} size="h4" mb="xs">
          Conclusions
        </Title>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {r.conclusions || "Not written yet."}
        </Text>
      </section>

      <section aria-label="Distribution">
        <Title order={2} size="h4" mb="xs">
          Distribution
        </Title>
        {r.distribution.length === 0 ? (
          <Text size="sm">Not distributed yet.</Text>
        ) : (
          <List size="sm">
            {r.distribution.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-label="Sign-off">
        <Title order={2} size="h4" mb="xs">
          Sign-off
        </Title>
        <Text size="sm">Lead auditor: {lead.join(", ") || "—"}</Text>
        <Text size="sm">Report closed on: {r.closed_on ? formatDate(r.closed_on) : `not closed (${AUDIT_STATUS_LABELS[r.status]})`}</Text>
      </section>
    </Stack>
  );
}
