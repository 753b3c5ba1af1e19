import { Accordion, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { readinessGetReadinessRuleOptions } from "../../api/gen/@tanstack/react-query.gen";
import type { ReadinessRead, RuleResultRead } from "../../api/gen/types.gen";
import { QueryErrorAlert } from "../../components/StatusPages";
import { FixLink } from "./FixLink";
import { failingRules, GATE_LABELS } from "./model";

function FailingTable({ rule }: { rule: RuleResultRead }) {
  if (rule.failing.length === 0) return null;
  return (
    <Table verticalSpacing={4} aria-label={`${rule.id} failing objects`}>
      <Table.Tbody>
        {rule.failing.map((f, i) => (
          <Table.Tr key={`${f.type}-${f.id ?? f.key ?? i}`}>
            <Table.Td w={110}>
              <Text size="xs" c="dimmed">
                {f.key ?? f.type.replace(/_/g, " ")}
              </Text>
            </Table.Td>
            <Table.Td>
              <FixLink route={f.route} size="sm">
                {f.message}
              </FixLink>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** All failing objects of one rule (the report carries only the first few). */
function FullRule({ org, rule }: { org: string; rule: RuleResultRead }) {
  const [all, setAll] = useState(false);
  const detail = useQuery({ ...readinessGetReadinessRuleOptions({ path: { org, rule_id: rule.id } }), enabled: all });
  const shown = all && detail.data ? detail.data : rule;
  return (
    <Stack gap="xs">
      <Text size="sm">{rule.description}</Text>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          Clauses {rule.clause_refs.join(", ")}
        </Text>
        {Object.entries(rule.parameters).map(([name, value]) => (
          <Badge key={name} size="xs" variant="outline" color="gray">
            {name} = {value}
          </Badge>
        ))}
      </Group>
      <FailingTable rule={shown} />
      {detail.isError && <QueryErrorAlert error={detail.error} />}
      {!all && rule.failing_count > rule.failing.length && (
        <Button size="xs" variant="subtle" w="fit-content" onClick={() => setAll(true)}>
          Show all {rule.failing_count}
        </Button>
      )}
      {all && shown.failing_count > shown.failing.length && (
        <Text size="xs" c="dimmed">
          {shown.failing.length} of {shown.failing_count} shown.
        </Text>
      )}
    </Stack>
  );
}

/** Every rule: failing ones expandable to their failing objects, then passing and not-yet-checked. */
export function RulesPanel({ org, report }: { org: string; report: ReadinessRead }) {
  const failing = failingRules(report.rules);
  const passing = report.rules.filter((r) => r.passed === true);
  return (
    <Card withBorder radius="md" component="section" aria-label="Rules">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Rules
        </Title>
        <Text size="sm" c="dimmed">
          {failing.length} failing, {passing.length} passing, {report.not_implemented.length} not checked automatically.
        </Text>
        <Accordion variant="separated" multiple chevronPosition="left">
          {failing.map((rule) => (
            <Accordion.Item key={rule.id} value={rule.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="nowrap">
                  <Badge color={rule.severity === "blocker" ? "red" : "yellow"} variant="light" miw={84}>
                    {rule.severity}
                  </Badge>
                  <Badge color="gray" variant="outline" miw={110}>
                    {GATE_LABELS[rule.gate]}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {rule.id} {rule.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    ({rule.failing_count})
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <FullRule org={org} rule={rule} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
          {passing.length > 0 && (
            <Accordion.Item value="passing">
              <Accordion.Control>
                <Text size="sm">Passing rules ({passing.length})</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={2}>
                  {passing.map((r) => (
                    <Text key={r.id} size="sm">
                      <Badge size="xs" color="teal" variant="light" mr={6}>
                        {GATE_LABELS[r.gate]}
                      </Badge>
                      {r.id} {r.title}
                    </Text>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          )}
          {report.not_implemented.length > 0 && (
            <Accordion.Item value="not-implemented">
              <Accordion.Control>
                <Text size="sm">Not checked automatically ({report.not_implemented.length})</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={2}>
                  {report.not_implemented.map((r) => (
                    <Text key={r.id} size="sm">
                      {r.id} {r.title}
                      <Text span size="xs" c="dimmed">
                        {" "}
                        — {r.not_implemented_reason ?? r.message}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          )}
        </Accordion>
      </Stack>
    </Card>
  );
}
