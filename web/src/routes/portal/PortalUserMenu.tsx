import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconChevronDown, IconLogout } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api, unwrap } from "../../api/client";
import type { Me } from "../../api/types";
import { initials } from "../../components/ActivityFeed";
import { notifyError } from "../../lib/notify";

/**
 * The portal user's menu: who is signed in and sign-out. No account or notification settings:
 * those pages live in the internal app, which partner users are redirected away from.
 */
export function PortalUserMenu({ me }: { me: Me }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/auth/logout")),
    onSuccess: async () => {
      await navigate({ to: "/sign-in" });
      // Cleared after leaving the portal so no page re-requests data it may no longer see.
      queryClient.clear();
    },
    onError: (e) => notifyError(e, "Could not sign out"),
  });
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
