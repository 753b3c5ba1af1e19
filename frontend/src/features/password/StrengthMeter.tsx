import { useEffect, useMemo, useState } from "react";
import { List, Progress, Stack, Text } from "@mantine/core";

import { STRENGTH_LABELS, loadEstimator, type Estimator, type Strength } from "./strength";

const COLORS = ["red", "red", "orange", "teal", "green"] as const;

/**
 * A meter under a new-password field: zxcvbn's score, its warning and suggestions, updated as
 * the person types. `userInputs` (their name, e-mail) count as guessable words.
 */
export function StrengthMeter({
  password,
  userInputs = [],
  estimator,
}: {
  password: string;
  userInputs?: string[];
  /** For tests or callers that already hold it; otherwise loaded lazily. */
  estimator?: Estimator;
}) {
  const [estimate, setEstimate] = useState<Estimator | null>(estimator ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (estimate || !password) return undefined;
    let live = true;
    loadEstimator().then(
      (e) => live && setEstimate(() => e),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [estimate, password]);

  const inputs = userInputs.join("\n");
  const strength: Strength | null = useMemo(
    () => (password && estimate ? estimate(password, inputs ? inputs.split("\n") : []) : null),
    [password, estimate, inputs],
  );

  if (!password) return null;
  if (failed && !estimate) return null; // advice only: the server still checks the policy
  const score = strength?.score ?? 0;
  const label = strength ? STRENGTH_LABELS[score] : "Checking…";
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress
        value={strength ? ((score + 1) / 5) * 100 : 0}
        color={COLORS[score]}
        size="sm"
        aria-label="Password strength"
        aria-valuetext={label}
      />
      <div aria-live="polite">
        <Text size="xs" fw={600} c={strength ? `${COLORS[score]}.8` : "dimmed"}>
          Strength: {label}
        </Text>
        {strength?.warning && (
          <Text size="xs" c="dimmed">
            {strength.warning}
          </Text>
        )}
        {strength && strength.suggestions.length > 0 && (
          <List size="xs" c="dimmed" spacing={0}>
            {strength.suggestions.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
