import { Button, Drawer, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconSend, IconTruckDelivery } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { NOTIFICATION_TYPE_LABELS } from "../../../../domain/notifications";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { Empty, ErrorState } from "../../components/States";
import { formatDateTime, fromNow } from "../../lib/format";
import { DeliveryBadge } from "./DeliveryStatus";
import { deliveriesQuery, type WebhookItem } from "./queries";

/**
 * A webhook's delivery log, newest first: what was sent, how many attempts, when the next retry
 * is due and what the receiver answered. Paged, since a busy webhook has thousands.
 */
export function DeliveriesDrawer(props: {
  webhook: WebhookItem | null;
  onClose: () => void;
  onTest: (w: WebhookItem) => void;
  testing: boolean;
}) {
  const id = props.webhook?.id ?? "";
  const pages = useCursorPages(id);
  const list = useQuery({ ...deliveriesQuery(id, pages.cursor), enabled: Boolean(props.webhook) });
  const items = list.data?.items ?? [];
  return (
    <Drawer
      opened={props.webhook !== null}
      onClose={props.onClose}
      position="right"
      size={920}
      title={
        <Stack gap={0}>
          <Text fw={600}>Deliveries</Text>
          <Text size="sm" c="dimmed" className="mono" truncate maw={640}>
            {props.webhook?.url}
          </Text>
        </Stack>
      }
    >
      <Group justify="flex-end" mb="sm">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconSend size={14} />}
          loading={props.testing}
          onClick={() => props.webhook && props.onTest(props.webhook)}
        >
          Send test
        </Button>
      </Group>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load deliveries" />
      ) : !list.isPending && items.length === 0 && pages.page === 1 ? (
        <Empty
          icon={<IconTruckDelivery size={28} />}
          title="No deliveries yet"
          description="Each event this webhook subscribes to is delivered and logged here, with its retries."
        />
      ) : (
        <PagedTable
          minWidth={820}
          head={
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Next attempt</Table.Th>
                <Table.Th>Error</Table.Th>
                <Table.Th>Time</Table.Th>
              </Table.Tr>
            </Table.Thead>
          }
          firstLoad={list.isPending}
          stale={list.isPlaceholderData}
          columns={6}
          pager={{ pages, nextCursor: list.data?.nextCursor, count: items.length, loading: list.isFetching }}
        >
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td maw={240}>
                <Text size="sm" fw={500} truncate>
                  {d.eventTitle}
                </Text>
                <Text size="xs" c="dimmed">
                  {NOTIFICATION_TYPE_LABELS[d.eventType]?.label ?? d.eventType}
                </Text>
              </Table.Td>
              <Table.Td>
                <DeliveryBadge status={d.status} responseStatus={d.responseStatus} />
              </Table.Td>
              <Table.Td fz="sm">{d.attempts}</Table.Td>
              <Table.Td fz="sm" c={d.nextAttemptAt ? undefined : "dimmed"}>
                {d.status === "pending" && d.nextAttemptAt ? (
                  <Tooltip label={formatDateTime(d.nextAttemptAt)}>
                    <span>{fromNow(d.nextAttemptAt)}</span>
                  </Tooltip>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td maw={220}>
                {d.error ? (
                  <Tooltip label={d.error} multiline maw={360} openDelay={300}>
                    <Text size="xs" c="red.7" lineClamp={2}>
                      {d.error}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm">
                <Tooltip label={formatDateTime(d.deliveredAt ?? d.createdAt)}>
                  <span>{fromNow(d.deliveredAt ?? d.createdAt)}</span>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </PagedTable>
      )}
    </Drawer>
  );
}
