import { Badge, Group, Stack, Text } from "@mantine/core";
import type { AssessmentStatus } from "../../../../domain/assessments";
import { AssessmentCard } from "./AssessmentCard";
import classes from "./board.module.css";
import { BOARD_STATUSES, STATUS_COLORS, STATUS_LABELS } from "./labels";
import type { AssessmentListItem } from "./types";

/**
 * Assessments as cards in one column per status, in the order they move. A column's count is the
 * organization's total from the summary when the board is unfiltered (the loaded cards may be
 * fewer), otherwise the cards shown.
 */
export function AssessmentsBoard(props: {
  items: AssessmentListItem[];
  /** Totals per status when no filter narrows the board. */
  totals?: Partial<Record<AssessmentStatus, number>>;
  /** The statuses to show (a status filter narrows the columns too). */
  statuses?: readonly AssessmentStatus[];
  /** Showing the previous answer while a new filter loads. */
  stale?: boolean;
}) {
  const statuses = props.statuses?.length ? props.statuses : BOARD_STATUSES;
  const byStatus = new Map<AssessmentStatus, AssessmentListItem[]>();
  for (const item of props.items) byStatus.set(item.status, [...(byStatus.get(item.status) ?? []), item]);
  return (
    <div
      className={classes.columns}
      data-testid="assessments-board"
      style={{ opacity: props.stale ? 0.6 : 1, transition: "opacity 120ms" }}
    >
      {statuses.map((status) => {
        const cards = byStatus.get(status) ?? [];
        const total = props.totals?.[status] ?? cards.length;
        return (
          <section
            key={status}
            className={classes.column}
            aria-label={STATUS_LABELS[status]}
            data-empty={cards.length === 0 || undefined}
          >
            <Group justify="space-between" gap="xs" px={4} pb="xs" wrap="nowrap">
              <Badge
                variant="dot"
                color={STATUS_COLORS[status]}
                size="md"
                styles={{ root: { textTransform: "none" } }}
              >
                {STATUS_LABELS[status]}
              </Badge>
              <Text size="xs" c="dimmed" fw={600}>
                {total > cards.length ? `${cards.length} of ${total}` : total}
              </Text>
            </Group>
            <Stack gap="xs">
              {cards.map((item) => (
                <AssessmentCard key={item.id} item={item} />
              ))}
              {cards.length === 0 && (
                <Text size="xs" c="dimmed" ta="center" py="md">
                  None
                </Text>
              )}
            </Stack>
          </section>
        );
      })}
    </div>
  );
}
