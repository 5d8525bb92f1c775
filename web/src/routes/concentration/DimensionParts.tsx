import {
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Skeleton,
  Table,
  Text,
  Title,
  useMantineTheme,
} from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { CountryLabel } from "../../components/Badges";
import { EChart } from "../dashboard/EChart";
import { shareChart, TOP_SHARES } from "./charts";
import {
  BAND_COLORS,
  BAND_LABELS,
  type DimensionResult,
  formatHhi,
  formatShare,
  formatWeight,
} from "./queries";

/** Whether a dimension's keys are partner ids (linked to partner pages) or country codes. */
export type DimensionKind = "partner" | "country";

/** The index of one dimension as a KPI: the figure, its band as a coloured badge, and what it means. */
export function HhiCard({
  label,
  dim,
  noun,
}: {
  label: string;
  dim: DimensionResult | undefined;
  /** What the carriers are: ["partner", "partners"]. */
  noun: [string, string];
}) {
  return (
    <Paper withBorder p="md" h="100%">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
          {label}
        </Text>
        {dim?.band && (
          <Badge color={BAND_COLORS[dim.band]} variant="light">
            {BAND_LABELS[dim.band]}
          </Badge>
        )}
      </Group>
      {dim === undefined ? (
        <Skeleton h={36} w={90} mt={4} />
      ) : (
        <Text fz={30} fw={700} lh={1.2} mt={4}>
          {dim.hhi === null ? "—" : formatHhi(dim.hhi)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {dim === undefined
          ? "Loading…"
          : dim.carriers > 0
            ? `Across ${dim.carriers} ${noun[dim.carriers === 1 ? 0 : 1]}`
            : "Nothing to count"}
        {dim?.items[0] && ` · largest: ${dim.items[0].name} ${formatShare(dim.items[0].share)}`}
      </Text>
    </Paper>
  );
}

/** A titled card with the top shares as bars and the threshold as a line. */
export function ShareChartCard({
  title,
  dim,
  threshold,
  height,
}: {
  title: string;
  dim: DimensionResult;
  threshold: number;
  /** Chart height, shared by the charts of a row so they line up. */
  height: number;
}) {
  const theme = useMantineTheme();
  const option = useMemo(() => shareChart(dim, threshold, theme), [dim, threshold, theme]);
  return (
    <Card>
      <Group justify="space-between" align="baseline" mb="xs" gap="xs">
        <Title order={5}>{title}</Title>
        {dim.carriers > TOP_SHARES && (
          <Text size="xs" c="dimmed">
            Top {TOP_SHARES} of {dim.carriers}
          </Text>
        )}
      </Group>
      {dim.items.length === 0 ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          Nothing to chart.
        </Text>
      ) : (
        <EChart option={option} height={height} />
      )}
    </Card>
  );
}

/** Every listed carrier of a dimension with its share, services and weight; the rest summed. */
export function ShareTable({
  dim,
  kind,
  label,
  threshold,
  showWeight,
}: {
  dim: DimensionResult;
  kind: DimensionKind;
  /** The first column's heading. */
  label: string;
  threshold: number;
  showWeight: boolean;
}) {
  if (dim.items.length === 0) return null;
  return (
    <Card p={0}>
      <ScrollArea.Autosize mah={480}>
        <Table striped highlightOnHover verticalSpacing="xs" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label}</Table.Th>
              <Table.Th w="34%">Share</Table.Th>
              <Table.Th ta="right">Services</Table.Th>
              {showWeight && <Table.Th ta="right">Weight</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dim.items.map((i) => (
              <Table.Tr key={i.key}>
                <Table.Td>
                  {kind === "partner" ? (
                    <Anchor component={Link} to={`/partners/${i.key}`} fz="sm">
                      {i.name}
                    </Anchor>
                  ) : (
                    <Anchor
                      fz="sm"
                      c="inherit"
                      renderRoot={(props) => <Link to="/partners" search={{ country: [i.key] }} {...props} />}
                    >
                      <CountryLabel code={i.key} name={i.name} />
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress
                      value={i.share * 100}
                      color={i.share > threshold ? "red" : "brand"}
                      size="sm"
                      style={{ flex: 1 }}
                      aria-hidden
                    />
                    <Text size="sm" fw={i.share > threshold ? 700 : 400} w={52} ta="right">
                      {formatShare(i.share)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{i.count}</Table.Td>
                {showWeight && <Table.Td ta="right">{formatWeight(i.weight)}</Table.Td>}
              </Table.Tr>
            ))}
            {dim.others && (
              <Table.Tr>
                <Table.Td c="dimmed">{dim.others.carriers} more</Table.Td>
                <Table.Td c="dimmed">{formatShare(dim.others.share)}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {dim.others.count}
                </Table.Td>
                {showWeight && (
                  <Table.Td ta="right" c="dimmed">
                    {formatWeight(dim.others.weight)}
                  </Table.Td>
                )}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
