import { Card, Center, Group, Loader, Select, Text, useMantineTheme } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { ErrorState } from "../../components/States";
import { EChart } from "../dashboard/EChart";
import { MAP_METRIC_LABELS, worldMapOption } from "./charts";
import type { CountryListItem } from "./queries";
import { MAP_METRICS, type MapMetric } from "./search";
import { Attribution } from "./shared";
import { registerWorldMap } from "./worldGeo";

const METRIC_OPTIONS = [
  { group: "Governance", items: MAP_METRICS.filter((m) => m !== "partners" && m !== "services") },
  { group: "Our exposure", items: ["partners", "services"] as MapMetric[] },
].map((g) => ({ group: g.group, items: g.items.map((m) => ({ value: m, label: MAP_METRIC_LABELS[m] })) }));

/** The world coloured by the chosen indicator or by our exposure; a click opens the country. */
export function WorldMap(props: {
  list: { items: CountryListItem[]; attribution: string; year: number | null };
  metric: MapMetric;
  onMetric: (m: MapMetric) => void;
}) {
  const theme = useMantineTheme();
  const navigate = useNavigate();
  const shapes = useQuery({
    queryKey: ["world-map-shapes"],
    queryFn: () => registerWorldMap().then(() => true),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const option = useMemo(
    () => worldMapOption(props.list.items, props.metric, theme),
    [props.list.items, props.metric, theme],
  );
  const known = useMemo(() => new Set(props.list.items.map((c) => c.code)), [props.list.items]);
  const exposure = props.metric === "partners" || props.metric === "services";

  return (
    <Card p="md" mb="lg">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Text fw={600}>World map</Text>
        <Select
          aria-label="Colour the map by"
          data={METRIC_OPTIONS}
          value={props.metric}
          onChange={(v) => v && props.onMetric(v as MapMetric)}
          allowDeselect={false}
          w={320}
          size="sm"
        />
      </Group>
      {shapes.isError ? (
        <ErrorState error={shapes.error} title="Could not load the map" onRetry={() => shapes.refetch()} />
      ) : shapes.isPending ? (
        <Center h={420}>
          <Loader size="sm" />
        </Center>
      ) : (
        <EChart
          option={option}
          height={420}
          onClick={(code) => {
            if (known.has(code)) void navigate({ to: "/countries/$code", params: { code } });
          }}
        />
      )}
      <Group justify="space-between" mt="xs" gap="xs">
        <Text size="xs" c="dimmed">
          {exposure
            ? "Countries where our partners have headquarters, sites or data. Grey: none."
            : "Percentile rank among all countries (0 lowest, 100 highest). Grey: no figures."}{" "}
          Drag and scroll to zoom; click a country to open it.
        </Text>
        {!exposure && <Attribution attribution={props.list.attribution} year={props.list.year} />}
      </Group>
    </Card>
  );
}
