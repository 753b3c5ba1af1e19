import { Alert, List, Text } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ApiProblem } from "../../lib/problem";

function refs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function preview(items: string[], limit = 25): string {
  return items.slice(0, limit).join(", ") + (items.length > limit ? ` and ${items.length - limit} more` : "");
}

/** A refused audit transition (409): the reason and, for closing, what still blocks it. */
export function TransitionBlocked({ problem, onClose }: { problem: ApiProblem; onClose: () => void }) {
  const unassessed = refs(problem.extensions.unassessed_refs);
  const unlinked = refs(problem.extensions.unlinked_nonconforming_refs);
  const requested = typeof problem.extensions.requested === "string" ? problem.extensions.requested : undefined;
  return (
    <Alert
      color="orange"
      role="alert"
      icon={<IconLock size={18} aria-hidden />}
      title={requested === "closed" ? "The audit cannot be closed yet" : problem.title}
      withCloseButton
      onClose={onClose}
    >
      <Text size="sm">{problem.detail ?? problem.title}</Text>
      {(unassessed.length > 0 || unlinked.length > 0) && (
        <List size="sm" mt="xs">
          {unassessed.length > 0 && (
            <List.Item>
              <b>Not assessed ({unassessed.length}):</b> {preview(unassessed)}
            </List.Item>
          )}
          {unlinked.length > 0 && (
            <List.Item>
              <b>Nonconforming without a finding ({unlinked.length}):</b> {preview(unlinked)}
            </List.Item>
          )}
        </List>
      )}
    </Alert>
  );
}
