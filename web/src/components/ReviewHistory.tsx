import { Button, Group, Stack, Text, Timeline, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatDate } from "../lib/format";
import { ErrorState } from "./States";

/**
 * The frame of a periodic-review card (risks, contracts): the next review date (red when overdue),
 * "Record review" for those allowed, then the history as a timeline with loading, error and empty
 * states. The caller renders the timeline items.
 */
export function ReviewHistory(props: {
  nextReviewDate: string | null;
  overdue: boolean;
  onRecord: (() => void) | null;
  query: { isError: boolean; error: unknown; isPending: boolean; refetch: () => unknown };
  count: number;
  children: ReactNode;
}) {
  const { query } = props;
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Title order={5}>Reviews</Title>
          <Text size="xs" c={props.overdue ? "red.7" : "dimmed"} fw={props.overdue ? 600 : undefined}>
            Next review {formatDate(props.nextReviewDate)}
            {props.overdue ? " · overdue" : ""}
          </Text>
        </Stack>
        {props.onRecord && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={props.onRecord}>
            Record review
          </Button>
        )}
      </Group>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} title="Could not load the reviews" />
      ) : props.count === 0 ? (
        <Text size="sm" c="dimmed">
          {query.isPending ? "Loading…" : "Not reviewed yet."}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {props.children}
        </Timeline>
      )}
    </>
  );
}
