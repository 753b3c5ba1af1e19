import { useState } from "react";
import { Alert, Button, Code, CopyButton, Group, Image, List, Stack, Text, TextInput } from "@mantine/core";

import type { TotpEnrolment } from "../../api/gen/types.gen";
import { toApiProblem } from "../../lib/problem";

/** Groups of four for reading the manual key aloud or typing it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** Scan the QR code or type the key, then confirm with the app's first code. */
export function TotpSetup({
  enrolment,
  onConfirm,
}: {
  enrolment: TotpEnrolment;
  onConfirm: (code: string) => Promise<unknown>;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setError("Enter the 6-digit code your app shows.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onConfirm(code.trim());
    } catch (e) {
      setError(toApiProblem(e).detail ?? "The code is not right. Enter the current code.");
      setCode("");
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <List size="sm" type="ordered">
          <List.Item>Open an authenticator app (e.g. FreeOTP, Aegis, Google or Microsoft Authenticator).</List.Item>
          <List.Item>Scan the QR code, or enter the key by hand.</List.Item>
          <List.Item>Enter the 6-digit code the app shows to confirm.</List.Item>
        </List>
        <Image src={enrolment.qr_svg} alt="QR code for your authenticator app" w={200} h={200} fit="contain" />
        <div>
          <Text size="sm" fw={500}>
            Key for manual entry
          </Text>
          <Group gap="xs">
            <Code data-testid="totp-secret" fz="sm">
              {grouped(enrolment.secret)}
            </Code>
            <CopyButton value={enrolment.secret}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="subtle" onClick={copy}>
                  {copied ? "Copied" : "Copy key"}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed">
            Time-based, 6 digits, every 30 seconds.
          </Text>
        </div>
        {error && <Alert color="red" role="alert" title={error} />}
        <TextInput
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={200}
        />
        <Group>
          <Button type="submit" loading={pending}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The recovery codes, shown once: copy or download them, then continue. */
export function RecoveryCodesPanel({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const text = codes.join("\n") + "\n";
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "certready-recovery-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="sm">
      <Alert color="yellow" title="Save your recovery codes now">
        Each code signs you in once if you lose your authenticator. They are shown only this once and stored only as a
        hash.
      </Alert>
      <Code block data-testid="recovery-codes">
        {text}
      </Code>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? "Copied" : "Copy codes"}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          Download
        </Button>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
}
