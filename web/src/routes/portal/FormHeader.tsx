import { Badge, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { ExcelActions } from "./ExcelActions";
import { dueText, PORTAL_STATUS_COLORS, PORTAL_STATUS_LABELS, percent } from "./labels";
import type { PortalAssessment } from "./queries";
import { SaveStatus } from "./SaveStatus";
import type { useAutosave } from "./useAutosave";

/**
 * The head of the answering page: title, status, due date, overall progress (live, from the
 * form), the autosave status and the Excel round trip.
 */
export function FormHeader({
  assessment: a,
  progress,
  autosave,
  beforeImport,
  onImported,
}: {
  assessment: PortalAssessment;
  progress: { answered: number; visible: number };
  autosave: ReturnType<typeof useAutosave>;
  beforeImport: () => Promise<boolean>;
  onImported: () => Promise<unknown>;
}) {
  const pct = percent(progress.answered, progress.visible);
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ flex: "1 1 260px", minWidth: 0 }}>
            <Title order={2} size="h3" lh={1.25}>
              {a.title}
            </Title>
            <Group gap="xs">
              <Badge variant="light" color={PORTAL_STATUS_COLORS[a.status]}>
                {PORTAL_STATUS_LABELS[a.status]}
              </Badge>
              {a.editable && (
                <Text size="sm" c={a.overdue ? "red.7" : "dimmed"} fw={a.overdue ? 600 : 400}>
                  {dueText(a.dueDate, a.overdue)}
                </Text>
              )}
            </Group>
          </Stack>
          <ExcelActions
            assessmentId={a.id}
            editable={a.editable}
            beforeImport={beforeImport}
            onImported={onImported}
          />
        </Group>
        <div>
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" c="dimmed">
              {progress.answered} of {progress.visible} questions answered
            </Text>
            {a.editable && (
              <SaveStatus
                state={autosave.state}
                failure={autosave.failure}
                errorCount={Object.keys(autosave.errors).length}
                onRetry={autosave.retry}
              />
            )}
          </Group>
          <Progress
            value={pct}
            color={pct === 100 ? "teal" : "brand"}
            size="md"
            radius="xl"
            aria-label={`${pct}% answered`}
          />
        </div>
      </Stack>
    </Card>
  );
}
