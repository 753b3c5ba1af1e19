import { LineChart } from "../../components/LineChart";
import { Button, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  readinessCreateReadinessSnapshotMutation,
  readinessListReadinessHistoryOptions,
  readinessListReadinessHistoryQueryKey,
} from "../../api/gen/@tanstack/react-query.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { notifyProblem, notifySuccess } from "../../lib/notify";
import { trendPoints, verdictWord, type TrendPoint } from "./model";

const verdictColor = (ready: boolean | null) => (ready === true ? "teal" : ready === null ? "gray" : "red");

const HEIGHT = 200;
const HISTORY = 90;

/** The dot of a snapshot: teal when Stage 1 was ready that day, red when not, grey when unconfirmed. */
function StageDot(props: { cx?: number; cy?: number; payload?: TrendPoint; r?: number }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return <g />;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={props.r ?? 4}
      fill={`var(--mantine-color-${verdictColor(payload.stage1)}-6)`}
      stroke="var(--mantine-color-body)"
      strokeWidth={1}
    />
  );
}

type DotArgs = { cx?: number; cy?: number; payload?: TrendPoint; index?: number };

// recharts calls these with each point's geometry and row (render props, not components)
function renderDot(props: DotArgs) {
  return <StageDot key={props.index} cx={props.cx} cy={props.cy} payload={props.payload} />;
}

function renderActiveDot(props: DotArgs) {
  return <StageDot cx={props.cx} cy={props.cy} payload={props.payload} r={6} />;
}

function renderTooltip({ payload }: { payload?: readonly unknown[] }) {
  return <TrendTooltip payload={payload as { payload?: TrendPoint }[] | undefined} />;
}

function TrendTooltip({ payload }: { payload?: readonly { payload?: TrendPoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!point) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" radius="sm">
      <Text size="sm" fw={500}>
        {formatDate(point.date)}: score {point.score}
      </Text>
      <Text size="xs" c={verdictColor(point.stage1)}>
        Stage 1 {verdictWord(point.stage1)}
      </Text>
      <Text size="xs" c={verdictColor(point.stage2)}>
        Stage 2 {verdictWord(point.stage2)}
      </Text>
    </Paper>
  );
}

function TrendChart({ snapshots }: { snapshots: Parameters<typeof trendPoints>[0] }) {
  const points = trendPoints(snapshots);
  const last = points.at(-1);
  return (
    <div
      role="img"
      aria-label={`Readiness score trend over ${points.length} ${points.length === 1 ? "snapshot" : "snapshots"}${last ? `, latest ${last.score}` : ""}`}
    >
      <LineChart
        h={HEIGHT}
        data={points}
        dataKey="date"
        series={[{ name: "score", label: "Score", color: "blue.6" }]}
        curveType="linear"
        strokeWidth={2}
        gridAxis="y"
        yAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], width: 32 }}
        xAxisProps={{ tickFormatter: (d: string) => formatDate(d), minTickGap: 24 }}
        lineProps={{ dot: renderDot, activeDot: renderActiveDot }}
        tooltipAnimationDuration={150}
        tooltipProps={{ content: renderTooltip }}
      />
    </div>
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
