import { useState } from "react";
import { Alert, Badge, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";

import { meConfirmTotp, meDisableTotp, meRenewRecoveryCodes, meStartTotp } from "../../api/gen/sdk.gen";
import { meGetMeQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { MfaProof, TotpEnrolment } from "../../api/gen/types.gen";
import { AnchorLink } from "../../components/links";
import { formatDateTime } from "../../lib/format";
import { toApiProblem } from "../../lib/problem";
import { useMe } from "../auth/useSession";
import { RecoveryCodesPanel, TotpSetup } from "./TotpSetup";

/** A current code or the password, for disabling the factor or renewing the codes. */
function ProofForm({ action, danger, onProof }: { action: string; danger?: boolean; onProof: (proof: MfaProof) => Promise<unknown> }) {
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onProof(code.trim() ? { code: code.trim() } : { password });
    } catch (e) {
      const problem = toApiProblem(e);
      setError(problem.status === 429 ? "Too many attempts. Try again later." : (problem.detail ?? "Not right."));
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="xs">
        {error && <Alert color="red" role="alert" title={error} />}
        <Group align="end">
          <TextInput
            label="Current code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={140}
          />
          <Text size="sm" pb={8}>
            or
          </Text>
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            w={220}
          />
          <Button type="submit" color={danger ? "red" : undefined} loading={pending} disabled={!code.trim() && !password}>
            {action}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signed-in person's second factor: enrol (QR, manual key, first code), recovery codes, disable. */
export function TwoFactorPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<"renew" | "disable" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: meGetMeQueryKey() });
  const mfa = me?.mfa;

  const start = async () => {
    setError(null);
    try {
      const { data } = await meStartTotp();
      setEnrolment(data);
    } catch (e) {
      setError(toApiProblem(e).detail ?? "Could not start the enrolment.");
    }
  };
  const confirm = async (code: string) => {
    const { data } = await meConfirmTotp({ body: { code } });
    setEnrolment(null);
    setCodes(data.codes);
    await refresh();
  };

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <AnchorLink to="/orgs" size="sm">
          ← Organisations
        </AnchorLink>
        <Title order={1} size="h2">
          Two-factor sign-in
        </Title>
        {mfa && mfa.required_by.length > 0 && (
          <Alert color="blue" title="Required by your organisation">
            {mfa.required_by.join(", ")} require a second factor: without one you are asked to set it up at sign-in.
          </Alert>
        )}
        {error && <Alert color="red" role="alert" title={error} />}
        <Paper withBorder p="lg">
          {codes ? (
            <RecoveryCodesPanel codes={codes} doneLabel="I have saved them" onDone={() => setCodes(null)} />
          ) : enrolment ? (
            <Stack gap="sm">
              <Title order={3}>Set up an authenticator app</Title>
              <TotpSetup enrolment={enrolment} onConfirm={confirm} />
            </Stack>
          ) : mfa?.totp_enabled ? (
            <Stack gap="md">
              <Group gap="xs">
                <Title order={3}>Authenticator app</Title>
                <Badge color="green">On</Badge>
              </Group>
              <Text size="sm">
                Set up {mfa.enrolled_at ? formatDateTime(mfa.enrolled_at) : ""}. Sign-in asks for a code after your password.{" "}
                {mfa.recovery_codes_left} recovery code{mfa.recovery_codes_left === 1 ? "" : "s"} left.
              </Text>
              <Group>
                <Button variant="default" onClick={() => setPanel(panel === "renew" ? null : "renew")}>
                  New recovery codes
                </Button>
                <Button variant="default" color="red" onClick={() => setPanel(panel === "disable" ? null : "disable")}>
                  Turn off
                </Button>
              </Group>
              {panel === "renew" && (
                <ProofForm
                  action="Make new codes"
                  onProof={async (proof) => {
                    const { data } = await meRenewRecoveryCodes({ body: proof });
                    setPanel(null);
                    setCodes(data.codes);
                    await refresh();
                  }}
                />
              )}
              {panel === "disable" && (
                <ProofForm
                  action="Turn off"
                  danger
                  onProof={async (proof) => {
                    await meDisableTotp({ body: proof });
                    setPanel(null);
                    await refresh();
                  }}
                />
              )}
            </Stack>
          ) : (
            <Stack gap="sm">
              <Group gap="xs">
                <Title order={3}>Authenticator app</Title>
                <Badge color="gray">Off</Badge>
              </Group>
              <Text size="sm">Sign in with your password and a code from an app on your phone.</Text>
              <Group>
                <Button onClick={() => void start()}>Set up</Button>
              </Group>
            </Stack>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
