import { Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { RiskLevelBadge } from "../../../components/RiskLevelBadge";
import type { Risk } from "../queries";

function ScoreCard({ title, hint, score }: { title: string; hint: string; score: Risk["inherent"] }) {
  return (
    <Card h="100%">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={0}>
          <Title order={5}>{title}</Title>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </Stack>
        <RiskLevelBadge level={score.level} score={score.score} size="lg" />
      </Group>
      <Group gap="xs" mb="xs" align="baseline">
        <Text fz={32} fw={700} lh={1}>
          {score.score}
        </Text>
        <Text size="sm" c="dimmed">
          = likelihood {score.likelihood} × impact {score.impact}
        </Text>
      </Group>
      <Text size="sm" data-testid={`${title.toLowerCase()}-explanation`}>
        {score.explanation}
      </Text>
    </Card>
  );
}

/** Inherent and residual scores side by side, each with the arithmetic and banding behind it. */
export function ScoreCards({ risk }: { risk: Risk }) {
  const reduction = risk.inherent.score - risk.residual.score;
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ScoreCard title="Inherent" hint="Before controls" score={risk.inherent} />
        <ScoreCard title="Residual" hint="After controls" score={risk.residual} />
      </SimpleGrid>
      <Group gap={6} c="dimmed" fz="xs">
        <IconArrowRight size={12} />
        {reduction > 0
          ? `Controls bring the score down by ${reduction} (${Math.round((reduction / risk.inherent.score) * 100)}%).`
          : "The residual score equals the inherent score: no reduction recorded from controls yet."}
      </Group>
    </Stack>
  );
}
