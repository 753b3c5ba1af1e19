import { useEffect, useRef, useState } from "react";
import { Alert, Anchor, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";

import { ssoExchangeCode } from "../../api/gen/sdk.gen";
import { tokenStore, tokensFromResponse } from "../../lib/auth/tokens";
import { callbackMessage, parseCallbackFragment } from "./callback";

/** `/sso/callback#code=...`: trade the one-time code for our tokens (never in the URL after). */
export function SsoCallbackPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // read once; the code leaves the address bar and the history at once
  const [result] = useState(() => {
    const parsed = parseCallbackFragment(window.location.hash);
    window.history.replaceState(null, "", window.location.pathname);
    return parsed;
  });
  const [failed, setFailed] = useState<string | null>(null);
  const error = "error" in result ? result.error : failed;
  const started = useRef(false);

  useEffect(() => {
    if (started.current || !("code" in result)) return;
    started.current = true;
    ssoExchangeCode({ body: { code: result.code } })
      .then(async ({ data }) => {
        tokenStore.set(tokensFromResponse(data));
        queryClient.removeQueries();
        await navigate({ to: "/" });
      })
      .catch(() => setFailed("exchange"));
  }, [navigate, queryClient, result]);

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack gap="md">
          <Title order={1} size="h2">
            Single sign-on
          </Title>
          {error ? (
            <>
              <Alert color="red" role="alert" title="You are not signed in">
                {callbackMessage(error)}
              </Alert>
              <Anchor component={Link} to="/login">
                Back to the login page
              </Anchor>
            </>
          ) : (
            <Stack align="center" gap="xs">
              <Loader />
              <Text size="sm">Signing you in…</Text>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
