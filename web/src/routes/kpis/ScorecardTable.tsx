import { Anchor, Badge, Group, Table, Text, Tooltip } from "@mantine/core";
import {
  type Icon,
  IconArrowNarrowRight,
  IconMinus,
  IconTrendingDown,
  IconTrendingUp,
} from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { TRENDS } from "../../../../domain/kpis";
import { formatMoney } from "../contracts/labels";
import { KpiStatusBadge } from "./KpiStatusBadge";
import { formatPeriod, formatTarget } from "./labels";
import type { Scorecard } from "./queries";
import { attainmentColor } from "./scorecardChart";

type Trend = (typeof TRENDS)[number];

const TREND: Record<Trend, { icon: Icon; color: string; label: string }> = {
  improving: { icon: IconTrendingUp, color: "green.7", label: "Improving" },
  stable: { icon: IconArrowNarrowRight, color: "gray.7", label: "Stable" },
  worsening: { icon: IconTrendingDown, color: "red.7", label: "Worsening" },
  insufficient_data: { icon: IconMinus, color: "gray.5", label: "Too few points" },
};

const Count = ({ n, color }: { n: number; color: string }) =>
  n ? (
    <Text span size="sm" fw={600} c={color}>
      {n}
    </Text>
  ) : (
    <Text span size="sm" c="dimmed">
      0
    </Text>
  );

/**
 * One row per KPI of the partner: attainment, breaches, warnings, anomalies, the trend (arrow with
 * the slope explained on hover), the latest status and the service credit due with its arithmetic.
 */
export function ScorecardTable({ card }: { card: Scorecard }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table className="data-table" aria-label="Scorecard">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th ta="right">Weight</Table.Th>
            <Table.Th ta="right">Measured</Table.Th>
            <Table.Th ta="right">Attainment</Table.Th>
            <Table.Th ta="right">Breaches</Table.Th>
            <Table.Th ta="right">Warnings</Table.Th>
            <Table.Th ta="right">Anomalies</Table.Th>
            <Table.Th>Trend</Table.Th>
            <Table.Th>Latest</Table.Th>
            <Table.Th ta="right">Service credit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {card.kpis.map((row) => {
            const trend = TREND[row.trend];
            return (
              <Table.Tr key={row.kpi.id}>
                <Table.Td miw={220} maw={300}>
                  <Anchor component={Link} to={`/kpis/${row.kpi.id}`} size="sm" fw={600}>
                    {row.kpi.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {formatTarget(row.kpi)} ·{" "}
                    <Anchor component={Link} to={`/contracts/${row.contract.id}`} size="xs" c="dimmed">
                      {row.contract.title}
                    </Anchor>
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {row.kpi.weight}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {row.measured}
                </Table.Td>
                <Table.Td ta="right">
                  {row.attainment === null ? (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Badge variant="light" color={attainmentColor(row.attainment)}>
                      {row.attainment.toFixed(1)}%
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Count n={row.breaches} color="red.7" />
                </Table.Td>
                <Table.Td ta="right">
                  <Count n={row.warnings} color="orange.7" />
                </Table.Td>
                <Table.Td ta="right">
                  <Count n={row.anomalies} color="violet.7" />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={row.trendExplanation} multiline maw={320} withArrow openDelay={150}>
                    <Group
                      gap={4}
                      wrap="nowrap"
                      c={trend.color}
                      aria-label={`${trend.label}: ${row.trendExplanation}`}
                    >
                      <trend.icon size={18} />
                      <Text span size="sm">
                        {trend.label}
                      </Text>
                    </Group>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  {row.latest ? (
                    <Group gap={6} wrap="nowrap">
                      <KpiStatusBadge status={row.latest.status} reason={row.latest.reason} />
                      <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                        {formatPeriod(row.latest.periodStart, row.kpi.period)}
                      </Text>
                    </Group>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Not measured
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" fz="sm">
                  {row.serviceCredit ? (
                    <Tooltip
                      label={row.serviceCredit.explanation}
                      multiline
                      maw={340}
                      withArrow
                      openDelay={150}
                    >
                      <Text
                        span
                        size="sm"
                        fw={row.serviceCredit.amount ? 600 : undefined}
                        style={{ textDecoration: "underline dotted", cursor: "help" }}
                      >
                        {formatMoney(row.serviceCredit.amount, row.serviceCredit.currency)}
                      </Text>
                    </Tooltip>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
