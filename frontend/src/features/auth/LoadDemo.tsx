import { useState } from "react";
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { demoCreateDemoMutation, setupGetSetupStatusQueryKey } from "../../api/gen/@tanstack/react-query.gen";
import type { DemoResult } from "../../api/gen/types.gen";
import { notifyProblem } from "../../lib/notify";
import { logIn } from "./useSession";

function Secret({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" w={80}>
        {label}
      </Text>
      <Code aria-label={label}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * First run only: "Load demo organisation" creates the demo organisation and its admin
 * (POST /demo), shows the admin's credentials once, logs in and opens the demo dashboard.
 */
export function LoadDemo() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [demo, setDemo] = useState<DemoResult | null>(null);
  const [loggedIn, setLoggedIn] = useState(false);

  const load = useMutation({
    ...demoCreateDemoMutation(),
    onSuccess: async (data) => {
      setDemo(data);
      queryClient.setQueryData(setupGetSetupStatusQueryKey(), { needed: false });
      try {
        await logIn(data.admin_email, data.admin_password);
        setLoggedIn(true);
      } catch {
        setLoggedIn(false);
      }
    },
    onError: (error) => notifyProblem(error, "Could not load the demo organisation"),
  });

  const open = async () => {
    if (!demo) return;
    if (loggedIn) await navigate({ to: "/orgs/$org/dashboard", params: { org: demo.organisation_slug } });
    else await navigate({ to: "/login" });
  };

  return (
    <>
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          Just looking around? Load a demo organisation part-way to certification instead.
        </Text>
        <Button variant="default" loading={load.isPending} onClick={() => load.mutate({})}>
          Load demo organisation
        </Button>
      </Stack>
      <Modal opened={demo !== null} onClose={() => void open()} title="Demo organisation loaded" closeOnClickOutside={false}>
        {demo && (
          <Stack gap="sm">
            <Text size="sm">
              <b>{demo.organisation_name}</b> is ready. Its administrator can log in with:
            </Text>
            <Secret label="Email" value={demo.admin_email} />
            <Secret label="Password" value={demo.admin_password} />
            <Alert color="yellow" variant="light">
              Note the password now: it is shown only once.
            </Alert>
            <Button onClick={() => void open()}>{loggedIn ? "Open the demo dashboard" : "Go to log in"}</Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
