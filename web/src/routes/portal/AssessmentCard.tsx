import { Badge, Button, Card, Group, RingProgress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowRight, IconCalendar } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { formatDate } from "../../lib/format";
import { dueText, PORTAL_STATUS_COLORS, PORTAL_STATUS_LABELS, percent } from "./labels";
import type { PortalAssessmentItem } from "./queries";

/** The primary action of a card: what the partner does next with this questionnaire. */
function actionLabel(item: PortalAssessmentItem): string {
  if (!item.editable) return "View";
  return item.progress.answered === 0 && item.status === "sent" ? "Start" : "Continue";
}

/**
 * One questionnaire on the portal's start page: title, status, due date (overdue in red), a
 * progress ring of answered / visible questions and one clear action.
 */
export function AssessmentCard({ item }: { item: PortalAssessmentItem }) {
  const pct = percent(item.progress.answered, item.progress.visible);
  const label = actionLabel(item);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      data-testid="portal-assessment-card"
      style={item.overdue ? { borderColor: "var(--mantine-color-red-4)" } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="center" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="lg" lh={1.3}>
            {item.title}
          </Text>
          <Group gap="xs">
            <Badge variant="light" color={PORTAL_STATUS_COLORS[item.status]}>
              {PORTAL_STATUS_LABELS[item.status]}
            </Badge>
            {item.editable ? (
              <Group gap={4} wrap="nowrap">
                {item.overdue ? (
                  <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />
                ) : (
                  <IconCalendar size={14} color="var(--mantine-color-dimmed)" />
                )}
                <Text size="sm" c={item.overdue ? "red.7" : "dimmed"} fw={item.overdue ? 600 : 400}>
                  {dueText(item.dueDate, item.overdue)}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {item.submittedAt
                  ? `Submitted ${formatDate(item.submittedAt)}`
                  : `Due ${formatDate(item.dueDate)}`}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {item.progress.answered} of {item.progress.visible} questions answered
          </Text>
        </Stack>
        <Stack gap="xs" align="center" style={{ flexShrink: 0 }}>
          <RingProgress
            size={64}
            thickness={6}
            roundCaps
            sections={[{ value: pct, color: pct === 100 ? "teal" : "brand" }]}
            label={
              <Text ta="center" size="xs" fw={700}>
                {pct}%
              </Text>
            }
            aria-label={`${pct}% answered`}
          />
        </Stack>
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button
          component={Link}
          to={`/portal/assessments/${item.id}`}
          variant={item.editable ? "filled" : "default"}
          rightSection={<IconArrowRight size={16} />}
          fullWidth={false}
        >
          {label}
        </Button>
      </Group>
    </Card>
  );
}
