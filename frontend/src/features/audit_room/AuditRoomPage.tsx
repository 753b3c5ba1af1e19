import { Anchor, Badge, Button, Card, Grid, Group, Modal, Select, Skeleton, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconDownload, IconFlag } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { findingsCreateFindingMutation, readinessGetReadinessOptions } from "../../api/gen/@tanstack/react-query.gen";
import { auditsListAudits, evidenceListEvidence } from "../../api/gen/sdk.gen";
import type { AuditRead, FindingGrade } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { OccurredDateInput, todayIso } from "../../components/OccurredDate";
import { ProblemAlert } from "../../components/ProblemAlert";
import { QueryErrorAlert } from "../../components/StatusPages";
import { handleFormError } from "../../lib/forms";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { toApiProblem } from "../../lib/problem";
import { AUDIT_STATUS_COLORS, AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, CERTIFICATION_BODY_TYPES } from "../audits/labels";
import { KIND_LABELS, downloadVersion } from "../evidence/api";
import { useRequirementOptions } from "../evidence/shared";
import { DownloadPackButton } from "../exports/DownloadPackButton";
import { DownloadReadinessReportButton } from "../exports/DownloadPdfButton";
import { GRADE_OPTIONS } from "../findings/labels";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useOrg } from "../orgs/useOrg";
import { DownloadMatrixButton } from "../readiness/DownloadMatrixButton";
import { ScoreGauge, Verdicts } from "../readiness/Verdicts";

const PAGE = 50;

/** The SMS scope statement, as the organisation wrote it. */
function ScopeCard({ scope, body }: { scope: string; body: string | null | undefined }) {
  return (
    <Card withBorder radius="md" component="section" aria-label="Scope of the SMS">
      <Title order={3} size="h4">
        Scope of the SMS
      </Title>
      {scope.trim() ? (
        <Text mt="xs" style={{ whiteSpace: "pre-wrap" }}>
          {scope}
        </Text>
      ) : (
        <Text mt="xs" c="dimmed">
          The organisation has not written its scope statement yet.
        </Text>
      )}
      {body && (
        <Text size="sm" c="dimmed" mt="xs">
          Certification body: {body}
        </Text>
      )}
    </Card>
  );
}

/** The approved evidence (the API gives the certification body nothing else), page by page. */
function ApprovedEvidence({ org }: { org: string }) {
  const query = useInfiniteQuery({
    queryKey: ["auditRoom", "evidence", org],
    queryFn: async ({ pageParam, signal }) =>
      (
        await evidenceListEvidence({
          path: { org },
          query: { status: "approved", limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
        })
      ).data,
    initialPageParam: "",
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;

  return (
    <Card withBorder radius="md" component="section" aria-label="Approved evidence">
      <Group justify="space-between">
        <Title order={3} size="h4">
          Approved evidence
        </Title>
        {total !== undefined && (
          <Text size="sm" c="dimmed">
            {total} item{total === 1 ? "" : "s"}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        Only evidence approved under document control is shown here and packed for you; drafts are not.
      </Text>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={120} mt="sm" />}
      {query.data && items.length === 0 && (
        <Text mt="sm" c="dimmed">
          No approved evidence yet.
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={700} mt="sm">
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Clauses</Table.Th>
                <Table.Th>Approved</Table.Th>
                <Table.Th>Valid until</Table.Th>
                <Table.Th>File</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.key}</Table.Td>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td>{KIND_LABELS[e.kind]}</Table.Td>
                  <Table.Td>{e.requirement_refs.join(", ") || "—"}</Table.Td>
                  <Table.Td>{formatDate(e.approved_on ?? e.approved_at?.slice(0, 10))}</Table.Td>
                  <Table.Td>{formatDate(e.valid_until)}</Table.Td>
                  <Table.Td>
                    {e.current_version ? (
                      <Anchor
                        component="button"
                        size="sm"
                        aria-label={`Download ${e.key} version ${e.current_version.number}`}
                        onClick={() =>
                          void downloadVersion(org, e.id, e.current_version!.number).catch((err: unknown) =>
                            notifyProblem(err, "Download failed"),
                          )
                        }
                      >
                        v{e.current_version.number}
                      </Anchor>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        no file
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {query.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Show more
          </Button>
        </Group>
      )}
    </Card>
  );
}

interface FindingValues {
  requirement_ref: string | null;
  grade: FindingGrade;
  statement: string;
  raised_on: string | null;
}

/** "Record finding" on a certification-body audit: clause, grade, statement, day raised. */
function CbFindingModal({ org, audit, onClose }: { org: string; audit: AuditRead | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const options = useRequirementOptions(org);
  const form = useForm<FindingValues>({
    mode: "controlled",
    initialValues: { requirement_ref: null, grade: "minor_nc", statement: "", raised_on: todayIso() },
    validate: {
      statement: (v) => (v.trim() ? null : "Describe what was found"),
      requirement_ref: (v, values) =>
        v || values.grade === "ofi" || values.grade === "observation" ? null : "Name the requirement of a nonconformity",
    },
  });
  const create = useMutation({
    ...findingsCreateFindingMutation(),
    onSuccess: (finding) => {
      notifySuccess(`${finding.key} recorded on ${audit?.key ?? "the audit"}.`);
      void queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes("findingsListFindings") });
      form.reset();
      onClose();
    },
    onError: (error) => {
      const problem = toApiProblem(error);
      if (problem.status !== 409 && problem.status !== 403) handleFormError(form, problem, { title: "Could not record the finding" });
    },
  });
  const failed = create.error ? toApiProblem(create.error) : null;
  const refused = failed && (failed.status === 409 || failed.status === 403) ? failed : null;

  const submit = form.onSubmit((values) => {
    if (!audit) return;
    create.mutate({
      path: { org },
      body: {
        audit_id: audit.id,
        grade: values.grade,
        statement: values.statement.trim(),
        requirement_ref: values.requirement_ref,
        raised_on: values.raised_on ?? todayIso(),
      },
    });
  });

  return (
    <Modal opened={audit !== null} onClose={onClose} title={audit ? `Record a finding on ${audit.key}` : ""} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {refused && <ProblemAlert problem={refused} title="Not recorded" />}
          <Select
            label="Requirement"
            placeholder="The clause the finding is against"
            data={options}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("requirement_ref")}
          />
          <Select label="Grade" data={GRADE_OPTIONS} allowDeselect={false} {...form.getInputProps("grade")} />
          <Textarea label="Statement" autosize minRows={3} required {...form.getInputProps("statement")} />
          <OccurredDateInput
            label="Raised on"
            value={form.values.raised_on}
            onChange={(v) => form.setFieldValue("raised_on", v)}
            minDate={audit?.actual_start_date ?? null}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} leftSection={<IconFlag size={16} aria-hidden />}>
              Record finding
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The certification body's audits: findings are recorded while one is in progress or reporting. */
function CbAudits({ org }: { org: string }) {
  const [recording, setRecording] = useState<AuditRead | null>(null);
  const query = useQuery({
    queryKey: ["auditRoom", "audits", org],
    queryFn: async ({ signal }) => (await auditsListAudits({ path: { org }, query: { limit: 100 }, signal })).data,
  });
  const audits = (query.data?.items ?? []).filter((a) => CERTIFICATION_BODY_TYPES.has(a.type));

  return (
    <Card withBorder radius="md" component="section" aria-label="Certification audits">
      <Title order={3} size="h4">
        Certification audits
      </Title>
      <Text size="sm" c="dimmed">
        Record the certification body&apos;s findings on its audits while they are in progress or reporting.
      </Text>
      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={80} mt="sm" />}
      {query.data && audits.length === 0 && (
        <Text mt="sm" c="dimmed">
          No certification audit is planned yet.
        </Text>
      )}
      {audits.length > 0 && (
        <Table mt="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Audit</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audits.map((a) => {
              const open = a.status === "in_progress" || a.status === "reporting";
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink to="/orgs/$org/audits/$auditId" params={{ org, auditId: a.id }}>
                      {a.key} {a.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{AUDIT_TYPE_LABELS[a.type]}</Table.Td>
                  <Table.Td>
                    {formatDate(a.actual_start_date ?? a.planned_start_date)} – {formatDate(a.actual_end_date ?? a.planned_end_date)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={AUDIT_STATUS_COLORS[a.status]}>
                      {AUDIT_STATUS_LABELS[a.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {open && (
                      <Button size="xs" variant="light" leftSection={<IconFlag size={14} aria-hidden />} onClick={() => setRecording(a)}>
                        Record finding
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <CbFindingModal org={org} audit={recording} onClose={() => setRecording(null)} />
    </Card>
  );
}

/**
 * The audit room: where the certification body's auditor lands. What they need, read-only: the
 * SMS scope, the readiness verdicts with their blockers (and the report as PDF), the compliance
 * matrix, the evidence pack, the approved evidence, and their own audits to record findings on.
 */
export function AuditRoomPage() {
  const { slug, membership } = useCurrentOrg();
  const org = useOrg(slug).data?.org;
  const report = useQuery({ ...readinessGetReadinessOptions({ path: { org: slug } }), staleTime: 0 });

  return (
    <Stack gap="lg">
      <div>
        <Text size="sm" c="dimmed">
          Audit room
        </Text>
        <Title order={1} size="h2">
          {org?.name ?? membership?.org_name ?? slug}
        </Title>
      </div>

      <ScopeCard scope={org?.sms_scope ?? ""} body={org?.certification_body} />

      <Card withBorder radius="md" component="section" aria-label="Readiness">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            Readiness
          </Title>
          <DownloadReadinessReportButton org={slug} />
        </Group>
        {report.isError && <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
        {report.isPending && <Skeleton h={160} mt="sm" />}
        {report.data && (
          <Grid mt="sm" gap="md">
            <Grid.Col span={{ base: 12, md: 9 }}>
              <Verdicts report={report.data} links={false} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <ScoreGauge score={report.data.score} stacked />
              <Text size="xs" c="dimmed" ta="center">
                Evaluated {formatDate(report.data.today)}
              </Text>
            </Grid.Col>
          </Grid>
        )}
      </Card>

      <Card withBorder radius="md" component="section" aria-label="Downloads">
        <Title order={3} size="h4">
          Downloads
        </Title>
        <Text size="sm" c="dimmed">
          The compliance matrix (XLSX, one row per requirement) and the evidence pack: a ZIP of the approved evidence with a
          manifest, SHA256SUMS and its Ed25519 signature; VERIFY.txt inside says how to check it offline.
        </Text>
        <Group gap="sm" mt="sm">
          <DownloadMatrixButton org={slug} />
          <DownloadPackButton org={slug} approvedOnly variant="filled" />
        </Group>
      </Card>

      <CbAudits org={slug} />

      <ApprovedEvidence org={slug} />

      <Text size="xs" c="dimmed">
        <IconDownload size={12} aria-hidden /> Files are saved by your browser&apos;s own download, straight to disk.
      </Text>
    </Stack>
  );
}
