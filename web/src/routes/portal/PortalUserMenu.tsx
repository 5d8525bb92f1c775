import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout } from "@tabler/icons-react";
import type { Me } from "../../api/types";
import { initials } from "../../components/ActivityFeed";
import { useSignOut } from "../../lib/useSignOut";

/**
 * The portal user's menu: who is signed in and sign-out. No account or notification settings:
 * those pages live in the internal app, which partner users are redirected away from.
 */
export function PortalUserMenu({ me }: { me: Me }) {
  const logout = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" px={6} py={4} style={{ borderRadius: 8, flexShrink: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="brand" radius="xl" size={30}>
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="sm" maw={180} truncate>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" truncate>
            Signed in as {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
