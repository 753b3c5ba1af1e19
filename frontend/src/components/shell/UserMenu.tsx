import { Avatar, Box, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconBuildingPlus, IconChevronDown, IconKey, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";

import { useLogout, useMe } from "../../features/auth/useSession";
import { roleLabel } from "../../features/orgs/roles";
import { useCurrentOrg } from "../../features/orgs/useCurrentOrg";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserMenu() {
  const me = useMe();
  const { role } = useCurrentOrg();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = me?.full_name ?? "";

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="User menu">
          <Group gap={6} wrap="nowrap">
            <Avatar size={32} radius="xl" color="blue">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {name}
            </Text>
            <Box visibleFrom="sm" display="flex">
              <IconChevronDown size={14} aria-hidden />
            </Box>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me?.email}
          </Text>
          {role && (
            <Text size="xs" c="dimmed">
              {roleLabel(role)}
            </Text>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconBuildingPlus size={16} aria-hidden />} onClick={() => void navigate({ to: "/orgs" })}>
          Organisations
        </Menu.Item>
        <Menu.Item leftSection={<IconShieldLock size={16} aria-hidden />} onClick={() => void navigate({ to: "/account/two-factor" })}>
          Two-factor sign-in
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => void navigate({ to: "/account/password" })}>
          Change password
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void logout()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
