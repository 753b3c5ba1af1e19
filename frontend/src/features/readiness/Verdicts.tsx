import { Alert, Group, List, RingProgress, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleX, IconHelpCircle } from "@tabler/icons-react";

import type { ReadinessRead, RuleResultRead } from "../../api/gen/types.gen";
import { FixLink } from "./FixLink";
import { visibleVerdicts } from "./model";

const SHOWN_OBJECTS = 3;

function BlockerLine({ id, rule, links }: { id: string; rule: RuleResultRead | undefined; links: boolean }) {
  if (!rule) return <List.Item>{id}</List.Item>;
  const shown = rule.failing.slice(0, SHOWN_OBJECTS);
  const more = rule.failing_count - shown.length;
  return (
    <List.Item>
      <Text size="sm" span fw={600}>
        {rule.id} {rule.title}
      </Text>
      {shown.length > 0 && (
        <Text size="sm" span>
          {": "}
          {shown.map((f, i) => (
            <span key={`${f.type}-${f.id ?? f.key ?? i}`}>
              {i > 0 && "; "}
              {links ? (
                <FixLink route={f.route} size="sm">
                  {f.message}
                </FixLink>
              ) : (
                f.message
              )}
            </span>
          ))}
          {more > 0 && ` (+${more} more)`}
        </Text>
      )}
    </List.Item>
  );
}

/** One banner per gate: ready or not, naming each blocking rule and what fails it (with a link
 * to fix it, unless `links` is false: the audit room reads, it fixes nothing). */
export function Verdicts({ report, links = true }: { report: ReadinessRead; links?: boolean }) {
  const rules = new Map([...report.rules, ...report.not_implemented].map((r) => [r.id, r]));
  return (
    <Stack gap="sm">
      {visibleVerdicts(report.gates).map((v) => (
        <Alert
          key={v.gate}
          color={v.ready === true ? "teal" : v.ready === null ? "gray" : "red"}
          variant="light"
          icon={v.ready === true ? <IconCircleCheck /> : v.ready === null ? <IconHelpCircle /> : <IconCircleX />}
          title={v.text}
          // A region named by its title (the verdict), not an alert: it is the page's content.
          role="region"
        >
          {v.blockers.length > 0 && (
            <List size="sm" spacing={4}>
              {v.blockers.map((id) => (
                <BlockerLine key={id} id={id} rule={rules.get(id)} links={links} />
              ))}
            </List>
          )}
          {v.ready === null && v.reason && (
            <Text size="sm">
              {v.reason} Certready does not hold the records these rules need yet, so it never reports
              this gate as ready.
            </Text>
          )}
          {v.warnings.length > 0 && (
            <Text size="xs" c="dimmed" mt={v.blockers.length > 0 ? 6 : 0}>
              Warnings: {v.warnings.map((id) => (rules.get(id) ? `${id} ${rules.get(id)?.title}` : id)).join(" · ")}
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  );
}

/** The readiness score, 0-100, as a ring. */
/** `stacked`: the caption under the ring (narrow columns, e.g. the audit room's side column). */
export function ScoreGauge({ score, stacked = false }: { score: number; stacked?: boolean }) {
  const color = score >= 90 ? "teal" : score >= 70 ? "yellow" : score >= 40 ? "orange" : "red";
  const caption =
    "Readiness score: 70 % passed blocking rules (earlier gates weigh more), 30 % implemented requirements.";
  if (stacked) {
    return (
      <Stack gap="xs" align="center">
        <RingProgress
          size={140}
          thickness={14}
          roundCaps
          sections={[{ value: score, color, tooltip: `Score ${score} of 100` }]}
          label={
            <Text ta="center" fw={700} size="xl" aria-label={`Readiness score ${score} of 100`}>
              {score}
            </Text>
          }
        />
        <Text size="sm" c="dimmed" ta="center">
          {caption}
        </Text>
      </Stack>
    );
  }
  return (
    <Group gap="md" wrap="nowrap">
      <RingProgress
        size={140}
        thickness={14}
        roundCaps
        sections={[{ value: score, color, tooltip: `Score ${score} of 100` }]}
        label={
          <Text ta="center" fw={700} size="xl" aria-label={`Readiness score ${score} of 100`}>
            {score}
          </Text>
        }
      />
      <Text size="sm" c="dimmed" maw={180}>
        {caption}
      </Text>
    </Group>
  );
}
