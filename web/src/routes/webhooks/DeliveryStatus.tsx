import { Badge, Text, Tooltip } from "@mantine/core";
import type { DELIVERY_STATUSES } from "../../../../domain/notifications";
import { formatDateTime, fromNow } from "../../lib/format";

type Status = (typeof DELIVERY_STATUSES)[number];

const LOOK: Record<Status, { label: string; color: string }> = {
  pending: { label: "Retrying", color: "yellow" },
  delivered: { label: "Delivered", color: "teal" },
  failed: { label: "Failed", color: "red" },
};

/** A delivery's outcome as a badge, with the receiver's HTTP status when it answered. */
export function DeliveryBadge({
  status,
  responseStatus,
}: {
  status: Status;
  responseStatus?: number | null;
}) {
  const look = LOOK[status];
  return (
    <Badge color={look.color} variant="light">
      {look.label}
      {responseStatus ? ` · ${responseStatus}` : ""}
    </Badge>
  );
}

/** The webhook list's last-delivery cell: badge and when, or a dash before the first event. */
export function LastDelivery({
  last,
}: {
  last: { status: Status; at: string; responseStatus: number | null } | null;
}) {
  if (!last)
    return (
      <Text size="sm" c="dimmed">
        No deliveries yet
      </Text>
    );
  return (
    <Tooltip label={formatDateTime(last.at)} openDelay={300}>
      <span>
        <DeliveryBadge status={last.status} responseStatus={last.responseStatus} />
        <Text size="xs" c="dimmed" mt={2}>
          {fromNow(last.at)}
        </Text>
      </span>
    </Tooltip>
  );
}
