import { useState } from "react";
import { Badge, Button, Card, Group, Paper, ScrollArea, Select, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";

import { correctiveMeasuresListCorrectiveMeasuresOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { MeasureStatus } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { invalidateMeasures } from "../../api/invalidate";
import { memberNames, useMemberOptions, useMembers } from "../members/api";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { CreateMeasureModal } from "./CreateMeasureModal";
import { boardStatuses, isMeasureStatus, MEASURE_STATUS_LABELS, MEASURE_STATUSES } from "./labels";

const STATUS_OPTIONS = MEASURE_STATUSES.map((value) => ({ value, label: MEASURE_STATUS_LABELS[value] }));

/** Corrective measures (10.1) on a board by lifecycle state; overdue ones stand out. */
export function CorrectiveMeasuresPage() {
  const { slug } = useCurrentOrg();
  const can = useCan();
  const search = useSearch({ from: "/_authed/orgs/$org/corrective-measures" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<MeasureStatus | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [showCancelled, setShowCancelled] = useState(false);
  const [creating, setCreating] = useState(false);
  const names = memberNames(useMembers(slug).data);
  const owners = useMemberOptions(slug, "measures:write");
  const canWrite = can("measures:write");

  const query = useQuery(
    correctiveMeasuresListCorrectiveMeasuresOptions({
      path: { org: slug },
      query: { limit: 500, status: status ?? undefined, owner_id: owner ?? undefined, overdue: overdue ? true : undefined },
    }),
  );
  const items = query.data?.items ?? [];
  const createOpen = creating || Boolean(search.finding);
  const closeCreate = () => {
    setCreating(false);
    if (search.finding) void navigate({ to: "/orgs/$org/corrective-measures", params: { org: slug }, search: {}, replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Corrective measures</Title>
          <Text size="sm" c="dimmed">
            Correction, root cause, actions and an independent effectiveness review for each nonconformity (10.1).
          </Text>
        </div>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            New corrective measure
          </Button>
        )}
      </Group>

      <Group gap="sm" role="group" aria-label="Filters">
        <Select
          aria-label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(v) => setStatus(isMeasureStatus(v) ? v : null)}
          clearable
          size="xs"
          w={200}
        />
        <Select
          aria-label="Owner"
          placeholder="Any owner"
          data={owners}
          value={owner}
          onChange={setOwner}
          clearable
          searchable
          size="xs"
          w={200}
        />
        <Switch label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
        <Switch label="Show cancelled" checked={showCancelled} onChange={(e) => setShowCancelled(e.currentTarget.checked)} />
        {query.data && (
          <Text size="sm" c="dimmed">
            {query.data.total} {query.data.total === 1 ? "measure" : "measures"}
          </Text>
        )}
      </Group>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={240} />}

      {query.data && (
        <ScrollArea type="auto" offsetScrollbars>
          <SimpleGrid cols={boardStatuses(showCancelled, status).length} spacing="sm" miw={boardStatuses(showCancelled, status).length * 220}>
            {boardStatuses(showCancelled, status).map((s) => {
              const column = items.filter((m) => m.status === s);
              return (
                <Card key={s} withBorder padding="sm" bg="gray.0" component="section" aria-label={`${MEASURE_STATUS_LABELS[s]} measures`}>
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Text fw={700} size="sm">
                      {MEASURE_STATUS_LABELS[s]}
                    </Text>
                    <Badge variant="light" color="gray">
                      {column.length}
                    </Badge>
                  </Group>
                  <Stack gap="xs">
                    {column.length === 0 && (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    )}
                    {column.map((m) => (
                      <Paper
                        key={m.id}
                        withBorder
                        p="sm"
                        radius="sm"
                        role="article"
                        aria-label={m.key}
                        style={m.overdue ? { borderColor: "var(--mantine-color-red-6)", borderLeftWidth: 4 } : undefined}
                      >
                        <Group justify="space-between" gap="xs" wrap="nowrap">
                          <AnchorLink to="/orgs/$org/corrective-measures/$measureId" params={{ org: slug, measureId: m.id }} fw={600} size="sm">
                            {m.key}
                          </AnchorLink>
                          {m.overdue && (
                            <Badge color="red" size="xs">
                              Overdue
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" lineClamp={3} mt={4}>
                          {m.title}
                        </Text>
                        <Group gap="xs" mt={4}>
                          {m.owner_id && (
                            <Text size="xs" c="dimmed">
                              {names.get(m.owner_id) ?? "former member"}
                            </Text>
                          )}
                          {m.due_date && (
                            <Text size="xs" c={m.overdue ? "red" : "dimmed"}>
                              due {formatDate(m.due_date)}
                            </Text>
                          )}
                        </Group>
                      </Paper>
                    ))}
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        </ScrollArea>
      )}

      {createOpen && (
        <CreateMeasureModal
          org={slug}
          findingId={search.finding}
          onClose={closeCreate}
          onCreated={(measure) => {
            setCreating(false);
            notifySuccess(`${measure.key} opened.`);
            void invalidateMeasures(queryClient);
            void navigate({ to: "/orgs/$org/corrective-measures/$measureId", params: { org: slug, measureId: measure.id } });
          }}
        />
      )}
    </Stack>
  );
}
