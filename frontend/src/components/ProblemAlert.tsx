import { Alert, List, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ApiProblem } from "../lib/problem";

/**
 * A problem+json error shown in place (not as a toast): the title, the server's explanation
 * and, for 422 / 412 / 403 with an `errors` list, one line per error (rendered as text).
 */
export function ProblemAlert({ problem, title, onClose }: { problem: ApiProblem; title?: string; onClose?: () => void }) {
  const messages = [...new Set(problem.errors.map((e) => e.msg))].filter((m) => m !== problem.detail);
  return (
    <Alert
      color={problem.status === 412 ? "orange" : "red"}
      role="alert"
      icon={<IconAlertCircle size={18} aria-hidden />}
      title={title ?? problem.title}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
    >
      {problem.detail && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {problem.detail}
        </Text>
      )}
      {messages.length > 0 && (
        <List size="sm" mt={problem.detail ? "xs" : 0}>
          {messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
