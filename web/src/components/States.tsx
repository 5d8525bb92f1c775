import { Alert, Button, EmptyState, Group, Skeleton, Stack, Table } from "@mantine/core";
import { IconAlertTriangle, IconFilterOff, IconLock, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorMessage } from "../api/client";

/** A failed load with the server's explanation and a retry button. */
export function ErrorState({
  error,
  onRetry,
  title = "Could not load this",
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} radius="md">
      <Stack gap="sm" align="flex-start">
        <span>{errorMessage(error)}</span>
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
          >
            Retry
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Grey placeholder rows shaped like the table that is loading, so the page does not jump. */
export function TableSkeleton({ rows = 6, cols = 5 }: { rows?: number; cols?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Table.Tr key={r}>
          {Array.from({ length: cols }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Table.Td key={c}>
              <Skeleton height={14} radius="sm" width={c === 0 ? "70%" : "50%"} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
}

/** A friendly empty state with an icon, a sentence and optional actions. */
export function Empty(props: {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <EmptyState py={48} variant="light" icon={props.icon} title={props.title} description={props.description}>
      {props.actions && (
        <EmptyState.Actions>
          <Group justify="center" gap="xs">
            {props.actions}
          </Group>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

/** A filtered list with no rows: says so and offers to clear the filters. */
export function NoMatches(props: { title: string; description?: ReactNode; onClear: () => void }) {
  return (
    <Empty
      icon={<IconFilterOff size={28} />}
      title={props.title}
      description={props.description ?? "Try other words or remove some filters."}
      actions={
        <Button variant="default" onClick={props.onClear}>
          Clear filters
        </Button>
      }
    />
  );
}

/** Shown instead of a page the user's role does not allow. */
export function Forbidden() {
  return (
    <Empty
      icon={<IconLock size={26} />}
      title="You do not have access to this page"
      description="Ask an administrator if you need it for your work."
    />
  );
}
