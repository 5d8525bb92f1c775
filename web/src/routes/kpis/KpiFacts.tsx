import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Fact } from "../../components/Fact";
import { formatMoney } from "../contracts/labels";
import { DIRECTION_LABELS, formatValue, PERIOD_ALIGNMENT, PERIOD_LABELS } from "./labels";
import type { Kpi } from "./queries";

/** The KPI's definition: direction, target and thresholds, period, weight and service credit. */
export function KpiFacts({ kpi }: { kpi: Kpi }) {
  const sc = kpi.serviceCredit;
  const higher = kpi.direction === "higher_is_better";
  return (
    <Card>
      <Title order={5} mb="sm">
        Definition
      </Title>
      {kpi.description && (
        <Text size="sm" mb="md">
          {kpi.description}
        </Text>
      )}
      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Fact label="Direction">{DIRECTION_LABELS[kpi.direction]}</Fact>
        <Fact label="Target">
          {higher ? "≥" : "≤"} {formatValue(kpi.target, kpi.unit)}
        </Fact>
        <Fact label="Warning">
          {higher ? "<" : ">"} {formatValue(kpi.warningThreshold, kpi.unit)}
        </Fact>
        <Fact label="Breach">
          {higher ? "<" : ">"} {formatValue(kpi.breachThreshold, kpi.unit)}
        </Fact>
        <Fact label="Measured">
          {PERIOD_LABELS[kpi.period]}
          <Text size="xs" c="dimmed">
            {PERIOD_ALIGNMENT[kpi.period]}
          </Text>
        </Fact>
        <Fact label="Weight in score">{kpi.weight} of 10</Fact>
      </SimpleGrid>
      <Stack mt="md">
        <Fact label="Service credit">
          {sc ? (
            <>
              {sc.percentPerBreach}% of {formatMoney(sc.monthlyFee, kpi.currency)} per breached period, at
              most {sc.capPercent}% a month
            </>
          ) : (
            <Text size="sm" c="dimmed" component="span">
              None agreed
            </Text>
          )}
        </Fact>
      </Stack>
    </Card>
  );
}
