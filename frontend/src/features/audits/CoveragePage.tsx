import { useState } from "react";
import { Box, Card, Group, Paper, RingProgress, Select, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import { auditsGetAuditCoverageOptions } from "../../api/gen/@tanstack/react-query.gen";
import { AnchorLink } from "../../components/links";
import { QueryErrorAlert } from "../../components/StatusPages";
import { formatDate } from "../../lib/format";
import { useCurrentOrg } from "../orgs/useCurrentOrg";
import { clauseTitles, useClauseTree } from "../requirements/catalogue";
import { AuditsNav } from "./AuditsNav";
import { COVERAGE_COLORS, COVERAGE_LABELS, coverageState, groupCoverage, type CoverageState } from "./coverage";

const WINDOWS = [
  { value: "6", label: "Last 6 months" },
  { value: "12", label: "Last 12 months" },
  { value: "24", label: "Last 24 months" },
  { value: "36", label: "Last 36 months (certification cycle)" },
];

/** Heat map of the clause leaves: which ones an internal audit covered in the window, and how. */
export function CoveragePage() {
  const { slug } = useCurrentOrg();
  const [months, setMonths] = useState("12");
  const query = useQuery(auditsGetAuditCoverageOptions({ path: { org: slug }, query: { months: Number(months) } }));
  const titles = clauseTitles(useClauseTree().data);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Audit coverage</Title>
        <Text size="sm" c="dimmed">
          Requirements assessed by an internal audit that is reporting or closed, by last result.
        </Text>
      </div>
      <AuditsNav org={slug} />
      <Group justify="space-between" align="center">
        <Select aria-label="Window" data={WINDOWS} value={months} onChange={(v) => v && setMonths(v)} allowDeselect={false} w={280} />
        <Group gap="md" aria-label="Legend" role="list">
          {(Object.keys(COVERAGE_LABELS) as CoverageState[]).map((s) => (
            <Group key={s} gap={6} role="listitem">
              <Box w={14} h={14} bg={COVERAGE_COLORS[s]} style={{ borderRadius: 3 }} />
              <Text size="xs">{COVERAGE_LABELS[s]}</Text>
            </Group>
          ))}
        </Group>
      </Group>

      {query.isError && <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Skeleton h={300} />}
      {query.data && (
        <>
          <Card withBorder padding="md">
            <Group gap="lg">
              <RingProgress
                size={90}
                thickness={10}
                roundCaps
                sections={[{ value: query.data.total ? (100 * query.data.covered) / query.data.total : 0, color: "teal" }]}
                label={
                  <Text ta="center" size="sm" fw={700}>
                    {query.data.total ? Math.round((100 * query.data.covered) / query.data.total) : 0}%
                  </Text>
                }
              />
              <div>
                <Text fw={600}>
                  {query.data.covered} of {query.data.total} requirements covered
                </Text>
                <Text size="sm" c="dimmed">
                  Since {formatDate(query.data.window_start.slice(0, 10))}. Certification bodies expect the whole SMS
                  (clauses 4–10) audited before Stage 2.
                </Text>
              </div>
            </Group>
          </Card>
          {groupCoverage(query.data.items).map((g) => (
            <section key={g.root} aria-label={`Clause ${g.root} coverage`}>
              <Group gap="sm" mb={6}>
                <Title order={4}>
                  {g.root} {titles.get(g.root) ?? ""}
                </Title>
                <Text size="sm" c="dimmed">
                  {g.covered}/{g.lines.length} covered
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 3, sm: 6, md: 8, lg: 10 }} spacing={6}>
                {g.lines.map((l) => {
                  const state = coverageState(l);
                  const dark = state === "conforming" || state === "nonconforming";
                  return (
                    <Tooltip
                      key={l.ref}
                      multiline
                      w={260}
                      label={`${l.ref} ${l.title} — ${COVERAGE_LABELS[state]}${l.audit_key ? ` in ${l.audit_key}, assessed ${formatDate(l.assessed_on ?? l.assessed_at)}` : ""}`}
                    >
                      <Paper
                        p={6}
                        radius="sm"
                        bg={COVERAGE_COLORS[state]}
                        role="img"
                        aria-label={`${l.ref} ${COVERAGE_LABELS[state]}`}
                        data-state={state}
                      >
                        <Text size="xs" fw={700} c={dark ? "white" : "dark"}>
                          {l.ref}
                        </Text>
                        {l.audit_id && l.audit_key ? (
                          <AnchorLink
                            size="xs"
                            c={dark ? "white" : "dark"}
                            to="/orgs/$org/audits/$auditId"
                            params={{ org: slug, auditId: l.audit_id }}
                          >
                            {l.audit_key}
                          </AnchorLink>
                        ) : (
                          <Text size="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Paper>
                    </Tooltip>
                  );
                })}
              </SimpleGrid>
            </section>
          ))}
        </>
      )}
    </Stack>
  );
}
