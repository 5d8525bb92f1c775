import { ActionIcon, Badge, Group, Menu, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconDots, IconListDetails, IconPencil, IconSend, IconTrash } from "@tabler/icons-react";
import { NOTIFICATION_TYPE_LABELS, NOTIFICATION_TYPES } from "../../../../domain/notifications";
import { formatDate, formatDateTime } from "../../lib/format";
import { LastDelivery } from "./DeliveryStatus";
import type { WebhookItem } from "./queries";

/** The header row of the webhooks table. */
export function WebhooksTableHead() {
  return (
    <Table.Thead bg="gray.0">
      <Table.Tr>
        <Table.Th>URL</Table.Th>
        <Table.Th>Events</Table.Th>
        <Table.Th>Active</Table.Th>
        <Table.Th>Last delivery</Table.Th>
        <Table.Th>Created</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
}

/** "All events" when every type is on (the common case), else the first labels and a count. */
function EventsCell({ events }: { events: WebhookItem["events"] }) {
  if (events.length === NOTIFICATION_TYPES.length)
    return (
      <Badge variant="light" color="brand">
        All events
      </Badge>
    );
  // In the canonical order, whatever order they were picked in.
  const sorted = NOTIFICATION_TYPES.filter((t) => events.includes(t));
  const shown = sorted.slice(0, 2);
  const rest = sorted.slice(2);
  return (
    <Group gap={4}>
      {shown.map((e) => (
        <Badge key={e} variant="light" color="gray">
          {NOTIFICATION_TYPE_LABELS[e].label}
        </Badge>
      ))}
      {rest.length > 0 && (
        <Tooltip label={rest.map((e) => NOTIFICATION_TYPE_LABELS[e].label).join(", ")} multiline maw={260}>
          <Badge variant="outline" color="gray">
            +{rest.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** The rows of the webhooks table, with the active switch and a menu of actions per webhook. */
export function WebhooksTable(props: {
  items: WebhookItem[];
  togglingId: string | null;
  onToggle: (w: WebhookItem, active: boolean) => void;
  onEdit: (w: WebhookItem) => void;
  onTest: (w: WebhookItem) => void;
  onDeliveries: (w: WebhookItem) => void;
  onDelete: (w: WebhookItem) => void;
}) {
  return props.items.map((w) => (
    <Table.Tr key={w.id} opacity={w.active ? 1 : 0.7}>
      <Table.Td maw={340}>
        <Text size="sm" fw={600} className="mono" truncate title={w.url}>
          {w.url}
        </Text>
        {w.description && (
          <Text size="xs" c="dimmed" truncate>
            {w.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <EventsCell events={w.events} />
      </Table.Td>
      <Table.Td>
        <Switch
          checked={w.active}
          disabled={props.togglingId === w.id}
          onChange={(e) => props.onToggle(w, e.currentTarget.checked)}
          aria-label={`${w.active ? "Deactivate" : "Activate"} ${w.url}`}
        />
      </Table.Td>
      <Table.Td>
        <LastDelivery last={w.lastDelivery} />
      </Table.Td>
      <Table.Td fz="sm">
        <Tooltip label={formatDateTime(w.createdAt)}>
          <span>{formatDate(w.createdAt)}</span>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label="Deliveries">
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => props.onDeliveries(w)}
              aria-label="Deliveries"
            >
              <IconListDetails size={18} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" shadow="md" width={180}>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${w.url}`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconSend size={16} />} onClick={() => props.onTest(w)}>
                Send test
              </Menu.Item>
              <Menu.Item leftSection={<IconListDetails size={16} />} onClick={() => props.onDeliveries(w)}>
                Deliveries
              </Menu.Item>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => props.onEdit(w)}>
                Edit
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => props.onDelete(w)}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  ));
}
