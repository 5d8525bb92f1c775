import { Badge, Card, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCalendar } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { formatDate } from "../../lib/format";
import { progressPercent } from "./answers";
import classes from "./board.module.css";
import { CONCLUSION_COLORS, CONCLUSION_LABELS, formatScore, PURPOSE_LABELS, scoreColor } from "./labels";
import type { AssessmentListItem } from "./types";

/** The due date, red with a warning icon once the partner is late. */
export function DueDate({
  item,
  size = "sm",
}: {
  item: Pick<AssessmentListItem, "dueDate" | "overdue">;
  size?: "xs" | "sm";
}) {
  return (
    <Tooltip label={item.overdue ? "Overdue: the partner has not submitted yet" : "Due date"} openDelay={300}>
      <Group
        gap={4}
        wrap="nowrap"
        c={item.overdue ? "red.7" : "dimmed"}
        component="span"
        display="inline-flex"
      >
        {item.overdue ? <IconAlertTriangle size={14} /> : <IconCalendar size={14} />}
        <Text
          span
          size={size}
          fw={item.overdue ? 600 : undefined}
          c="inherit"
          style={{ whiteSpace: "nowrap" }}
        >
          {formatDate(item.dueDate)}
        </Text>
      </Group>
    </Tooltip>
  );
}

/** The score badge (coloured by band), or nothing before any scored answer. */
export function ScoreBadge({ score }: { score: number | null }) {
  if (score === null) return null;
  return (
    <Tooltip label="Weighted score of the answers so far, out of 100" openDelay={300}>
      <Badge variant="light" color={scoreColor(score)} style={{ flexShrink: 0 }}>
        {formatScore(score)}
      </Badge>
    </Tooltip>
  );
}

/** One assessment on the board: partner, template, due date, progress and score; opens the review. */
export function AssessmentCard({ item }: { item: AssessmentListItem }) {
  const pct = progressPercent(item.progress);
  return (
    <Card
      component={Link}
      to={`/assessments/${item.id}`}
      withBorder
      padding="sm"
      radius="md"
      className={classes.card}
      aria-label={`${item.partner.name}: ${item.template.title}`}
      style={{ borderLeft: item.overdue ? "3px solid var(--mantine-color-red-6)" : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm" lineClamp={2}>
            {item.partner.name}
          </Text>
          <ScoreBadge score={item.score} />
        </Group>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {item.template.title} · v{item.template.version}
          {item.purpose === "reassessment" ? ` · ${PURPOSE_LABELS.reassessment}` : ""}
        </Text>
        <DueDate item={item} size="xs" />
        <Tooltip
          label={`${item.progress.answered} of ${item.progress.visible} questions answered`}
          openDelay={300}
        >
          <Progress value={pct} size="sm" color={pct === 100 ? "teal" : "blue"} aria-label="Progress" />
        </Tooltip>
        {item.conclusion && (
          <Badge size="sm" variant="light" color={CONCLUSION_COLORS[item.conclusion]} w="fit-content">
            {CONCLUSION_LABELS[item.conclusion]}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
