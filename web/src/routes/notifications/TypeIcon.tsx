import { ThemeIcon } from "@mantine/core";
import {
  type Icon,
  IconActivityHeartbeat,
  IconAlarm,
  IconCalendarDue,
  IconCalendarRepeat,
  IconCalendarX,
  IconChartArrowsVertical,
  IconChecklist,
  IconClipboardCheck,
  IconClipboardList,
  IconFileLock,
  IconFileSearch,
  IconLock,
  IconMessageQuestion,
  IconSend,
  IconShieldSearch,
} from "@tabler/icons-react";
import { NOTIFICATION_TYPE_LABELS, type NotificationType } from "../../../../domain/notifications";

/** An icon and colour per type, so a list of mixed events can be scanned at a glance. */
export const TYPE_LOOK: Record<NotificationType, { icon: Icon; color: string }> = {
  notice_deadline: { icon: IconCalendarDue, color: "orange" },
  contract_ending: { icon: IconCalendarX, color: "grape" },
  obligation_due: { icon: IconChecklist, color: "blue" },
  obligation_overdue: { icon: IconAlarm, color: "red" },
  contract_review_due: { icon: IconFileSearch, color: "cyan" },
  risk_review_due: { icon: IconShieldSearch, color: "indigo" },
  kpi_breach: { icon: IconChartArrowsVertical, color: "red" },
  kpi_anomaly: { icon: IconActivityHeartbeat, color: "yellow" },
  assessment_sent: { icon: IconSend, color: "blue" },
  assessment_due: { icon: IconClipboardList, color: "orange" },
  assessment_overdue: { icon: IconAlarm, color: "red" },
  assessment_submitted: { icon: IconClipboardCheck, color: "teal" },
  assessment_clarification: { icon: IconMessageQuestion, color: "orange" },
  assessment_drafted: { icon: IconCalendarRepeat, color: "grape" },
  nda_expiring: { icon: IconLock, color: "orange" },
  document_shared: { icon: IconFileLock, color: "blue" },
};

/** The options of a type filter or multi-select, labelled for people. */
export const TYPE_OPTIONS = (Object.keys(NOTIFICATION_TYPE_LABELS) as NotificationType[]).map((t) => ({
  value: t,
  label: NOTIFICATION_TYPE_LABELS[t].label,
}));

/** The round, tinted icon of a notification type (its label is the accessible name). */
export function TypeIcon({ type, size = 34 }: { type: NotificationType; size?: number }) {
  const look = TYPE_LOOK[type];
  return (
    <ThemeIcon
      variant="light"
      color={look.color}
      radius="xl"
      size={size}
      aria-label={NOTIFICATION_TYPE_LABELS[type].label}
    >
      <look.icon size={Math.round(size * 0.55)} stroke={1.7} />
    </ThemeIcon>
  );
}
