import { Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import {
  auditsListAuditsOptions,
  correctiveMeasuresListCorrectiveMeasuresOptions,
  evidenceListEvidenceOptions,
  trainingGetTrainingMatrixOptions,
} from "../../api/gen/@tanstack/react-query.gen";
import { formatDate } from "../../lib/format";
import { FixLink } from "./FixLink";
import { buildDeadlines, deadlineWhen, type DeadlineKind } from "./model";

const WITHIN_DAYS = 30;
const LIMIT = 200;

const KIND_LABELS: Record<DeadlineKind, string> = {
  corrective_measure: "Measure",
  evidence: "Evidence",
  training: "Training",
  audit: "Audit",
};

/**
 * What is due: overdue and soon-due corrective measures, evidence and training expiring
 * within 30 days, planned audits. Each source is optional: a role that may not read one
 * (or a failed request) just leaves it out.
 */
export function Deadlines({ org, today }: { org: string; today: string }) {
  const path = { org };
  const measures = useQuery(correctiveMeasuresListCorrectiveMeasuresOptions({ path, query: { limit: LIMIT } }));
  const evidence = useQuery(
    evidenceListEvidenceOptions({ path, query: { limit: LIMIT, status: "approved", expiring_within_days: WITHIN_DAYS } }),
  );
  const training = useQuery(trainingGetTrainingMatrixOptions({ path, query: { expiring_within_days: WITHIN_DAYS } }));
  const audits = useQuery(auditsListAuditsOptions({ path, query: { status: "planned", limit: LIMIT } }));

  const courses = new Map((training.data?.courses ?? []).map((c) => [c.id, c.title]));
  const list = buildDeadlines(
    {
      measures: measures.data?.items ?? [],
      evidence: evidence.data?.items ?? [],
      training: (training.data?.rows ?? []).flatMap((row) =>
        row.cells.map((cell) => ({
          person: row.full_name,
          course: courses.get(cell.course_id) ?? "Training",
          expires_on: cell.expires_on,
          state: cell.state,
        })),
      ),
      audits: audits.data?.items ?? [],
    },
    today,
    WITHIN_DAYS,
  );
  const loading = measures.isPending || evidence.isPending || training.isPending || audits.isPending;

  return (
    <Card withBorder radius="md" component="section" aria-label="Upcoming deadlines">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Upcoming deadlines
          </Title>
          <Text size="xs" c="dimmed">
            Overdue and due within {WITHIN_DAYS} days
          </Text>
        </Group>
        {!loading && list.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing overdue or due soon.
          </Text>
        )}
        {list.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={6} aria-label="Deadlines">
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={`${d.kind}-${d.key}-${d.label}-${d.date}`}>
                    <Table.Td w={110}>
                      <Badge variant="light" color={d.overdue ? "red" : d.days <= 7 ? "orange" : "gray"}>
                        {KIND_LABELS[d.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <FixLink route={`/orgs/${org}/${d.path}`} size="sm">
                        {d.key}
                      </FixLink>{" "}
                      <Text span size="sm">
                        {d.label}
                      </Text>
                    </Table.Td>
                    <Table.Td w={200}>
                      <Text size="sm" c={d.overdue ? "red" : undefined} fw={d.overdue ? 600 : undefined}>
                        {deadlineWhen(d)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(d.date)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
