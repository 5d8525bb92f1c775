import {
  Card,
  Code,
  Grid,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
  useMantineTheme,
} from "@mantine/core";
import { IconGauge } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { Empty, ErrorState, Forbidden } from "../../../components/States";
import { formatDate } from "../../../lib/format";
import { partnerRoute } from "../../../router";
import { formatMoney } from "../../contracts/labels";
import { EChart } from "../../dashboard/EChart";
import { type Scorecard, scorecardQuery } from "../../kpis/queries";
import { type DateRange, presetRange, RangePicker } from "../../kpis/RangePicker";
import { ScorecardTable } from "../../kpis/ScorecardTable";
import { attainmentChart, attainmentChartHeight, attainmentColor } from "../../kpis/scorecardChart";

/**
 * The partner's performance over a date range: the weighted score with its arithmetic, the
 * service credits due, attainment per KPI as bars, and a row per KPI with its counts and trend.
 */
export function ScorecardTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const allowed = can(me, "kpi", "read");
  const [range, setRange] = useState<DateRange>(() => presetRange("12"));
  const card = useQuery({
    ...scorecardQuery(partnerId, range.from, range.to),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  if (!allowed) return <Forbidden />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {card.data
            ? `KPI performance from ${formatDate(card.data.from)} to ${formatDate(card.data.to)}`
            : "KPI performance"}
        </Text>
        <RangePicker value={range} onChange={setRange} withAll={false} />
      </Group>
      {card.isError ? (
        <ErrorState error={card.error} onRetry={() => card.refetch()} title="Could not load the scorecard" />
      ) : !card.data ? (
        <Skeleton height={320} />
      ) : card.data.kpis.length === 0 ? (
        <Card>
          <Empty
            icon={<IconGauge size={26} />}
            title="No KPIs for this partner"
            description="Add KPIs on the partner's contracts to score their service levels here."
          />
        </Card>
      ) : (
        <div style={{ opacity: card.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}>
          <ScorecardBody card={card.data} />
        </div>
      )}
    </Stack>
  );
}

/** Score, credits, chart and table of a loaded scorecard. */
function ScorecardBody({ card }: { card: Scorecard }) {
  const theme = useMantineTheme();
  const option = useMemo(() => attainmentChart(card, theme), [card, theme]);
  const credits = card.serviceCreditsDue.filter((c) => c.amount > 0);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <Card>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
              Overall score
            </Text>
            <Group gap={6} align="baseline" data-testid="scorecard-score">
              <Text
                fz={48}
                fw={700}
                lh={1.1}
                c={card.score === null ? "dimmed" : `${attainmentColor(card.score)}.8`}
              >
                {card.score === null ? "—" : card.score.toFixed(1)}
              </Text>
              {card.score !== null && (
                <Text size="lg" c="dimmed">
                  / 100
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Attainment of each KPI (share of periods meeting the target), weighted:
            </Text>
            <Tooltip label="Σ attainment × weight / Σ weight" openDelay={200}>
              <Code block mt={6} fz="xs">
                {card.formula}
              </Code>
            </Tooltip>
          </Card>
          <Card>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
              Service credits due
            </Text>
            {credits.length === 0 ? (
              <Text size="sm" mt={4}>
                None in this period
              </Text>
            ) : (
              credits.map((c) => (
                <Text key={c.currency ?? "none"} fz={24} fw={700} c="red.8">
                  {formatMoney(c.amount, c.currency)}
                </Text>
              ))
            )}
            <Text size="xs" c="dimmed" mt={4}>
              Per breached period and month, capped as agreed; hover a KPI's credit for the arithmetic.
            </Text>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Card>
          <Title order={5} mb="sm">
            Attainment per KPI
          </Title>
          <EChart option={option} height={attainmentChartHeight(card.kpis.length)} />
        </Card>
      </Grid.Col>
      <Grid.Col span={12}>
        <Card p={0} className="table-card">
          <ScorecardTable card={card} />
        </Card>
      </Grid.Col>
    </Grid>
  );
}
