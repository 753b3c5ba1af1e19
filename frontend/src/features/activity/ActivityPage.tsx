import { Fragment, useState } from "react";
import { Button, Code, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";

import { activityListActivityInfiniteOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { ActivityRead } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { dayOf } from "../../components/OccurredDate";
import { useCurrentOrg } from "../orgs/useCurrentOrg";

const PAGE_SIZE = 50;

/** before/after snapshots as indented JSON, rendered as text (never as HTML). */
function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {label}
      </Text>
      {value === null || value === undefined ? (
        <Text size="xs" c="dimmed">
          —
        </Text>
      ) : (
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      )}
    </div>
  );
}

/** "occurred 3 Apr 2026 (recorded 2 Dec 2026, 09:14)" when the stated day is not the recording's. */
export function whenText(entry: Pick<ActivityRead, "at" | "occurred_on">): string {
  const recorded = formatDateTime(entry.at);
  if (!entry.occurred_on || entry.occurred_on === dayOf(entry.at)) return recorded;
  return `occurred ${formatDate(entry.occurred_on)} (recorded ${recorded})`;
}

function hasDetails(entry: ActivityRead): boolean {
  return (entry.before !== null && entry.before !== undefined) || (entry.after !== null && entry.after !== undefined);
}

/** The organisation's append-only change log, newest first. */
export function ActivityPage() {
  const { slug } = useCurrentOrg();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const query = useInfiniteQuery({
    ...activityListActivityInfiniteOptions({ path: { org: slug }, query: { limit: PAGE_SIZE } }),
    // First page: no cursor (a null page param would be taken for a params object).
    initialPageParam: { path: { org: slug }, query: {} },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total;

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Activity</Title>
        {total !== undefined && (
          <Text size="sm" c="dimmed">
            Showing {entries.length} of {total} {total === 1 ? "entry" : "entries"}
          </Text>
        )}
      </div>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={240} />}
      {query.data && entries.length === 0 && <Text c="dimmed">Nothing has happened yet.</Text>}

      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label="Activity">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Summary</Table.Th>
                <Table.Th aria-label="Details" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Fragment key={e.id}>
                  <Table.Tr>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: e.occurred_on && e.occurred_on !== dayOf(e.at) ? undefined : "nowrap" }}>
                        {whenText(e)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.actor_name ?? "System"}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Code>{e.action}</Code>
                        <Text size="xs" c="dimmed">
                          {e.object_type}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.summary}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {hasDetails(e) && (
                        <Button
                          variant="subtle"
                          size="xs"
                          aria-expanded={open.has(e.id)}
                          onClick={() => toggle(e.id)}
                        >
                          {open.has(e.id) ? "Hide changes" : "Show changes"}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open.has(e.id) && (
                    <Table.Tr>
                      <Table.Td colSpan={5} bg="gray.0">
                        <SimpleGrid cols={{ base: 1, md: 2 }}>
                          <Snapshot label="Before" value={e.before} />
                          <Snapshot label="After" value={e.after} />
                        </SimpleGrid>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {query.hasNextPage && (
        <Button variant="default" w="fit-content" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
