import { Tabs } from "@mantine/core";
import { IconGridDots, IconList } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import type { RisksSearch } from "./search";

/** Register and heat map are two views of the same risks; the partner and category filters carry over. */
export function RiskAreaTabs({ current, search }: { current: "list" | "heatmap"; search: RisksSearch }) {
  const navigate = useNavigate();
  const shared = { partnerId: search.partnerId, categoryId: search.categoryId };
  return (
    <Tabs
      value={current}
      mb="md"
      onChange={(v) => {
        if (v === "heatmap") void navigate({ to: "/risks/heatmap", search: shared });
        if (v === "list") void navigate({ to: "/risks", search: shared });
      }}
    >
      <Tabs.List>
        <Tabs.Tab value="list" leftSection={<IconList size={16} />}>
          Register
        </Tabs.Tab>
        <Tabs.Tab value="heatmap" leftSection={<IconGridDots size={16} />}>
          Heat map
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
