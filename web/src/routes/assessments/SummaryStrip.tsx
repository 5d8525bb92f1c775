import { Group, Paper, Skeleton, Text, UnstyledButton } from "@mantine/core";
import type { AssessmentStatus } from "../../../../domain/assessments";
import { BOARD_STATUSES, STATUS_COLORS, STATUS_LABELS } from "./labels";
import type { AssessmentSummary } from "./types";

/**
 * The header counts: how many assessments sit in each status and how many are overdue. Each tile
 * filters the page to its status (overdue to the late ones), so the numbers lead somewhere.
 */
export function SummaryStrip(props: {
  summary: AssessmentSummary | undefined;
  onStatus: (status: AssessmentStatus) => void;
  onOverdue: () => void;
}) {
  const { summary } = props;
  const tile = (
    key: string,
    label: string,
    count: number | undefined,
    color: string,
    onClick: () => void,
  ) => (
    <UnstyledButton key={key} onClick={onClick} aria-label={`${label}: ${count ?? 0}`}>
      <Paper withBorder radius="md" px="md" py={8} miw={112}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.03em" }} truncate>
          {label}
        </Text>
        {summary ? (
          <Text fz={22} fw={700} c={count ? color : "dimmed"} lh={1.3}>
            {count ?? 0}
          </Text>
        ) : (
          <Skeleton height={22} width={30} mt={4} />
        )}
      </Paper>
    </UnstyledButton>
  );
  return (
    <Group gap="xs" mb="md" wrap="wrap">
      {BOARD_STATUSES.map((s) =>
        tile(s, STATUS_LABELS[s], summary?.byStatus[s], `${STATUS_COLORS[s]}.7`, () => props.onStatus(s)),
      )}
      {tile("overdue", "Overdue", summary?.overdue, "red.7", props.onOverdue)}
    </Group>
  );
}
