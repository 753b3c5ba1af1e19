import { useState } from "react";
import { Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import { requirementsListRequirementsOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { ClauseRead } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { STATUS_COLORS, statusLabel } from "../requirements/status";
import { clauseHeat, clauseProgress, leavesOf } from "./model";

function Leaves({ org, clause }: { org: string; clause: ClauseRead }) {
  const { data, isPending } = useQuery({
    ...requirementsListRequirementsOptions({ path: { org }, query: { limit: 500 } }),
    staleTime: 30_000,
  });
  const leaves = leavesOf(data?.items ?? [], clause.ref);
  return (
    <Paper withBorder p="sm" radius="md" role="region" aria-label={`Clause ${clause.ref} requirements`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Clause {clause.ref} {clause.title}: {leaves.length} requirements
        </Text>
        <AnchorLink to="/orgs/$org/requirements" params={{ org }} search={{ clause: clause.ref }} size="sm">
          Open in Requirements
        </AnchorLink>
      </Group>
      {isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : (
        <Group gap={6}>
          {leaves.map((r) => (
            <Tooltip key={r.ref} label={`${r.ref} ${r.title}: ${statusLabel(r.status)}`} withinPortal>
              <AnchorLink to="/orgs/$org/requirements/$ref" params={{ org, ref: r.ref }} underline="never">
                <Badge variant="light" color={r.status ? STATUS_COLORS[r.status] : "gray"} style={{ cursor: "pointer", textTransform: "none" }}>
                  {r.ref}
                </Badge>
              </AnchorLink>
            </Tooltip>
          ))}
        </Group>
      )}
    </Paper>
  );
}

/** Clauses 4-10 coloured by implementation and failing rules; a click shows the clause's leaves. */
export function ClauseHeatMap({ org, clauses }: { org: string; clauses: ClauseRead[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const selected = clauses.find((c) => c.ref === open);
  return (
    <Card withBorder radius="md" component="section" aria-label="Clauses">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Clauses
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
          {clauses.map((c) => {
            const color = clauseHeat(c);
            const pct = clauseProgress(c);
            return (
              <UnstyledButton
                key={c.ref}
                aria-expanded={open === c.ref}
                aria-label={`Clause ${c.ref} ${c.title}: ${pct} % implemented, ${c.failing_rules.length} failing rules`}
                onClick={() => setOpen(open === c.ref ? null : c.ref)}
              >
                <Paper
                  p="xs"
                  radius="md"
                  bg={`${color}.1`}
                  style={{ border: `2px solid var(--mantine-color-${color}-${open === c.ref ? 7 : 3})` }}
                  h="100%"
                >
                  <Text fw={700}>{c.ref}</Text>
                  <Text size="xs" lineClamp={2} mih={32}>
                    {c.title}
                  </Text>
                  <Text size="xs" mt={4}>
                    {pct} % implemented
                  </Text>
                  <Text size="xs" c={c.failing_rules.length ? "red.8" : "dimmed"}>
                    {c.failing_rules.length} failing rules · {c.open_findings} open findings
                  </Text>
                </Paper>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
        {selected && <Leaves org={org} clause={selected} />}
      </Stack>
    </Card>
  );
}
