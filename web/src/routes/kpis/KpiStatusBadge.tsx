import { Badge, type MantineSize, Tooltip } from "@mantine/core";
import type { MeasurementStatus } from "../../../../domain/kpis";
import { STATUS_COLORS, STATUS_HELP, STATUS_LABELS } from "./labels";

/**
 * A measurement's status as a coloured badge (ok green, warning yellow, breach red, anomaly
 * violet); hovering gives the reason when there is one, otherwise what the status means.
 */
export function KpiStatusBadge({
  status,
  reason,
  size = "sm",
}: {
  status: MeasurementStatus;
  reason?: string | null;
  size?: MantineSize;
}) {
  return (
    <Tooltip label={reason || STATUS_HELP[status]} multiline maw={320} openDelay={200} withArrow>
      <Badge size={size} variant="light" color={STATUS_COLORS[status]} data-status={status}>
        {STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}
