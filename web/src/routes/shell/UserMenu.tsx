import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconBell, IconChevronDown, IconLock, IconLogout } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { ROLE_LABELS } from "../../../../domain/roles";
import { can } from "../../api/session";
import type { Me } from "../../api/types";
import { initials } from "../../components/ActivityFeed";
import { useSignOut } from "../../lib/useSignOut";

/** The avatar menu in the header: who is signed in, account settings and sign-out. */
export function UserMenu({ me }: { me: Me }) {
  const logout = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="brand" radius="xl" size={34}>
              {initials(me.user.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {ROLE_LABELS[me.user.role]}
              </Text>
            </Stack>
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
        <Menu.Item component={Link} to="/account" leftSection={<IconLock size={16} />}>
          Account & password
        </Menu.Item>
        {can(me, "notification", "read") && (
          <Menu.Item component={Link} to="/account/notifications" leftSection={<IconBell size={16} />}>
            Notification settings
          </Menu.Item>
        )}
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
