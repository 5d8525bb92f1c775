import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { IconBell, IconChecks } from "@tabler/icons-react";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorState } from "../../components/States";
import { formatDateTime, fromNow } from "../../lib/format";
import { notifyError } from "../../lib/notify";
import classes from "./notifications.module.css";
import {
  latestQuery,
  type Notification,
  type NotificationList,
  unreadCountQuery,
  useMarkRead,
} from "./queries";
import { TypeIcon } from "./TypeIcon";

const LATEST = 8;

/**
 * The header's bell: the unread count (polled, so new events show up without a reload) and a
 * popover with the latest notifications. Opening one marks it read and follows its link.
 */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const count = useQuery(unreadCountQuery);
  // Fetched only while open: the badge is the cheap poll, the list is loaded on demand.
  const latest = useQuery({ ...latestQuery(LATEST), enabled: opened });
  const markRead = useMarkRead();
  const unread = count.data?.unread ?? 0;

  const open = (n: Notification) => {
    if (!n.readAt)
      markRead.mutate({ ids: [n.id] }, { onError: (e) => notifyError(e, "Could not mark it read") });
    setOpened(false);
    if (n.link) void navigate({ href: n.link });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread}
          maxValue={99}
          size={18}
          offset={6}
          color="red"
          disabled={unread === 0}
          withBorder
        >
          <Tooltip label="Notifications" disabled={opened} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              radius="xl"
              onClick={() => setOpened((o) => !o)}
              aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
            >
              <IconBell size={21} stroke={1.7} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={600}>Notifications</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() =>
              markRead.mutate({ all: true }, { onError: (e) => notifyError(e, "Could not mark all read") })
            }
          >
            Mark all read
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          <BellList query={latest} onOpen={open} />
        </ScrollArea.Autosize>
        <Divider />
        <Box px="md" py="xs" ta="center">
          <Anchor component={Link} to="/notifications" size="sm" fw={500} onClick={() => setOpened(false)}>
            Open inbox
          </Anchor>
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The popover's body: skeleton, error, empty or the compact list. */
function BellList({
  query,
  onOpen,
}: {
  query: UseQueryResult<NotificationList>;
  onOpen: (n: Notification) => void;
}) {
  if (query.isPending)
    return (
      <Stack gap="md" p="md">
        {[0, 1, 2].map((i) => (
          <Group key={i} gap="sm" wrap="nowrap">
            <Skeleton circle height={30} />
            <Stack gap={6} style={{ flex: 1 }}>
              <Skeleton height={12} width="80%" />
              <Skeleton height={10} width="30%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  if (query.isError)
    return (
      <Box p="sm">
        <ErrorState
          error={query.error}
          onRetry={() => query.refetch()}
          title="Could not load notifications"
        />
      </Box>
    );
  const items = query.data.items;
  if (items.length === 0)
    return (
      <Stack align="center" gap={4} py="xl" px="md">
        <IconBell size={28} color="var(--mantine-color-gray-5)" />
        <Text size="sm" fw={500}>
          No notifications yet
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          Deadlines, reviews and KPI alerts will show up here.
        </Text>
      </Stack>
    );
  return (
    <Stack gap={0} py={4}>
      {items.map((n) => (
        <UnstyledButton
          key={n.id}
          onClick={() => onOpen(n)}
          px="md"
          py={8}
          className={classes.item}
          data-unread={n.readAt ? undefined : true}
        >
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <TypeIcon type={n.type} size={30} />
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                {n.title}
              </Text>
              <Tooltip label={formatDateTime(n.createdAt)} openDelay={500}>
                <Text size="xs" c="dimmed" w="fit-content">
                  {fromNow(n.createdAt)}
                </Text>
              </Tooltip>
            </Stack>
            {!n.readAt && <UnreadDot />}
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/** The small blue dot of an unread notification (with a text for screen readers). */
export function UnreadDot({ mt = 6 }: { mt?: number }) {
  return (
    <Box
      mt={mt}
      w={8}
      h={8}
      style={{ borderRadius: "50%", background: "var(--mantine-color-brand-6)", flexShrink: 0 }}
      role="img"
      aria-label="Unread"
    />
  );
}
