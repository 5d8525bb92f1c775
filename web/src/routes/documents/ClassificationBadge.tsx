import { Badge, type BadgeProps, Tooltip } from "@mantine/core";
import type { Classification } from "../../../../domain/documents";
import { CLASSIFICATION_COLORS, CLASSIFICATION_HELP, CLASSIFICATION_LABELS } from "./labels";

/** A document's classification as a coloured badge; hovering explains (unless `explain` is off) what it implies for sharing. */
export function ClassificationBadge({
  value,
  explain = true,
  ...props
}: { value: Classification; explain?: boolean } & BadgeProps) {
  const badge = (
    <Badge color={CLASSIFICATION_COLORS[value]} variant="light" {...props}>
      {CLASSIFICATION_LABELS[value]}
    </Badge>
  );
  if (!explain) return badge;
  return (
    <Tooltip label={CLASSIFICATION_HELP[value]} multiline w={280} openDelay={400}>
      {badge}
    </Tooltip>
  );
}
