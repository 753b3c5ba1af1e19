import { useState } from "react";
import { Badge, Button, Card, Grid, Group, Select, Skeleton, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCalendarEvent, IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { auditsListAuditsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { AuditRead, AuditStatus, AuditType } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { invalidateAudits } from "../../api/invalidate";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useProgrammes } from "./api";
import { AuditFormModal } from "./AuditFormModal";
import { AuditsNav } from "./AuditsNav";
import { AUDIT_STATUS_COLORS, AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, AUDIT_TYPE_OPTIONS } from "./labels";
import { formatMonth, groupByMonth } from "./timeline";

const STATUS_OPTIONS = (Object.keys(AUDIT_STATUS_LABELS) as AuditStatus[]).map((value) => ({
  value,
  label: AUDIT_STATUS_LABELS[value],
}));

export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  return (
    <Badge color={AUDIT_STATUS_COLORS[status]} variant="light" title={`Status: ${AUDIT_STATUS_LABELS[status]}`}>
      {AUDIT_STATUS_LABELS[status]}
    </Badge>
  );
}

function dates(a: Pick<AuditRead, "planned_start_date" | "planned_end_date">) {
  if (!a.planned_start_date) return "Not scheduled";
  if (!a.planned_end_date || a.planned_end_date === a.planned_start_date) return formatDate(a.planned_start_date);
  return `${formatDate(a.planned_start_date)} – ${formatDate(a.planned_end_date)}`;
}

/** Audits: list with filters, plan an audit, and a month-by-month calendar of planned audits. */
export function AuditsPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [type, setType] = useState<AuditType | null>(null);
  const [planOpened, planModal] = useDisclosure(false);
  const canManage = can("audits:manage");

  const list = useQuery(
    auditsListAuditsOptions({ path: { org: slug }, query: { limit: 500, status: status ?? undefined, type: type ?? undefined } }),
  );
  const all = useQuery({ ...auditsListAuditsOptions({ path: { org: slug }, query: { limit: 500 } }) });
  const programmes = useProgrammes(slug);
  const programmeTitle = new Map((programmes.data ?? []).map((p) => [p.id, p.title]));

  const upcoming = (all.data?.items ?? []).filter((a) => a.status !== "cancelled");
  const calendar = groupByMonth(upcoming, (a) => a.planned_start_date);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Audits</Title>
          <Text size="sm" c="dimmed">
            Internal audits (ISO/IEC 20000-1 9.2) and certification-body audits.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={planModal.open}>
            Plan audit
          </Button>
        )}
      </Group>
      <AuditsNav org={slug} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm">
            <Group gap="sm">
              <Select
                aria-label="Filter by status"
                placeholder="Any status"
                data={STATUS_OPTIONS}
                value={status}
                onChange={(v) => setStatus(v as AuditStatus | null)}
                clearable
                size="xs"
                w={170}
              />
              <Select
                aria-label="Filter by type"
                placeholder="Any type"
                data={AUDIT_TYPE_OPTIONS}
                value={type}
                onChange={(v) => setType(v as AuditType | null)}
                clearable
                size="xs"
                w={220}
              />
              {list.data && (
                <Text size="sm" c="dimmed">
                  {list.data.total} {list.data.total === 1 ? "audit" : "audits"}
                </Text>
              )}
            </Group>
            {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
            {list.isPending && <Skeleton h={200} />}
            {list.data && list.data.items.length === 0 && (
              <Text c="dimmed" size="sm">
                No audits yet. Plan the first internal audit from an audit programme.
              </Text>
            )}
            {list.data && list.data.items.length > 0 && (
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="sm" aria-label="Audits">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Audit</Table.Th>
                      <Table.Th>Type</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Planned</Table.Th>
                      <Table.Th>Programme</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <AnchorLink to="/orgs/$org/audits/$auditId" params={{ org: slug, auditId: a.id }} fw={500}>
                            {a.key} {a.title}
                          </AnchorLink>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{AUDIT_TYPE_LABELS[a.type]}</Text>
                        </Table.Td>
                        <Table.Td>
                          <AuditStatusBadge status={a.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{dates(a)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{a.programme_id ? (programmeTitle.get(a.programme_id) ?? "—") : "—"}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="md" component="section" aria-label="Audit calendar">
            <Group gap="xs" mb="sm">
              <IconCalendarEvent size={18} aria-hidden />
              <Title order={4}>Calendar</Title>
            </Group>
            {all.isPending && <Skeleton h={120} />}
            {all.data && calendar.months.length === 0 && (
              <Text size="sm" c="dimmed">
                No audit has a planned start date yet.
              </Text>
            )}
            {calendar.months.length > 0 && (
              <Timeline bulletSize={14} lineWidth={2}>
                {calendar.months.map(({ month, items }) => (
                  <Timeline.Item key={month} title={formatMonth(month)}>
                    <Stack gap={4} mt={4}>
                      {items.map((a) => (
                        <Group key={a.id} gap={6} wrap="nowrap">
                          <AnchorLink size="sm" to="/orgs/$org/audits/$auditId" params={{ org: slug, auditId: a.id }}>
                            {a.key} {a.title}
                          </AnchorLink>
                          <Text size="xs" c="dimmed">
                            {formatDate(a.planned_start_date)}
                          </Text>
                          <AuditStatusBadge status={a.status} />
                        </Group>
                      ))}
                    </Stack>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
            {calendar.undated.length > 0 && (
              <Text size="xs" c="dimmed" mt="sm">
                {calendar.undated.length} audit(s) without a planned start date.
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <AuditFormModal
        org={slug}
        opened={planOpened}
        onClose={planModal.close}
        onSaved={(audit) => {
          planModal.close();
          notifySuccess(`${audit.key} '${audit.title}' planned.`);
          void invalidateAudits(queryClient);
          void navigate({ to: "/orgs/$org/audits/$auditId", params: { org: slug, auditId: audit.id } });
        }}
      />
    </Stack>
  );
}
