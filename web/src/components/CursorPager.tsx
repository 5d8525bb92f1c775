import { Button, Group, Select, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useEffect, useState } from "react";

/**
 * Cursor pagination state. The API only hands out a `nextCursor`, so going back means remembering
 * the cursors of the pages we came through: a stack whose top is the current page's cursor.
 * The stack resets whenever `resetKey` (the filters) changes, since old cursors then mean nothing.
 */
export function useCursorPages(resetKey: string) {
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const [key, setKey] = useState(resetKey);
  useEffect(() => {
    if (key !== resetKey) {
      setKey(resetKey);
      setStack([undefined]);
    }
  }, [key, resetKey]);
  const cursor = key === resetKey ? stack[stack.length - 1] : undefined;
  return {
    cursor,
    page: key === resetKey ? stack.length : 1,
    hasPrevious: key === resetKey && stack.length > 1,
    next: (nextCursor: string) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
    reset: () => setStack([undefined]),
  };
}

export interface PagerProps {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | null | undefined;
  count: number;
  pageSize?: number;
  onPageSize?: (size: number) => void;
  loading?: boolean;
}

/** Previous/next buttons, the page number and an optional page-size select. */
export function CursorPager({ pages, nextCursor, count, pageSize, onPageSize, loading }: PagerProps) {
  return (
    <Group justify="space-between" px="md" py="sm" wrap="wrap" gap="sm">
      <Group gap="xs">
        {pageSize && onPageSize && (
          <>
            <Text size="sm" c="dimmed">
              Rows per page
            </Text>
            <Select
              size="xs"
              w={76}
              aria-label="Rows per page"
              data={["10", "25", "50", "100"]}
              value={String(pageSize)}
              onChange={(v) => v && onPageSize(Number(v))}
              allowDeselect={false}
            />
          </>
        )}
      </Group>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Page {pages.page} · {count} {count === 1 ? "row" : "rows"}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!pages.hasPrevious || loading}
          onClick={pages.previous}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronRight size={14} />}
          disabled={!nextCursor || loading}
          onClick={() => nextCursor && pages.next(nextCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
