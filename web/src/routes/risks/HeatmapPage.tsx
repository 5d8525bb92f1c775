import { Card, Grid, Group, Skeleton, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { type HeatCell, HeatMap, LevelLegend } from "../../components/HeatMap";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden } from "../../components/States";
import { heatmapRoute } from "../../router";
import { HeatmapCellRisks } from "./HeatmapCellRisks";
import { riskKeys } from "./queries";
import { RiskAreaTabs } from "./RiskAreaTabs";
import { RisksToolbar } from "./RisksToolbar";
import type { RisksSearch } from "./search";

/**
 * Inherent and residual 5×5 heat maps side by side, filtered by partner and category; a click on
 * a cell lists the risks in it underneath.
 */
export function HeatmapPage() {
  const me = useMe();
  const search = heatmapRoute.useSearch();
  const navigate = useNavigate({ from: "/risks/heatmap" });
  const [cell, setCell] = useState<HeatCell | null>(null);
  const filters = { partnerId: search.partnerId, categoryId: search.categoryId };
  const allowed = can(me, "risk", "read");
  const heatmap = useQuery({
    queryKey: riskKeys.heatmap(filters),
    queryFn: () => unwrap(api.GET("/api/v1/risks/heatmap", { params: { query: filters } })),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  if (!allowed) return <Forbidden />;
  const setSearch = (patch: Partial<RisksSearch>) => {
    setCell(null);
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  };
  const data = heatmap.data;
  const selectedCount = cell && data ? (data[cell.kind][cell.likelihood - 1]?.[cell.impact - 1] ?? 0) : 0;

  return (
    <>
      <PageHeader
        title="Risk register"
        description="Where the risks sit on likelihood and impact, before and after controls."
      />
      <RiskAreaTabs current="heatmap" search={search} />
      <Card p={0} mb="lg" className="table-card">
        <RisksToolbar
          search={filters}
          onChange={setSearch}
          onClear={() => setSearch({ partnerId: undefined, categoryId: undefined })}
          compact
        />
        <Group justify="space-between" px="md" py="xs">
          <Text size="sm" c="dimmed">
            {data
              ? `${data.total} ${data.total === 1 ? "risk" : "risks"} · click a cell to list its risks`
              : "…"}
          </Text>
          {data && <LevelLegend thresholds={data.thresholds} />}
        </Group>
      </Card>
      {heatmap.isError ? (
        <ErrorState
          error={heatmap.error}
          onRetry={() => heatmap.refetch()}
          title="Could not load the heat map"
        />
      ) : (
        <Grid gap="lg" style={{ opacity: heatmap.isPlaceholderData ? 0.6 : 1 }}>
          {(["inherent", "residual"] as const).map((kind) => (
            <Grid.Col key={kind} span={{ base: 12, md: 6 }}>
              {data ? (
                <HeatMap
                  kind={kind}
                  counts={data[kind]}
                  thresholds={data.thresholds}
                  selected={cell}
                  onSelect={(c) =>
                    setCell((prev) =>
                      prev?.kind === c.kind && prev.likelihood === c.likelihood && prev.impact === c.impact
                        ? null
                        : c,
                    )
                  }
                />
              ) : (
                <Skeleton h={360} />
              )}
            </Grid.Col>
          ))}
        </Grid>
      )}
      {cell && data && (
        <HeatmapCellRisks
          key={`${cell.kind}-${cell.likelihood}-${cell.impact}`}
          cell={cell}
          filters={filters}
          thresholds={data.thresholds}
          expected={selectedCount}
          onClose={() => setCell(null)}
        />
      )}
    </>
  );
}
