import { Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { IconLayoutGrid, IconX } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { LevelThresholds } from "../../../../domain/risk-scoring";
import { RISK_STATUSES } from "../../../../domain/risks";
import { api, unwrap } from "../../api/client";
import type { HeatCell } from "../../components/HeatMap";
import { Empty, ErrorState, TableSkeleton } from "../../components/States";
import { cellLevel, LEVEL_LABELS } from "../../lib/risks";
import { RisksTable, RisksTableHead } from "./RisksTable";
import type { RisksSearch } from "./search";

const PAGE_SIZE = 25;
// The heat map leaves closed risks out, so the cell's list does too (its count must match).
const NOT_CLOSED = RISK_STATUSES.filter((s) => s !== "closed");

/** The list query of one cell: exact ratings on the cell's grid, plus the page's own filters. */
function cellQuery(cell: HeatCell, filters: Pick<RisksSearch, "partnerId" | "categoryId">) {
  const ratings =
    cell.kind === "residual"
      ? { residualLikelihood: cell.likelihood, residualImpact: cell.impact }
      : { inherentLikelihood: cell.likelihood, inherentImpact: cell.impact };
  return {
    partnerId: filters.partnerId,
    categoryId: filters.categoryId,
    status: NOT_CLOSED,
    ...ratings,
    // Every row of the cell has the same score on this grid; ordering by the other one ranks them.
    sort: cell.kind === "residual" ? ("-inherentScore" as const) : ("-residualScore" as const),
  };
}

/**
 * The risks in one heat-map cell, filtered by the server on the cell's exact likelihood and
 * impact (and the page's partner and category), a page at a time with "Load more".
 */
export function HeatmapCellRisks(props: {
  cell: HeatCell;
  filters: Pick<RisksSearch, "partnerId" | "categoryId">;
  thresholds: LevelThresholds;
  /** The cell's count on the heat map, shown before the list has loaded. */
  expected: number;
  onClose: () => void;
}) {
  const { cell } = props;
  const card = useRef<HTMLDivElement>(null);
  // The list opens under the maps, often below the fold: bring it into view when it mounts (the
  // page keys it by cell, so on each pick); "nearest" leaves the page alone when it is on screen.
  useEffect(() => {
    card.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, []);
  const query = cellQuery(cell, props.filters);
  const pages = useInfiniteQuery({
    // Under "risks" so that any change in the register refreshes the list.
    queryKey: ["risks", "cell", query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/risks", { params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = (pages.data?.pages ?? []).flatMap((p) => p.items);
  const level = cellLevel(cell.likelihood, cell.impact, props.thresholds);
  const label = cell.kind === "residual" ? "Residual" : "Inherent";
  const count = props.expected;
  const isEmpty = pages.isSuccess && items.length === 0;

  return (
    <Card
      ref={card}
      p={0}
      className="table-card"
      mt="lg"
      aria-label={`Risks in the ${label.toLowerCase()} cell`}
    >
      <Group justify="space-between" p="md" wrap="nowrap">
        <div>
          <Title order={5}>
            {label} likelihood {cell.likelihood} × impact {cell.impact}
          </Title>
          <Text size="xs" c="dimmed">
            {count} {count === 1 ? "risk" : "risks"} · score {cell.likelihood * cell.impact} (
            {LEVEL_LABELS[level].toLowerCase()})
            {items.length > 0 && items.length < count && ` · showing ${items.length}`}
          </Text>
        </div>
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={props.onClose}>
          Close
        </Button>
      </Group>
      {pages.isError && !pages.isFetchNextPageError ? (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState error={pages.error} onRetry={() => pages.refetch()} title="Could not load the risks" />
        </div>
      ) : isEmpty ? (
        <Empty
          icon={<IconLayoutGrid size={26} />}
          title="No risks in this cell"
          description="Nothing sits at these ratings with the current filters (closed risks are left out)."
        />
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table className="data-table">
            <RisksTableHead sort={query.sort} />
            <Table.Tbody>
              {pages.isPending ? (
                <TableSkeleton rows={Math.min(Math.max(count, 1), 5)} cols={8} />
              ) : (
                <RisksTable items={items} />
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.isFetchNextPageError && (
        <div style={{ padding: "var(--mantine-spacing-md)" }}>
          <ErrorState
            error={pages.error}
            onRetry={() => pages.fetchNextPage()}
            title="Could not load more risks"
          />
        </div>
      )}
      {pages.hasNextPage && !pages.isFetchNextPageError && (
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
