import { z } from "zod";
import { isCountryCode } from "./countries.js";

/** The credit the World Bank's CC BY 4.0 licence requires wherever a WGI figure appears. */
export const WGI_ATTRIBUTION = "The World Bank: Worldwide Governance Indicators";

/** The six WGI dimensions, in the World Bank's own names (as in the official CSV). */
export const INDICATORS = [
  "VoiceandAccountability",
  "PoliticalStability",
  "GovernmentEffectiveness",
  "RegulatoryQuality",
  "RuleofLaw",
  "ControlofCorruption",
] as const;
export const Indicator = z.enum(INDICATORS);
export type Indicator = z.infer<typeof Indicator>;

/** Words used in explanations and on screen. */
export const INDICATOR_LABELS: Record<Indicator, string> = {
  VoiceandAccountability: "voice and accountability",
  PoliticalStability: "political stability",
  GovernmentEffectiveness: "government effectiveness",
  RegulatoryQuality: "regulatory quality",
  RuleofLaw: "rule of law",
  ControlofCorruption: "control of corruption",
};

/**
 * World Bank codes that are not the ISO 3166-1 alpha-3 code of the same country (see
 * ../shared/data/wgi/README.md). Kosovo has no ISO code; `XK` is the user-assigned code the EU,
 * the IMF and most software use.
 */
export const WB_CODE_EXCEPTIONS: Record<string, string> = {
  ROM: "RO",
  ZAR: "CD",
  ADO: "AD",
  TMP: "TL",
  WBG: "PS",
  KSV: "XK",
};

/**
 * Maps a World Bank country code to an ISO 3166-1 alpha-2 code, or null when it is neither an
 * ISO alpha-3 code nor one of the documented exceptions (e.g. an aggregate such as "WLD").
 * `alpha3ToAlpha2` is injected so the mapping stays I/O-free and testable on both sides.
 */
export function wbCodeToIso2(
  code: string,
  alpha3ToAlpha2: (a3: string) => string | undefined,
): string | null {
  const c = code.trim().toUpperCase();
  const exception = WB_CODE_EXCEPTIONS[c];
  if (exception) return exception;
  if (!/^[A-Z]{3}$/.test(c)) return null;
  const a2 = alpha3ToAlpha2(c);
  return a2 && isCountryCode(a2) ? a2 : null;
}

export const RISK_LEVELS = ["low", "medium", "high", "very_high"] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;
const LEVEL_WORDS: Record<RiskLevel, string> = {
  low: "low",
  medium: "medium",
  high: "high",
  very_high: "very high",
};

/**
 * How the six percentiles become a level. Weights sum to 1; a weighted percentile at or above
 * `low` is low risk, at or above `medium` medium, at or above `high` high, otherwise very high.
 * Any single dimension below `floorPercentile` raises the level to at least high: one collapsed
 * dimension (war, a failed judiciary) matters more than a good average suggests.
 */
export const RiskSettings = z
  .object({
    weights: z.object(
      Object.fromEntries(INDICATORS.map((i) => [i, z.number().min(0).max(1)])) as Record<
        Indicator,
        z.ZodNumber
      >,
    ),
    thresholds: z.object({
      low: z.number().min(0).max(100),
      medium: z.number().min(0).max(100),
      high: z.number().min(0).max(100),
    }),
    floorPercentile: z.number().min(0).max(100),
  })
  .superRefine((s, ctx) => {
    const sum = INDICATORS.reduce((acc, i) => acc + s.weights[i], 0);
    if (Math.abs(sum - 1) > 1e-6)
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        message: `Weights must sum to 1 (they sum to ${sum})`,
      });
    if (!(s.thresholds.low > s.thresholds.medium && s.thresholds.medium > s.thresholds.high))
      ctx.addIssue({
        code: "custom",
        path: ["thresholds"],
        message: "Thresholds must decrease: low > medium > high",
      });
  });
export type RiskSettings = z.infer<typeof RiskSettings>;

/**
 * Default weights: political stability and the institutions that protect a contract (rule of law,
 * control of corruption) weigh most for outsourcing; the other three share the rest.
 */
export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  weights: {
    PoliticalStability: 0.3,
    RuleofLaw: 0.2,
    ControlofCorruption: 0.2,
    RegulatoryQuality: 0.1,
    GovernmentEffectiveness: 0.1,
    VoiceandAccountability: 0.1,
  },
  thresholds: { low: 67, medium: 45, high: 25 },
  floorPercentile: 10,
};

/** One dimension's latest percentile rank and its year. */
export interface PercentileInput {
  indicator: Indicator;
  percentile: number | null;
  year: number;
}

/** A derived country risk level with the reasons behind it. */
export interface RiskAssessment {
  level: RiskLevel | null;
  /** Weighted percentile (0–100) over the dimensions with a value; null without data. */
  score: number | null;
  /** Sentences such as "political stability percentile 9 (2019) → high". */
  explanation: string[];
}

const levelOf = (score: number, t: RiskSettings["thresholds"]): RiskLevel =>
  score >= t.low ? "low" : score >= t.medium ? "medium" : score >= t.high ? "high" : "very_high";
const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);
// Figures are truncated, never rounded up, so a shown value never crosses the threshold that
// decided the level (66.96 shows as 66.9 → medium, not 67 → medium; 9.6 shows as 9, below 10).
const fmt = (n: number) => String(Math.floor(n + 1e-9));
const oneDecimal = (n: number) => Math.floor(n * 10 + 1e-9) / 10;

/**
 * Derives the risk level from the six percentiles. Missing dimensions are left out and the other
 * weights re-normalised (the explanation says so); with no dimension at all the level is null.
 */
export function assessRisk(inputs: PercentileInput[], settings: RiskSettings = DEFAULT_RISK_SETTINGS) {
  const present = inputs.filter((i): i is PercentileInput & { percentile: number } => i.percentile !== null);
  const totalWeight = present.reduce((acc, i) => acc + settings.weights[i.indicator], 0);
  if (present.length === 0 || totalWeight <= 0)
    return { level: null, score: null, explanation: ["no governance figures"] } satisfies RiskAssessment;
  const score =
    present.reduce((acc, i) => acc + settings.weights[i.indicator] * i.percentile, 0) / totalWeight;
  let level = levelOf(score, settings.thresholds);
  const years = [...new Set(present.map((i) => i.year))].sort();
  const explanation = [
    `weighted percentile ${oneDecimal(score)} (${years.join(", ")}) → ${LEVEL_WORDS[level]}`,
  ];
  const floored = present.filter((i) => i.percentile < settings.floorPercentile);
  if (floored.length && rank(level) < rank("high")) level = "high";
  for (const i of floored)
    explanation.push(
      `${INDICATOR_LABELS[i.indicator]} percentile ${fmt(i.percentile)} (${i.year}) → ${LEVEL_WORDS[level]}`,
    );
  if (!floored.length) {
    // No floor rule fired: name the two weakest weighted dimensions as the drivers.
    const weakest = present
      .filter((i) => settings.weights[i.indicator] > 0)
      .sort((a, b) => a.percentile - b.percentile)
      .slice(0, 2);
    for (const w of weakest)
      explanation.push(
        `weakest: ${INDICATOR_LABELS[w.indicator]} percentile ${fmt(w.percentile)} (${w.year})`,
      );
  }
  const missing = INDICATORS.filter((ind) => !present.some((p) => p.indicator === ind));
  if (missing.length)
    explanation.push(
      `no figure for ${missing.map((m) => INDICATOR_LABELS[m]).join(", ")}; left out of the weighting`,
    );
  return { level, score: oneDecimal(score), explanation } satisfies RiskAssessment;
}

// ---- API shapes (shared by server, OpenAPI and the web client) ----

const Percent = z.number().nullable();

/** One dimension's figures for one year, with the uncertainty the World Bank gives. */
export const IndicatorFigure = z.object({
  year: z.number().int(),
  estimate: z.number().nullable(),
  percentileRank: Percent,
  stdErr: z.number().nullable(),
  numSources: z.number().int().nullable(),
  /** 90% confidence interval of the percentile rank. */
  interval90: z.object({ lower: Percent, upper: Percent }),
});
export type IndicatorFigure = z.infer<typeof IndicatorFigure>;

/** The derived level with the reasons in words. */
export const RiskAssessmentSchema = z.object({
  level: RiskLevel.nullable(),
  score: z.number().nullable(),
  explanation: z.array(z.string()),
});

/** Latest year's six percentiles of a country. */
export const GovernanceSummary = z.object({
  year: z.number().int().nullable(),
  percentiles: z.record(Indicator, z.number().nullable()),
});

export const COUNTRY_SORTS = [
  "name",
  "-name",
  "code",
  "risk",
  "-risk",
  "partners",
  "-partners",
  "services",
  "-services",
] as const;

/** `GET /api/v1/countries` query. */
export const ListCountriesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.enum(["Africa", "Americas", "Antarctica", "Asia", "Europe", "Oceania"]).optional(),
  riskLevel: RiskLevel.optional(),
  sort: z.enum(COUNTRY_SORTS).default("name"),
});
export type ListCountriesQuery = z.infer<typeof ListCountriesQuery>;

export const CountryListItem = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  timeZones: z.array(z.string()),
  governance: GovernanceSummary,
  risk: RiskAssessmentSchema,
  partnerCount: z.number().int(),
  serviceCount: z.number().int(),
  hasOverride: z.boolean(),
});

export const CountryList = z.object({
  items: z.array(CountryListItem),
  nextCursor: z.null(),
  attribution: z.literal(WGI_ATTRIBUTION),
  /** The latest data year among the figures. */
  year: z.number().int().nullable(),
});

const NullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes("\u0000"), { message: "Must not contain NUL characters" })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** `PUT /api/v1/countries/:code/override`: the organization's own annotation. */
export const CountryOverrideInput = z.object({
  internalRating: NullableText(100),
  sanctioned: z.boolean().default(false),
  sanctionsNote: NullableText(2000),
  travelWarning: NullableText(2000),
  notes: NullableText(5000),
});
export type CountryOverrideInput = z.infer<typeof CountryOverrideInput>;

export const CountryOverride = z.object({
  internalRating: z.string().nullable(),
  sanctioned: z.boolean(),
  sanctionsNote: z.string().nullable(),
  travelWarning: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});

export const DataProtectionContext = z.object({
  status: z.enum(["known", "unknown"]),
  comprehensiveLaw: z.boolean().nullable(),
  law: z.string().nullable(),
  euStatus: z.enum(["eu_eea", "adequate", "partial_adequacy", "not_adequate"]).nullable(),
  note: z.string().nullable(),
  asOf: z.string(),
  sources: z.array(z.string()),
});

export const CountryProfile = CountryListItem.omit({ governance: true }).extend({
  attribution: z.literal(WGI_ATTRIBUTION),
  year: z.number().int().nullable(),
  indicators: z.array(
    z.object({
      indicator: Indicator,
      label: z.string(),
      latest: IndicatorFigure.nullable(),
      history: z.array(IndicatorFigure),
    }),
  ),
  override: CountryOverride.nullable(),
  dataProtection: DataProtectionContext,
  partners: z.array(
    z.object({ id: z.string(), name: z.string(), status: z.string(), via: z.array(z.string()) }),
  ),
});

export const CountryCodeParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: "Not an ISO 3166-1 alpha-2 country code" }),
});

export const IndicatorImportResult = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  years: z.array(z.number().int()),
  countries: z.number().int(),
});
