import { useEffect, useState } from "react";
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouter, useSearch } from "@tanstack/react-router";

import { AnchorLink } from "../../components/links";
import { handleFormError } from "../../lib/forms";
import { formatWait } from "../../lib/format";
import { toApiProblem } from "../../lib/problem";
import { safeRedirect } from "../../lib/redirect";
import { SsoButtons } from "../sso/SsoButtons";
import { MfaStep } from "./MfaStep";
import { logIn, type MfaChallenge } from "./useSession";

/** A seconds countdown: `start(n)`, then it ticks down to 0 once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    if (secondsLeft <= 0) return undefined;
    const id = window.setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(id);
  }, [secondsLeft]);
  return [secondsLeft, setSecondsLeft];
}

export function LoginPage() {
  const search = useSearch({ from: "/login" });
  const navigate = useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [secondsLeft, startCountdown] = useCountdown();
  // Throttling is per account (and per client): only block the e-mail that was throttled.
  const [throttledEmail, setThrottledEmail] = useState<string | null>(null);
  // After a right password, when a second factor is due: the challenge for the next step.
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);

  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", password: "" },
    validate: {
      email: (v) => (v.trim() ? null : "Enter your e-mail address"),
      password: (v) => (v ? null : "Enter your password"),
    },
  });

  const signedIn = async () => {
    // Nothing cached for a previous session may show (queries only: a mutation may still run).
    queryClient.removeQueries();
    const target = safeRedirect(search.redirect);
    if (target) await router.navigate({ href: target });
    else await navigate({ to: "/" });
  };

  const login = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => logIn(email, password),
    onMutate: () => setMessage(null),
    onSuccess: async (pending) => {
      if (pending) {
        setChallenge(pending);
        return;
      }
      await signedIn();
    },
    onError: (error, { email }) => {
      const problem = toApiProblem(error);
      if (problem.status === 401) {
        setMessage("Wrong e-mail or password.");
        form.setFieldValue("password", "");
      } else if (problem.status === 429) {
        setThrottledEmail(email);
        startCountdown(Math.max(1, problem.retryAfter ?? 60));
      } else {
        handleFormError(form, error, { aliases: { username: "email" }, title: "Could not log in" });
      }
    },
  });
  const submit = form.onSubmit((values) => login.mutate({ email: values.email.trim(), password: values.password }));

  const throttled = secondsLeft > 0 && form.values.email.trim() === throttledEmail;

  if (challenge) {
    return (
      <Center mih="100vh" p="md" bg="gray.0">
        <Paper withBorder shadow="sm" p="xl" w={challenge.step === "enrol" ? 520 : 400} maw="100%">
          <MfaStep
            challenge={challenge}
            onSignedIn={signedIn}
            onRestart={() => {
              setChallenge(null);
              form.setFieldValue("password", "");
            }}
          />
        </Paper>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text fw={700} c="blue.7" size="lg">
                Certready
              </Text>
              <Title order={1} size="h2">
                Log in
              </Title>
            </div>
            {search.notice === "password-changed" && !message && (
              <Alert color="green" role="status" title="Password changed">
                You have been signed out everywhere. Log in with your new password.
              </Alert>
            )}
            {message && (
              <Alert color="red" role="alert" title={message} />
            )}
            {throttled && (
              <Alert color="orange" role="alert" title="Too many login attempts">
                Try again in {formatWait(secondsLeft)}.
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={login.isPending} disabled={throttled} fullWidth>
              Log in
            </Button>
            <SsoButtons />
            <AnchorLink to="/forgot-password" size="sm">
              Forgot your password?
            </AnchorLink>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
