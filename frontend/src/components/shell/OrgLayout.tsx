import { AppShell, Burger, Divider, Group, ScrollArea, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation } from "@tanstack/react-router";

import { NavLinkLink } from "../links";

import { useCurrentOrg } from "../../features/orgs/useCurrentOrg";
import { OrgSwitcher } from "./OrgSwitcher";
import { UserMenu } from "./UserMenu";
import { landingSection, sectionOf, sectionsFor } from "./sections";

/** The application shell around every /orgs/$org/... page. */
export function OrgLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { slug, role } = useCurrentOrg();
  const current = sectionOf(useLocation({ select: (l) => l.pathname }));

  const navItems = (group: "main" | "admin") =>
    sectionsFor(role)
      .filter((s) => s.group === group)
      .map((s) => (
      <NavLinkLink
        key={s.path}
        to={`/orgs/$org/${s.path}` as "/orgs/$org/dashboard"}
        params={{ org: slug }}
        label={s.label}
        leftSection={<s.icon size={18} stroke={1.6} aria-hidden />}
        active={current === s.path}
        onClick={close}
      />
    ));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to={`/orgs/$org/${landingSection(role)}`} params={{ org: slug }} style={{ textDecoration: "none" }}>
              <Text component="span" fw={800} size="lg" c="blue.7">
                Certready
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <OrgSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label="Sections">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Main">
            {navItems("main")}
            {navItems("admin").length > 0 && <Divider my="xs" />}
            {navItems("admin")}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
