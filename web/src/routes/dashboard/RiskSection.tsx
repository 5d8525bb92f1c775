import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from "@mantine/core";
import { IconAlertTriangle, IconBolt, IconCalendarDue, IconShieldHalfFilled } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { levelOf } from "../../../../domain/risk-scoring";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { RiskLevelBadge, TierBadge } from "../../components/RiskLevelBadge";
import { ErrorState } from "../../components/States";
import { formatDate } from "../../lib/format";
import { ChartCard, SectionHeader, Stat } from "./cards";
import { EChart } from "./EChart";
import { riskCategoryChart, riskLevelChart } from "./riskCharts";
import { type RiskSummary, useRiskSummary } from "./useRiskSummary";

function OverdueReviews({ summary }: { summary: RiskSummary }) {
  const { count, first } = summary.overdueReviews;
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={5}>Overdue reviews</Title>
        {count > 0 && (
          <Anchor
            renderRoot={(props) => <Link to="/risks" search={{ reviewOverdue: true }} {...props} />}
            size="sm"
          >
            All {count}
          </Anchor>
        )}
      </Group>
      {first.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every risk review is up to date.
        </Text>
      ) : (
        <Table className="data-table">
          <Table.Tbody>
            {first.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/risks/${r.id}`} size="sm" fw={500} lineClamp={1}>
                    {r.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.owner?.name ?? "Unassigned"}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm" c="red.7" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {formatDate(r.nextReviewDate)}
                </Table.Td>
                <Table.Td ta="right">
                  <RiskLevelBadge
                    level={levelOf(r.residualScore, summary.thresholds)}
                    score={r.residualScore}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function OverdueTasks({ summary }: { summary: RiskSummary }) {
  const { count, first } = summary.overdueTasks;
  return (
    <Card style={{ flex: 1 }}>
      <Group justify="space-between" mb="sm">
        <Title order={5}>Overdue treatment tasks</Title>
        <Text size="sm" c="dimmed">
          {count}
        </Text>
      </Group>
      {first.length === 0 ? (
        <Text size="sm" c="dimmed">
          No treatment task is past its due date.
        </Text>
      ) : (
        <Table className="data-table">
          <Table.Tbody>
            {first.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {t.title}
                  </Text>
                  <Anchor component={Link} to={`/risks/${t.risk.id}`} size="xs" c="dimmed" lineClamp={1}>
                    {t.risk.title}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">
                  {t.assignee?.name ?? (
                    <Text span c="dimmed" size="sm">
                      Unassigned
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm" c="red.7" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {formatDate(t.dueDate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function TopPartners({ summary }: { summary: RiskSummary }) {
  const navigate = useNavigate();
  return (
    <Card h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={5}>Top partners by risk</Title>
        <Anchor
          renderRoot={(props) => <Link to="/partners" search={{ sort: "riskTier" }} {...props} />}
          size="sm"
        >
          By tier
        </Anchor>
      </Group>
      {summary.topPartners.length === 0 ? (
        <Text size="sm" c="dimmed">
          No partner carries an open risk or signal.
        </Text>
      ) : (
        <Table className="data-table">
          <Table.Tbody>
            {summary.topPartners.map((p) => (
              <Table.Tr
                key={p.id}
                className="row-link"
                onClick={() => navigate({ to: "/partners/$partnerId/risk", params: { partnerId: p.id } })}
              >
                <Table.Td fz="sm" fw={500}>
                  {p.name}
                </Table.Td>
                <Table.Td w={80}>
                  <TierBadge tier={p.riskTier} variant="light" />
                </Table.Td>
                <Table.Td ta="right" w={120}>
                  {p.riskScore > 0 ? (
                    <RiskLevelBadge level={levelOf(p.riskScore, summary.thresholds)} score={p.riskScore} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The risk half of the dashboard: the register by level and category, top partners, what is overdue. */
export function RiskSection() {
  const me = useMe();
  const theme = useMantineTheme();
  const allowed = can(me, "risk", "read");
  const summary = useRiskSummary(allowed);
  const canReadSignals = can(me, "riskSignal", "read");
  const data = summary.data;
  const charts = useMemo(
    () => (data ? { level: riskLevelChart(data, theme), category: riskCategoryChart(data, theme) } : null),
    [data, theme],
  );
  if (!allowed) return null;
  if (summary.isError)
    return (
      <ErrorState
        error={summary.error}
        title="Could not load the risk summary"
        onRetry={() => summary.refetch()}
      />
    );
  const figure = (n: number | undefined) =>
    n === undefined ? <Skeleton h={36} w={60} /> : n.toLocaleString();
  const signalsStat = (
    <Stat
      icon={IconBolt}
      color="grape"
      label="Open signals"
      value={figure(data?.openSignals)}
      hint="Waiting for a decision"
    />
  );
  const highOrWorse = data && (data.byResidualLevel.high ?? 0) + (data.byResidualLevel.critical ?? 0);

  return (
    <>
      <SectionHeader title="Risk">
        <Button component={Link} to="/risks/heatmap" variant="subtle" size="xs">
          Heat map
        </Button>
        <Button component={Link} to="/risks" variant="subtle" size="xs">
          Open the register
        </Button>
      </SectionHeader>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} mb="lg">
        <Stat
          icon={IconShieldHalfFilled}
          color="brand"
          label="Open risks"
          value={figure(data?.total)}
          hint="Not closed"
        />
        <Stat
          icon={IconAlertTriangle}
          color="red"
          label="High or critical"
          value={figure(highOrWorse)}
          hint="By residual score"
        />
        <Stat
          icon={IconCalendarDue}
          color="orange"
          label="Overdue reviews"
          value={figure(data?.overdueReviews.count)}
          hint={`${data?.overdueTasks.count ?? "…"} overdue tasks`}
        />
        {canReadSignals ? (
          <Anchor component={Link} to="/signals" underline="never" c="inherit">
            {signalsStat}
          </Anchor>
        ) : (
          signalsStat
        )}
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ChartCard title="Risks by residual level">
            {charts ? <EChart option={charts.level} /> : <Skeleton h={260} />}
          </ChartCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ChartCard title="Risks by category">
            {charts ? <EChart option={charts.category} /> : <Skeleton h={260} />}
          </ChartCard>
        </Grid.Col>
        {data && (
          <>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <TopPartners summary={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="lg" h="100%">
                <OverdueReviews summary={data} />
                <OverdueTasks summary={data} />
              </Stack>
            </Grid.Col>
          </>
        )}
      </Grid>
    </>
  );
}
