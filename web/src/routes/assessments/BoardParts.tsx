import { Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { ErrorState } from "../../components/States";
import classes from "./board.module.css";
import { BOARD_STATUSES } from "./labels";

/** Grey columns of grey cards while the board loads, so the page does not jump. */
export function BoardSkeleton({ columns = BOARD_STATUSES.length }: { columns?: number }) {
  return (
    <div className={classes.columns}>
      {Array.from({ length: columns }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className={classes.column}>
          <Skeleton height={18} width="60%" mb="sm" />
          <Stack gap="xs">
            <Skeleton height={96} radius="md" />
            {i % 2 === 0 && <Skeleton height={96} radius="md" />}
          </Stack>
        </div>
      ))}
    </div>
  );
}

/** "Load more" under a list read a page at a time, with the count so far and a retry on failure. */
export function LoadMore({
  query,
  count,
}: {
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    error: unknown;
    fetchNextPage: () => unknown;
  };
  count: number;
}) {
  if (query.isFetchNextPageError)
    return (
      <div style={{ padding: "var(--mantine-spacing-md)" }}>
        <ErrorState error={query.error} onRetry={() => query.fetchNextPage()} title="Could not load more" />
      </div>
    );
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" gap="sm" p="sm" style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}>
      <Text size="xs" c="dimmed">
        Showing {count}
      </Text>
      <Button
        variant="default"
        size="xs"
        loading={query.isFetchingNextPage}
        onClick={() => query.fetchNextPage()}
      >
        Load more
      </Button>
    </Group>
  );
}
