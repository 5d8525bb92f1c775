import { Card, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorState } from "./States";

/**
 * The frame of a table section: a card with an optional title line (description and actions) or
 * toolbar, then exactly one of the load error, the empty state, or the table (`children`). List
 * pages and detail tabs all repeated this switch; the states keep their own wording per use.
 */
export function TableCard(props: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A filter bar shown under the title line (or alone). */
  toolbar?: ReactNode;
  /** A failed load: shown with a retry instead of the table. */
  error?: unknown;
  onRetry?: () => void;
  errorTitle?: string;
  /** The empty (or no-match) state to show instead of the table; falsy while there are rows. */
  empty?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card p={0} className="table-card">
      {props.title && (
        <Group justify="space-between" p="md" wrap="wrap" align="flex-start">
          <div>
            <Text fw={600}>{props.title}</Text>
            {props.description && (
              <Text size="sm" c="dimmed">
                {props.description}
              </Text>
            )}
          </div>
          {props.actions && <Group gap="xs">{props.actions}</Group>}
        </Group>
      )}
      {props.toolbar}
      {props.error ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={props.error} onRetry={props.onRetry} title={props.errorTitle} />
        </div>
      ) : (
        props.empty || props.children
      )}
    </Card>
  );
}
