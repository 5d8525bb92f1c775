import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CRITICALITIES } from "../../../../domain/partners";
import { api, unwrap } from "../../api/client";
import type { paths } from "../../api/schema";
import type { resolveSearch } from "./search";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type Concentration = Json<paths["/api/v1/concentration"]["get"]["responses"][200]>;
export type DimensionResult = Concentration["byPartner"];
export type ShareItem = DimensionResult["items"][number];
export type Flag = Concentration["flags"][number];
export type Band = NonNullable<DimensionResult["band"]>;

/** `GET /concentration`; the previous answer stays on screen while new parameters load. */
export function useConcentration(s: ReturnType<typeof resolveSearch>, enabled: boolean) {
  const criticality = CRITICALITIES.filter((c) => s.criticality.includes(c)).join(",");
  return useQuery({
    // Under "partners" so that edits to partners, services and sub-contractors refresh it.
    queryKey: ["partners", "concentration", criticality, s.threshold, s.weighting, s.by],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/concentration", {
          params: {
            query: { criticality, threshold: s.threshold, weighting: s.weighting, by: s.by, limit: 50 },
          },
        }),
      ),
  });
}

export const BAND_LABELS: Record<Band, string> = {
  unconcentrated: "Unconcentrated",
  moderate: "Moderately concentrated",
  high: "Highly concentrated",
};

export const BAND_COLORS: Record<Band, string> = {
  unconcentrated: "teal",
  moderate: "yellow",
  high: "red",
};

const pct = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const int = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export const formatShare = (share: number) => pct.format(share);
export const formatHhi = (hhi: number) => int.format(hhi);
export const formatWeight = (weight: number) => dec.format(weight);
