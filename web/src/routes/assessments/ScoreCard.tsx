import { Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { progressPercent } from "./answers";
import { formatScore, scoreColor } from "./labels";
import type { Assessment } from "./types";

/**
 * The computed score with its arithmetic: the overall score large, then one bar per section
 * (length = the section's score, colour = its band) with the explanation the domain scorer
 * wrote, so the number never has to be taken on trust.
 */
export function ScoreCard({ assessment: a }: { assessment: Assessment }) {
  const score = a.computed.score;
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={5}>Score</Title>
      {score === null ? (
        <Text fz="xl" fw={600} c="dimmed" mt={4} data-testid="assessment-score">
          No score yet
        </Text>
      ) : (
        <Text fz={44} fw={700} lh={1.1} c={`${scoreColor(score)}.7`} data-testid="assessment-score">
          {formatScore(score)}
          <Text span c="dimmed" fz="sm" fw={400}>
            {" "}
            / 100
          </Text>
        </Text>
      )}
      <Text size="xs" c="dimmed" mb="md">
        {a.computed.explanation}
      </Text>
      <Stack gap="md">
        {a.computed.sections.map((s) => (
          <div key={s.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} truncate>
                {s.title}
              </Text>
              <Text size="sm" fw={700} c={s.score === null ? "dimmed" : `${scoreColor(s.score)}.7`}>
                {formatScore(s.score)}
              </Text>
            </Group>
            <Progress
              value={s.score ?? 0}
              color={scoreColor(s.score)}
              size="md"
              my={4}
              aria-label={`${s.title} score`}
            />
            <Text size="xs" c="dimmed">
              {s.answered} of {s.visible} answered · weight {s.weight} · {s.explanation}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

/** Answered of visible questions as a bar, with the key dates of the assessment. */
export function ProgressCard({ assessment: a }: { assessment: Assessment }) {
  const pct = progressPercent(a.progress);
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between">
        <Title order={5}>Progress</Title>
        <Text size="sm" fw={600}>
          {pct}%
        </Text>
      </Group>
      <Progress value={pct} color={pct === 100 ? "teal" : "blue"} size="lg" my="xs" aria-label="Answered" />
      <Text size="xs" c="dimmed">
        {a.progress.answered} of {a.progress.visible} questions answered (questions hidden by their conditions
        do not count)
      </Text>
    </Card>
  );
}
