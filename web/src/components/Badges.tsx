import { Badge, type BadgeProps, Group, Text, Tooltip } from "@mantine/core";
import { PARTNER_STATUS_LABELS, type PartnerStatus } from "../../../domain/lifecycle";
import { CATEGORY_LABELS, type Criticality, type PartnerCategory } from "../../../domain/partners";
import { flagEmoji } from "../lib/format";

/** Lifecycle colours: grey while a candidate, warm while being vetted, green when live. */
export const STATUS_COLORS: Record<PartnerStatus, string> = {
  identified: "gray",
  due_diligence: "yellow",
  contracting: "grape",
  onboarding: "cyan",
  active: "teal",
  exiting: "orange",
  exited: "dark",
};

export const CRITICALITY_COLORS: Record<Criticality, string> = {
  critical: "red",
  important: "orange",
  standard: "blue",
};

const CRITICALITY_LABELS: Record<Criticality, string> = {
  critical: "Critical",
  important: "Important",
  standard: "Standard",
};

/** A partner's lifecycle status as a coloured badge with a leading dot. */
export function StatusBadge({ status, ...props }: { status: PartnerStatus } & BadgeProps) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" {...props}>
      {PARTNER_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Criticality of a service (or a partner's highest); a dash when there is none. */
export function CriticalityBadge({ value, ...props }: { value: Criticality | null } & BadgeProps) {
  if (!value) return <Text c="dimmed">—</Text>;
  return (
    <Badge color={CRITICALITY_COLORS[value]} {...props}>
      {CRITICALITY_LABELS[value]}
    </Badge>
  );
}

/** The label of a partner category. */
export function categoryLabel(category: PartnerCategory): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** Flag and name of a country; the code shows on hover for people who think in codes. */
export function CountryLabel({ code, name }: { code: string; name?: string | null }) {
  return (
    <Tooltip label={code} openDelay={500}>
      <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
        <span aria-hidden>{flagEmoji(code)}</span>
        <Text span inherit>
          {name ?? code}
        </Text>
      </Group>
    </Tooltip>
  );
}
