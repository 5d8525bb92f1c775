import { ActionIcon, Badge, Checkbox, Group, Skeleton, Stack, Text, Tooltip } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { NOTIFICATION_TYPE_LABELS } from "../../../../domain/notifications";
import { formatDateTime, fromNow } from "../../lib/format";
import { UnreadDot } from "./NotificationBell";
import classes from "./notifications.module.css";
import type { Notification } from "./queries";
import { TypeIcon } from "./TypeIcon";

/** Grey rows shaped like notifications while the first page loads. */
export function InboxSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap={0}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Group key={i} gap="md" px="md" py="md" wrap="nowrap" className={classes.row}>
          <Skeleton height={18} width={18} radius="sm" />
          <Skeleton circle height={36} />
          <Stack gap={8} style={{ flex: 1 }}>
            <Skeleton height={13} width="45%" />
            <Skeleton height={11} width="75%" />
          </Stack>
          <Skeleton height={11} width={70} />
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The inbox's rows: a checkbox for bulk actions, the type's icon, title and body, when it
 * happened, and a "mark read" button on unread ones. Clicking the title follows the link.
 */
export function InboxList(props: {
  items: Notification[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  onOpen: (n: Notification) => void;
  onMarkRead: (n: Notification) => void;
  pendingIds: Set<string>;
}) {
  return (
    <Stack gap={0} role="list" aria-label="Notifications">
      {props.items.map((n) => (
        <Group
          key={n.id}
          gap="md"
          px="md"
          py="sm"
          wrap="nowrap"
          align="flex-start"
          className={classes.row}
          data-unread={n.readAt ? undefined : true}
          role="listitem"
        >
          <Checkbox
            mt={8}
            checked={props.selected.has(n.id)}
            onChange={() => props.onToggle(n.id)}
            aria-label={`Select “${n.title}”`}
          />
          <TypeIcon type={n.type} size={36} />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Text
                fw={n.readAt ? 500 : 700}
                size="sm"
                className={n.link ? classes.rowTitle : undefined}
                onClick={n.link ? () => props.onOpen(n) : undefined}
                truncate
              >
                {n.title}
              </Text>
              <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                {NOTIFICATION_TYPE_LABELS[n.type].label}
              </Badge>
            </Group>
            {n.body && (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {n.body}
              </Text>
            )}
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Tooltip label={formatDateTime(n.createdAt)} openDelay={400}>
              <Text size="xs" c="dimmed">
                {fromNow(n.createdAt)}
              </Text>
            </Tooltip>
            {n.readAt ? (
              <Text size="xs" c="dimmed">
                Read
              </Text>
            ) : (
              <Group gap={6} wrap="nowrap">
                <Tooltip label="Mark read">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    onClick={() => props.onMarkRead(n)}
                    loading={props.pendingIds.has(n.id)}
                    aria-label={`Mark “${n.title}” read`}
                  >
                    <IconCheck size={14} />
                  </ActionIcon>
                </Tooltip>
                <UnreadDot mt={0} />
              </Group>
            )}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
