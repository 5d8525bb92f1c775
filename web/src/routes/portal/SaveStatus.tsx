import { Button, Group, Loader, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconCloudCheck } from "@tabler/icons-react";
import type { SaveState } from "./useAutosave";

/**
 * The autosave's status line: "Saving…", "All changes saved" or "Couldn't save — retry". Polite
 * live region so screen readers hear it without losing their place.
 */
export function SaveStatus({
  state,
  failure,
  errorCount,
  onRetry,
}: {
  state: SaveState;
  failure: string | null;
  errorCount: number;
  onRetry: () => void;
}) {
  let body: React.ReactNode = null;
  if (state === "saving")
    body = (
      <>
        <Loader size={14} type="oval" />
        <Text size="sm" c="dimmed">
          Saving…
        </Text>
      </>
    );
  else if (state === "error" || errorCount > 0)
    body = (
      <>
        <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />
        <Tooltip label={failure ?? "Some answers are not valid"} multiline w={260} disabled={!failure}>
          <Text size="sm" c="red.7" fw={500}>
            {state === "error"
              ? "Couldn't save"
              : `${errorCount} answer${errorCount === 1 ? "" : "s"} not saved`}
          </Text>
        </Tooltip>
        {state === "error" && (
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            Retry
          </Button>
        )}
      </>
    );
  else if (state === "saved")
    body = (
      <>
        <IconCloudCheck size={16} color="var(--mantine-color-teal-6)" />
        <Text size="sm" c="dimmed">
          All changes saved
        </Text>
      </>
    );
  else
    body = (
      <>
        <IconCloudCheck size={16} color="var(--mantine-color-gray-5)" />
        <Text size="sm" c="dimmed">
          Answers save automatically
        </Text>
      </>
    );
  return (
    <Group gap={6} wrap="nowrap" aria-live="polite" data-testid="save-status" data-state={state}>
      {body}
    </Group>
  );
}
