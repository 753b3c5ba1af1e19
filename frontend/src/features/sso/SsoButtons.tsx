import { Button, Divider, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

import { ssoListProvidersOptions } from "../../api/gen/@tanstack/react-query.gen";

/** "Sign in with <provider>" for each identity provider of the deployment (none: nothing). */
export function SsoButtons() {
  const { data } = useQuery({ ...ssoListProvidersOptions(), staleTime: 60_000 });
  const providers = data?.items ?? [];
  if (providers.length === 0) return null;
  return (
    <Stack gap="xs">
      <Divider label="or" labelPosition="center" />
      {providers.map((p) => (
        // a top-level navigation: the API redirects the browser to the provider
        <Button key={p.id} component="a" href={p.login_url} variant="default" fullWidth>
          Sign in with {p.name}
        </Button>
      ))}
    </Stack>
  );
}
