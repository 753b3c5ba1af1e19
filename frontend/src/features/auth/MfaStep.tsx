import { useEffect, useRef, useState } from "react";
import { Alert, Anchor, Button, Loader, Stack, Text, TextInput, Title } from "@mantine/core";

import type { TotpEnrolment } from "../../api/gen/types.gen";
import { toApiProblem } from "../../lib/problem";
import { RecoveryCodesPanel, TotpSetup } from "../account/TotpSetup";
import { confirmEnrolmentAtSignIn, startEnrolmentAtSignIn, verifyMfa, type MfaChallenge } from "./useSession";

/** The sign-in's second step: a code (or a recovery code), or enrolment when it is required. */
export function MfaStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: MfaChallenge;
  onSignedIn: () => Promise<void>;
  onRestart: () => void;
}) {
  return challenge.step === "verify" ? (
    <VerifyStep token={challenge.token} onSignedIn={onSignedIn} onRestart={onRestart} />
  ) : (
    <EnrolStep token={challenge.token} onSignedIn={onSignedIn} onRestart={onRestart} />
  );
}

function Heading({ title }: { title: string }) {
  return (
    <div>
      <Text fw={700} c="blue.7" size="lg">
        Certready
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
    </div>
  );
}

function VerifyStep({ token, onSignedIn, onRestart }: { token: string; onSignedIn: () => Promise<void>; onRestart: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const entered = value.trim();
    if (!entered) {
      setError(recovery ? "Enter one of your recovery codes." : "Enter the 6-digit code from your app.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      await verifyMfa(token, recovery ? { recovery_code: entered } : { code: entered });
      await onSignedIn();
    } catch (e) {
      const problem = toApiProblem(e);
      if (problem.status === 429) setError(`Too many attempts. Try again in ${problem.retryAfter ?? 60} seconds.`);
      else if (problem.detail?.startsWith("The sign-in has expired")) setExpired(true);
      else setError(recovery ? "That recovery code is not valid (or was used already)." : "The code is not right. Enter the current code.");
      setValue("");
    } finally {
      setPending(false);
    }
  };

  if (expired) {
    return (
      <Stack gap="md">
        <Heading title="Sign-in expired" />
        <Alert color="orange" role="alert" title="The sign-in has expired. Sign in again." />
        <Button onClick={onRestart}>Back to log in</Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Heading title="Two-factor sign-in" />
        <Text size="sm">
          {recovery ? "Enter one of the recovery codes you saved. Each works once." : "Enter the 6-digit code your authenticator app shows."}
        </Text>
        {error && <Alert color="red" role="alert" title={error} />}
        <TextInput
          key={recovery ? "recovery" : "code"}
          label={recovery ? "Recovery code" : "Code"}
          inputMode={recovery ? "text" : "numeric"}
          autoComplete="one-time-code"
          autoFocus
          maxLength={recovery ? 64 : 6}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Button type="submit" loading={pending} fullWidth>
          Verify
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            setValue("");
            setError(null);
          }}
        >
          {recovery ? "Use a code from the app" : "Use a recovery code"}
        </Anchor>
        <Anchor component="button" type="button" size="xs" c="dimmed" onClick={onRestart}>
          Cancel and start over
        </Anchor>
      </Stack>
    </form>
  );
}

function EnrolStep({ token, onSignedIn, onRestart }: { token: string; onSignedIn: () => Promise<void>; onRestart: () => void }) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Once per challenge: a second start would replace the secret the page shows.
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (started.current === token) return;
    started.current = token;
    startEnrolmentAtSignIn(token).then(setEnrolment, (e: unknown) =>
      setError(toApiProblem(e).detail ?? "Could not start the enrolment."),
    );
  }, [token]);

  return (
    <Stack gap="md">
      <Heading title="Set up two-factor sign-in" />
      {codes ? (
        <RecoveryCodesPanel codes={codes} doneLabel="Continue" onDone={() => void onSignedIn()} />
      ) : (
        <>
          <Text size="sm">Your organisation requires a second factor. Set up an authenticator app to finish signing in.</Text>
          {error && (
            <Alert color="red" role="alert" title={error}>
              <Anchor component="button" type="button" size="sm" onClick={onRestart}>
                Back to log in
              </Anchor>
            </Alert>
          )}
          {!enrolment && !error && <Loader size="sm" />}
          {enrolment && (
            <TotpSetup enrolment={enrolment} onConfirm={async (code) => setCodes(await confirmEnrolmentAtSignIn(token, code))} />
          )}
        </>
      )}
    </Stack>
  );
}
