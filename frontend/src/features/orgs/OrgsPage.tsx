import { Button, Card, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";

import { AnchorLink, ButtonLink } from "../../components/links";
import { useLogout, useMe } from "../auth/useSession";
import { CreateOrgForm } from "./CreateOrgForm";
import { roleLabel } from "./roles";

/** The caller's organisations, and a form to create another one. */
export function OrgsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const memberships = me?.memberships ?? [];

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={800} size="lg" c="blue.7">
            Certready
          </Text>
          <Group gap="xs">
            <ButtonLink to="/account/two-factor" variant="subtle">
              Two-factor sign-in
            </ButtonLink>
            <ButtonLink to="/account/password" variant="subtle">
              Change password
            </ButtonLink>
            <Button variant="subtle" onClick={() => void logout()}>
              Log out
            </Button>
          </Group>
        </Group>
        <Title order={1} size="h2">
          Organisations
        </Title>
        {memberships.length === 0 ? (
          <Text c="dimmed">You are not a member of any organisation yet. Create one, or ask an administrator to add you.</Text>
        ) : (
          <Stack gap="xs">
            {memberships.map((m) => (
              <Card key={m.org_id} withBorder padding="sm">
                <Group justify="space-between">
                  <div>
                    <AnchorLink to="/orgs/$org/dashboard" params={{ org: m.org_slug }} fw={600}>
                      {m.org_name}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      /orgs/{m.org_slug} · {roleLabel(m.role)}
                    </Text>
                  </div>
                  <ButtonLink to="/orgs/$org/dashboard" params={{ org: m.org_slug }} variant="light" size="xs">
                    Open
                  </ButtonLink>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              New organisation
            </Title>
            <Text size="sm" c="dimmed">
              You become its administrator.
            </Text>
            <CreateOrgForm onCreated={(org) => void navigate({ to: "/orgs/$org/dashboard", params: { org: org.slug } })} />
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
