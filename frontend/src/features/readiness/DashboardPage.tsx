import { Badge, Card, Grid, Group, List, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";

import { readinessGetReadinessOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { NextStepRead } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate, formatDateTime } from "../../lib/format";
import { roleLabel } from "../orgs/roles";
import { useCan } from "../orgs/useCan";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { useOrg } from "../orgs/useOrg";
import { ClauseHeatMap } from "./ClauseHeatMap";
import { Deadlines } from "./Deadlines";
import { DownloadReadinessReportButton } from "../exports/DownloadPdfButton";
import { MachineReadableExportsMenu } from "../exports/MachineReadableExports";
import { DownloadMatrixButton } from "./DownloadMatrixButton";
import { FixLink } from "./FixLink";
import { certificationCountdown, GATE_LABELS } from "./model";
import { RulesPanel } from "./RulesPanel";
import { TrendCard } from "./TrendCard";
import { ScoreGauge, Verdicts } from "./Verdicts";

function NextSteps({ steps }: { steps: NextStepRead[] }) {
  return (
    <Card withBorder radius="md" component="section" aria-label="Next steps" h="100%">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Next steps
        </Title>
        {steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing blocks the next gate.
          </Text>
        ) : (
          <List
            spacing="xs"
            icon={
              <ThemeIcon size={18} radius="xl" variant="light">
                <IconArrowRight size={12} />
              </ThemeIcon>
            }
          >
            {steps.map((s) => (
              <List.Item key={s.rule_id}>
                <Text size="sm" fw={600}>
                  {s.route ? <FixLink route={s.route}>{s.title}</FixLink> : s.title}{" "}
                  <Badge size="xs" variant="outline" color="gray">
                    {GATE_LABELS[s.gate]}
                  </Badge>
                </Text>
                <Text size="xs" c="dimmed">
                  {s.rule_id}: {s.message}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** The readiness dashboard: gate verdicts, score, clauses, next steps, trend, deadlines, rules. */
export function DashboardPage() {
  const { slug, role, membership } = useCurrentOrg();
  const can = useCan();
  const orgQuery = useOrg(slug);
  const org = orgQuery.data?.org;
  // Readiness is evaluated live: always re-read when the dashboard opens.
  const report = useQuery({ ...readinessGetReadinessOptions({ path: { org: slug } }), staleTime: 0 });
  const data = report.data;
  const countdown = data ? certificationCountdown(org?.target_certification_date, data.today) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" c="dimmed">
            Dashboard
          </Text>
          <Title order={1} size="h2">
            {org?.name ?? membership?.org_name ?? slug}
          </Title>
        </div>
        <Group gap="sm">
          <DownloadMatrixButton org={slug} />
          <DownloadReadinessReportButton org={slug} />
          <MachineReadableExportsMenu org={slug} />
          {role && <Badge variant="light">{roleLabel(role)}</Badge>}
        </Group>
      </Group>

      {report.isError && <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && <Skeleton h={240} />}
      {data && (
        <>
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Verdicts report={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                <Card withBorder radius="md" component="section" aria-label="Score">
                  <ScoreGauge score={data.score} />
                </Card>
                <Card withBorder radius="md" component="section" aria-label="Certification countdown">
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed">
                    Target certification date
                  </Text>
                  {org?.target_certification_date ? (
                    <Text mt={4} fw={500}>
                      {formatDate(org.target_certification_date)}
                      {countdown && (
                        <Text span size="sm" c={countdown.color} ml={6} fw={600}>
                          ({countdown.text})
                        </Text>
                      )}
                    </Text>
                  ) : (
                    <Text mt={4} size="sm" c="dimmed">
                      Not set.{" "}
                      <AnchorLink to="/orgs/$org/settings" params={{ org: slug }}>
                        Set a target date
                      </AnchorLink>
                    </Text>
                  )}
                  {org?.certification_body && (
                    <Text size="xs" c="dimmed" mt={4}>
                      Certification body: {org.certification_body}
                    </Text>
                  )}
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>

          <ClauseHeatMap org={slug} clauses={data.clauses} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <NextSteps steps={data.next_steps} />
            <TrendCard org={slug} canManage={can("readiness:manage")} />
          </SimpleGrid>

          <Deadlines org={slug} today={data.today} />

          <RulesPanel org={slug} report={data} />

          <Text size="xs" c="dimmed">
            Evaluated {formatDateTime(data.evaluated_at)} against {data.framework}.
          </Text>
        </>
      )}
    </Stack>
  );
}
