import { useState } from "react";
import { Badge, Card, Group, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSearch } from "@tanstack/react-router";

import { findingsListFindingsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { FindingGrade, FindingRead, FindingSource, FindingStatus } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { FindingStatusBadge, GradeBadge } from "./GradeBadge";
import { FINDING_STATUS_LABELS, FINDING_STATUSES, GRADE_OPTIONS, SOURCE_LABELS } from "./labels";

const STATUS_OPTIONS = FINDING_STATUSES.map((value) => ({ value, label: FINDING_STATUS_LABELS[value] }));
const SOURCE_OPTIONS = (Object.keys(SOURCE_LABELS) as FindingSource[]).map((value) => ({ value, label: SOURCE_LABELS[value] }));
const CLAUSE_OPTIONS = ["4", "5", "6", "7", "8", "9", "10"].map((value) => ({ value, label: `Clause ${value}` }));

function Due({ finding }: { finding: FindingRead }) {
  if (!finding.due_date) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{formatDate(finding.due_date)}</Text>
      {finding.overdue && (
        <Badge color="red" size="xs">
          Overdue
        </Badge>
      )}
    </Group>
  );
}

/** Findings (NCs, observations, OFIs) as a filtered list or a board by status. */
export function FindingsPage() {
  const { slug } = useCurrentOrg();
  const [view, setView] = useState<"board" | "list">("board");
  // ?grade=ofi (a readiness fix link) starts the page filtered to that grade
  const initial = useSearch({ from: "/_authed/orgs/$org/findings" });
  const [grade, setGrade] = useState<FindingGrade | null>(initial.grade ?? null);
  const [status, setStatus] = useState<FindingStatus | null>(null);
  const [clause, setClause] = useState<string | null>(null);
  const [source, setSource] = useState<FindingSource | null>(null);
  const [overdue, setOverdue] = useState(false);

  const query = useQuery(
    findingsListFindingsOptions({
      path: { org: slug },
      query: {
        limit: 500,
        grade: grade ?? undefined,
        status: status ?? undefined,
        clause: clause ?? undefined,
        source: source ?? undefined,
        overdue: overdue ? true : undefined,
      },
    }),
  );
  const items = query.data?.items ?? [];

  const link = (f: FindingRead) => (
    <AnchorLink to="/orgs/$org/findings/$findingId" params={{ org: slug, findingId: f.id }} fw={600} size="sm">
      {f.key}
    </AnchorLink>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Findings</Title>
          <Text size="sm" c="dimmed">
            Nonconformities, observations and opportunities for improvement. Raise them from an audit's checklist.
          </Text>
        </div>
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(v) => setView(v === "list" ? "list" : "board")}
          data={[
            { value: "board", label: "Board" },
            { value: "list", label: "List" },
          ]}
        />
      </Group>

      <Group gap="sm" aria-label="Filters" role="group">
        <Select aria-label="Grade" placeholder="Any grade" data={GRADE_OPTIONS} value={grade} onChange={(v) => setGrade(v as FindingGrade | null)} clearable size="xs" w={150} />
        <Select aria-label="Status" placeholder="Any status" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as FindingStatus | null)} clearable size="xs" w={160} />
        <Select aria-label="Clause" placeholder="Any clause" data={CLAUSE_OPTIONS} value={clause} onChange={setClause} clearable size="xs" w={140} />
        <Select aria-label="Source" placeholder="Any source" data={SOURCE_OPTIONS} value={source} onChange={(v) => setSource(v as FindingSource | null)} clearable size="xs" w={190} />
        <Switch label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
        {query.data && (
          <Text size="sm" c="dimmed">
            {query.data.total} {query.data.total === 1 ? "finding" : "findings"}
          </Text>
        )}
      </Group>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={240} />}

      {query.data && view === "board" && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {FINDING_STATUSES.filter((s) => !status || s === status).map((s) => {
            const column = items.filter((f) => f.status === s);
            return (
              <Card key={s} withBorder padding="sm" bg="gray.0" component="section" aria-label={`${FINDING_STATUS_LABELS[s]} findings`}>
                <Group justify="space-between" mb="xs">
                  <Text fw={700}>{FINDING_STATUS_LABELS[s]}</Text>
                  <Badge variant="light" color="gray">
                    {column.length}
                  </Badge>
                </Group>
                <ScrollArea.Autosize mah={640}>
                  <Stack gap="xs">
                    {column.length === 0 && (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    )}
                    {column.map((f) => (
                      <Paper key={f.id} withBorder p="sm" radius="sm" role="article" aria-label={f.key}>
                        <Group justify="space-between" gap="xs">
                          {link(f)}
                          <GradeBadge grade={f.grade} size="xs" />
                        </Group>
                        <Text size="sm" lineClamp={3} mt={4}>
                          {f.statement}
                        </Text>
                        <Group gap="xs" mt={4}>
                          {f.requirement_ref && (
                            <Text size="xs" c="dimmed">
                              {f.requirement_ref}
                            </Text>
                          )}
                          {f.due_date && (
                            <Text size="xs" c={f.overdue ? "red" : "dimmed"}>
                              due {formatDate(f.due_date)}
                            </Text>
                          )}
                        </Group>
                      </Paper>
                    ))}
                  </Stack>
                </ScrollArea.Autosize>
              </Card>
            );
          })}
        </SimpleGrid>
      )}

      {query.data && view === "list" && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label="Findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Finding</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Requirement</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{link(f)}</Table.Td>
                  <Table.Td>
                    <GradeBadge grade={f.grade} />
                  </Table.Td>
                  <Table.Td>
                    <FindingStatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{f.requirement_ref ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {f.statement}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{SOURCE_LABELS[f.source]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Due finding={f} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
