import { z } from "zod";
import { CRITICALITIES, Criticality } from "./partners.js";

/**
 * Concentration of outsourced work: how much of our critical and important services one partner,
 * one country or one fourth party carries, measured by shares and the Herfindahl–Hirschman index.
 *
 * HHI = Σ (share in percent)², on a 0–10,000 scale: 10,000 is a monopoly, n equal carriers give
 * 10,000 / n. The conventional bands (US DoJ/FTC merger guidelines, 2010) are used:
 * below 1,500 unconcentrated, 1,500 to 2,500 (inclusive) moderately concentrated, above 2,500
 * highly concentrated.
 *
 * Attribution rules (`GET /api/v1/concentration`):
 * - partner: each service in scope counts for the partner it is outsourced to;
 * - country: a service counts for its data locations, split equally among them (two locations:
 *   half each), or for the partner's country when it records none; `by=partnerCountry` always uses
 *   the partner's country;
 * - fourth party: a sub-contractor link carries the services it names, or all of the partner's
 *   services when it names none; a service carried by two fourth parties counts once for each
 *   (shares are of the links), and their country is the fourth party's own country.
 * Weights: 1 per service, or 2 for critical services with `weighting=critical2x`.
 */

/** Above this index a dimension is highly concentrated (and flagged). */
export const HHI_HIGH = 2_500;
/** From this index a dimension is moderately concentrated. */
export const HHI_MODERATE = 1_500;
/** Default share above which one carrier is flagged. */
export const DEFAULT_SHARE_THRESHOLD = 0.4;

export const CONCENTRATION_BANDS = ["unconcentrated", "moderate", "high"] as const;
export const ConcentrationBand = z.enum(CONCENTRATION_BANDS);
export type ConcentrationBand = z.infer<typeof ConcentrationBand>;

/** One piece of work attributed to a carrier (a partner, a country, a fourth party). */
export interface WeightedItem {
  key: string;
  name: string;
  /** How much of the work this item stands for (1 per service; fractions when a service is split). */
  weight: number;
  /** Distinct services behind this item (summed per key). */
  count?: number;
}

/** One carrier's part of a dimension. */
export interface ShareOf {
  key: string;
  name: string;
  count: number;
  weight: number;
  share: number;
}

/**
 * Sums `items` per key and divides by the total weight. Shares sum to 1 (within floating-point
 * rounding) unless the total is 0, in which case the list is empty. Sorted by weight, largest first,
 * then by key so equal carriers keep a stable order.
 */
export function sharesOf(items: readonly WeightedItem[]): ShareOf[] {
  const byKey = new Map<string, { key: string; name: string; count: number; weight: number }>();
  for (const item of items) {
    if (!(item.weight > 0)) continue;
    const cur = byKey.get(item.key);
    if (cur) {
      cur.weight += item.weight;
      cur.count += item.count ?? 1;
    } else {
      byKey.set(item.key, { key: item.key, name: item.name, count: item.count ?? 1, weight: item.weight });
    }
  }
  const total = [...byKey.values()].reduce((sum, v) => sum + v.weight, 0);
  if (total <= 0) return [];
  return [...byKey.values()]
    .map((v) => ({ ...v, share: v.weight / total }))
    .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Herfindahl–Hirschman index of shares given as fractions (0..1) that sum to 1: the sum of the
 * squared percentage shares, 0–10,000. An empty list gives 0.
 */
export function hhi(shares: readonly number[]): number {
  return shares.reduce((sum, s) => sum + (s * 100) ** 2, 0);
}

/** The conventional band of an index: < 1,500 unconcentrated, 1,500–2,500 moderate, > 2,500 high. */
export function hhiBand(index: number): ConcentrationBand {
  if (index > HHI_HIGH) return "high";
  if (index >= HHI_MODERATE) return "moderate";
  return "unconcentrated";
}

export const CONCENTRATION_DIMENSIONS = ["partner", "country", "fourthParty", "fourthPartyCountry"] as const;
export const ConcentrationDimension = z.enum(CONCENTRATION_DIMENSIONS);
export type ConcentrationDimension = z.infer<typeof ConcentrationDimension>;

const DIMENSION_LABELS: Record<ConcentrationDimension, string> = {
  partner: "partners",
  country: "countries",
  fourthParty: "fourth parties",
  fourthPartyCountry: "fourth parties' countries",
};

/** A reason to look closer: one carrier above the threshold, or a dimension above HHI 2,500. */
export const ConcentrationFlag = z.object({
  dimension: ConcentrationDimension,
  kind: z.enum(["share", "index"]).describe("share: one carrier above the threshold; index: HHI > 2,500"),
  key: z.string().nullable().describe("The carrier (partner id or country code) for share flags"),
  name: z.string().nullable(),
  share: z.number().nullable(),
  hhi: z.number(),
  explanation: z.string(),
});
export type ConcentrationFlag = z.infer<typeof ConcentrationFlag>;

const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** "critical and important services", "critical services", … for explanations. */
export function scopeLabel(criticality: readonly Criticality[]): string {
  const names = CRITICALITIES.filter((c) => criticality.includes(c));
  const list = names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${list} services`;
}

/**
 * Flags of one dimension: every carrier whose share exceeds `threshold` (strictly), and the
 * dimension itself when its index exceeds 2,500. Each flag explains itself in one sentence, e.g.
 * "India carries 62% of critical and important services (HHI 4,420 > 2,500)".
 */
export function concentrationFlags(
  dimension: ConcentrationDimension,
  shares: readonly ShareOf[],
  threshold: number,
  scope: string,
): ConcentrationFlag[] {
  const index = hhi(shares.map((s) => s.share));
  const high = index > HHI_HIGH;
  const indexText = high
    ? `HHI ${integer.format(index)} > ${integer.format(HHI_HIGH)}`
    : `above the ${percent.format(threshold)} threshold`;
  const flags: ConcentrationFlag[] = shares
    .filter((s) => s.share > threshold)
    .map((s) => ({
      dimension,
      kind: "share",
      key: s.key,
      name: s.name,
      share: s.share,
      hhi: index,
      explanation: `${s.name} carries ${percent.format(s.share)} of ${scope} (${indexText})`,
    }));
  if (high) {
    const top = shares[0];
    flags.push({
      dimension,
      kind: "index",
      key: null,
      name: null,
      share: null,
      hhi: index,
      explanation:
        `${scope[0].toUpperCase()}${scope.slice(1)} are highly concentrated across ${DIMENSION_LABELS[dimension]}: ` +
        `HHI ${integer.format(index)} > ${integer.format(HHI_HIGH)}` +
        (top ? `; the largest, ${top.name}, carries ${percent.format(top.share)}` : ""),
    });
  }
  return flags;
}

/** One dimension of the analysis, as the API presents it. */
export const ConcentrationShare = z.object({
  key: z.string().describe("Partner id or ISO 3166-1 alpha-2 country code"),
  name: z.string(),
  count: z.number().int().describe("Distinct services this carrier takes part in"),
  weight: z
    .number()
    .describe("Weighted services carried (fractions when a service's data sits in several countries)"),
  share: z.number().min(0).max(1),
});
export type ConcentrationShare = z.infer<typeof ConcentrationShare>;

export const ConcentrationDimensionResult = z.object({
  hhi: z
    .number()
    .nullable()
    .describe("Herfindahl–Hirschman index 0–10,000 over all carriers (null when nothing to count)"),
  band: ConcentrationBand.nullable(),
  carriers: z.number().int().describe("How many carriers (partners, countries) the index covers"),
  items: z.array(ConcentrationShare).describe("The largest carriers, at most `limit`"),
  others: z
    .object({ carriers: z.number().int(), count: z.number().int(), weight: z.number(), share: z.number() })
    .nullable()
    .describe("The carriers beyond `limit`, summed (count is the sum of their counts)"),
});
export type ConcentrationDimensionResult = z.infer<typeof ConcentrationDimensionResult>;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Shares, index and band of one dimension, rounded for presentation (HHI 2 decimals, shares and
 * weights 6). The index always covers every carrier; only the `limit` largest are listed, the rest
 * summed in `others`, so the answer stays small with thousands of partners.
 */
export function analyseDimension(
  shares: readonly ShareOf[],
  limit = Number.POSITIVE_INFINITY,
): ConcentrationDimensionResult {
  if (shares.length === 0) return { hhi: null, band: null, carriers: 0, items: [], others: null };
  const index = hhi(shares.map((s) => s.share));
  const rest = shares.slice(limit);
  return {
    hhi: round(index, 2),
    band: hhiBand(index),
    carriers: shares.length,
    items: shares.slice(0, limit).map((s) => ({
      key: s.key,
      name: s.name,
      count: s.count,
      weight: round(s.weight, 6),
      share: round(s.share, 6),
    })),
    others:
      rest.length === 0
        ? null
        : {
            carriers: rest.length,
            count: rest.reduce((sum, s) => sum + s.count, 0),
            weight: round(
              rest.reduce((sum, s) => sum + s.weight, 0),
              6,
            ),
            share: round(
              rest.reduce((sum, s) => sum + s.share, 0),
              6,
            ),
          },
  };
}

export const WEIGHTINGS = ["count", "critical2x"] as const;
export const COUNTRY_BASES = ["dataLocation", "partnerCountry"] as const;

/** Weight of one service: 1, or 2 for critical services under `critical2x`. */
export function serviceWeight(criticality: Criticality, weighting: (typeof WEIGHTINGS)[number]): number {
  return weighting === "critical2x" && criticality === "critical" ? 2 : 1;
}

/** `criticality=critical,important` or repeated `criticality=` keys, deduplicated. */
const CriticalityList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [
    ...new Set(
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(Criticality).min(1).max(CRITICALITIES.length));

/** Query of `GET /api/v1/concentration`. */
export const ConcentrationQuery = z.object({
  criticality: CriticalityList.default(["critical", "important"]).describe(
    "Service criticalities in scope, comma-separated (default critical,important)",
  ),
  threshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(DEFAULT_SHARE_THRESHOLD)
    .describe("Flag a carrier whose share exceeds this fraction (0..1, default 0.4)"),
  weighting: z
    .enum(WEIGHTINGS)
    .default("count")
    .describe("count: each service weighs 1; critical2x: critical services weigh 2"),
  by: z
    .enum(COUNTRY_BASES)
    .default("dataLocation")
    .describe(
      "Country of a service: dataLocation (its data locations, split equally; the partner's country when none) or partnerCountry",
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000)
    .default(50)
    .describe("Carriers listed per dimension, largest first (the rest are summed in `others`)"),
});
export type ConcentrationQuery = z.infer<typeof ConcentrationQuery>;

/** `GET /api/v1/concentration`. */
export const Concentration = z.object({
  scope: z.object({
    criticality: z.array(Criticality),
    threshold: z.number(),
    weighting: z.enum(WEIGHTINGS),
    by: z.enum(COUNTRY_BASES),
    label: z.string().describe('e.g. "critical and important services"'),
    services: z.number().int().describe("Services in scope"),
    weight: z.number().describe("Their total weight"),
  }),
  byPartner: ConcentrationDimensionResult,
  byCountry: ConcentrationDimensionResult,
  fourthParties: z.object({
    services: z.number().int().describe("Services in scope with at least one known fourth party"),
    byPartner: ConcentrationDimensionResult.describe(
      "Shares of the fourth-party links: a service counts once for each fourth party carrying it",
    ),
    byCountry: ConcentrationDimensionResult.describe("The same by the fourth party's country"),
  }),
  flags: z.array(ConcentrationFlag),
  bands: z
    .object({ moderateFrom: z.number(), highAbove: z.number() })
    .describe("HHI < moderateFrom: unconcentrated; ≤ highAbove: moderate; above: high"),
});
export type Concentration = z.infer<typeof Concentration>;
