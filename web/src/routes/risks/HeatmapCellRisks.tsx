import { Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { LevelThresholds } from "../../../../domain/risk-scoring";
import { api, unwrap } from "../../api/client";
import type { HeatCell } from "../../components/HeatMap";
import { ErrorState, TableSkeleton } from "../../components/States";
import { cellLevel } from "../../lib/risks";
import { RisksTable, RisksTableHead } from "./RisksTable";
import { type RisksSearch, toListQuery } from "./search";

/**
 * The risks in one heat-map cell. The list endpoint filters by level, not by exact ratings, so
 * this asks for the cell's level (the narrowest server filter that contains the cell) and keeps
 * the rows whose likelihood and impact match, fetching further pages on demand.
 */
export function HeatmapCellRisks(props: {
  cell: HeatCell;
  search: RisksSearch;
  thresholds: LevelThresholds;
  expected: number;
  onClose: () => void;
}) {
  const { cell, search } = props;
  const level = cellLevel(cell.likelihood, cell.impact, props.thresholds);
  const levelFilter = cell.kind === "residual" ? { level: [level] } : { inherentLevel: [level] };
  const sort = cell.kind === "residual" ? "-residualScore" : "-inherentScore";
  const pages = useInfiniteQuery({
    queryKey: ["risks", "cell", cell, search.partnerId, search.categoryId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/risks", {
          params: {
            query: {
              ...toListQuery({ partnerId: search.partnerId, categoryId: search.categoryId }),
              ...levelFilter,
              sort,
              limit: 200,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = (pages.data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((r) => r[cell.kind].likelihood === cell.likelihood && r[cell.kind].impact === cell.impact);
  const label = cell.kind === "residual" ? "Residual" : "Inherent";
  return (
    <Card p={0} className="table-card" mt="lg">
      <Group justify="space-between" p="md">
        <div>
          <Title order={5}>
            {label} likelihood {cell.likelihood} × impact {cell.impact}
          </Title>
          <Text size="xs" c="dimmed">
            {props.expected} {props.expected === 1 ? "risk" : "risks"} in this cell (score{" "}
            {cell.likelihood * cell.impact}, {level})
          </Text>
        </div>
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClose}>
          Close
        </Button>
      </Group>
      {pages.isError ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={pages.error} onRetry={() => pages.refetch()} title="Could not load the risks" />
        </div>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table className="data-table">
            <RisksTableHead sort={sort} />
            <Table.Tbody>
              {pages.isPending ? <TableSkeleton rows={3} cols={8} /> : <RisksTable items={items} />}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage && items.length < props.expected && (
        <Group justify="center" p="sm">
          <Button
            variant="default"
            size="xs"
            loading={pages.isFetchingNextPage}
            onClick={() => pages.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
    </Card>
  );
}
