import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  readinessCreateReadinessSnapshotMutation,
  readinessListReadinessHistoryOptions,
  readinessListReadinessHistoryQueryKey,
} from "../../api/gen/@tanstack/react-query.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { trendGeometry } from "./model";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = 24;
const HISTORY = 90;

function TrendChart({ snapshots }: { snapshots: Parameters<typeof trendGeometry>[0] }) {
  const { points, path } = trendGeometry(snapshots, WIDTH, HEIGHT, PAD);
  const y = (score: number) => PAD + (HEIGHT - 2 * PAD) * (1 - score / 100);
  const last = points.at(-1);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`Readiness score trend over ${points.length} ${points.length === 1 ? "snapshot" : "snapshots"}${last ? `, latest ${last.score}` : ""}`}
      style={{ maxHeight: HEIGHT, display: "block" }}
    >
      {[0, 50, 100].map((s) => (
        <g key={s}>
          <line x1={PAD} x2={WIDTH - PAD} y1={y(s)} y2={y(s)} stroke="var(--mantine-color-gray-3)" strokeDasharray={s === 0 ? undefined : "4 4"} />
          <text x={PAD - 6} y={y(s) + 4} textAnchor="end" fontSize={10} fill="var(--mantine-color-dimmed)">
            {s}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={4} fill={p.stage1 ? "var(--mantine-color-teal-6)" : "var(--mantine-color-red-6)"}>
          <title>
            {`${formatDate(p.date)}: score ${p.score}; Stage 1 ${p.stage1 ? "ready" : "not ready"}; Stage 2 ${p.stage2 ? "ready" : "not ready"}`}
          </title>
        </circle>
      ))}
      {points.length > 0 && (
        <>
          <text x={points[0]?.x} y={HEIGHT - 4} fontSize={10} textAnchor="start" fill="var(--mantine-color-dimmed)">
            {formatDate(points[0]?.date)}
          </text>
          {points.length > 1 && (
            <text x={last?.x} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="var(--mantine-color-dimmed)">
              {formatDate(last?.date)}
            </text>
          )}
        </>
      )}
    </svg>
  );
}

/** The score over stored snapshots (daily and manual) with a "Take snapshot" button for managers. */
export function TrendCard({ org, canManage }: { org: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const history = useQuery(readinessListReadinessHistoryOptions({ path: { org }, query: { limit: HISTORY } }));
  const items = history.data?.items ?? [];

  const snapshot = useMutation({
    ...readinessCreateReadinessSnapshotMutation(),
    onSuccess: async (snap) => {
      notifySuccess(`Snapshot taken: score ${snap.score}.`);
      await queryClient.invalidateQueries({ queryKey: readinessListReadinessHistoryQueryKey({ path: { org } }) });
    },
    onError: (error) => notifyProblem(error, "Could not take a snapshot"),
  });

  return (
    <Card withBorder radius="md" component="section" aria-label="Trend">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Trend
          </Title>
          {canManage && (
            <Button size="xs" variant="light" loading={snapshot.isPending} onClick={() => snapshot.mutate({ path: { org } })}>
              Take snapshot
            </Button>
          )}
        </Group>
        {history.isError && <QueryErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No snapshots yet. One is stored every day; take one now to start the trend.
          </Text>
        )}
        {items.length > 0 && <TrendChart snapshots={items} />}
        {history.data && history.data.total > 0 && (
          <Text size="xs" c="dimmed">
            {history.data.total} {history.data.total === 1 ? "snapshot" : "snapshots"}
            {history.data.total > items.length ? ` (latest ${items.length} shown)` : ""}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
