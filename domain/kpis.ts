import { z } from "zod";
import { Id, IsoDate, OptionalText, PageQuery, PlainString, Text } from "./common.js";

/**
 * The KPI and measurement API vocabulary: one schema per endpoint body, query and response. The
 * statistics (threshold status, statistical process control, attainment, service credits) live in
 * `kpi-status.ts`, `kpi-spc.ts` and `kpi-scorecard.ts`.
 */

export const KPI_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export const KpiDirection = z.enum(KPI_DIRECTIONS);
export type KpiDirection = z.infer<typeof KpiDirection>;

export const KPI_PERIODS = ["daily", "weekly", "monthly"] as const;
export const KpiPeriod = z.enum(KPI_PERIODS);
export type KpiPeriod = z.infer<typeof KpiPeriod>;

/** Against the thresholds only. */
export const THRESHOLD_STATUSES = ["ok", "warning", "breach"] as const;
export type ThresholdStatus = (typeof THRESHOLD_STATUSES)[number];

/**
 * A measurement's status: the threshold status, except that a point the thresholds call `ok` but
 * statistical process control flags as drifting in the adverse direction is an `anomaly`.
 */
export const MEASUREMENT_STATUSES = ["ok", "warning", "breach", "anomaly"] as const;
export const MeasurementStatus = z.enum(MEASUREMENT_STATUSES);
export type MeasurementStatus = z.infer<typeof MeasurementStatus>;

/** A finite number (JSON has no NaN/Infinity, CSV might). */
const Finite = z.number().refine(Number.isFinite, { message: "Must be a finite number" });

/**
 * Service credit owed per breach: `percentPerBreach` % of `monthlyFee` for each breached period in
 * a calendar month, at most `capPercent` % of the fee per month.
 */
export const ServiceCredit = z.object({
  percentPerBreach: z.number().gt(0).max(100),
  capPercent: z.number().gt(0).max(100),
  /** The monthly fee the percentages apply to, in the contract's currency. */
  monthlyFee: z.number().min(0).max(1e12),
});
export type ServiceCredit = z.infer<typeof ServiceCredit>;

/** The thresholds a KPI is judged by (direction decides which side is bad). */
export interface KpiThresholds {
  direction: KpiDirection;
  target: number;
  warningThreshold: number;
  breachThreshold: number;
}

/**
 * Cross-field rules: for `higher_is_better` breach ≤ warning ≤ target, for `lower_is_better`
 * target ≤ warning ≤ breach; the credit cap is at least one breach's credit. Empty when valid.
 */
export function kpiProblems(
  k: KpiThresholds & { serviceCredit?: ServiceCredit | null },
): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const higher = k.direction === "higher_is_better";
  const ordered = higher
    ? k.breachThreshold <= k.warningThreshold && k.warningThreshold <= k.target
    : k.target <= k.warningThreshold && k.warningThreshold <= k.breachThreshold;
  if (!ordered)
    out.push({
      path: "body.warningThreshold",
      message: higher
        ? "Higher is better: the breach threshold must be ≤ the warning threshold ≤ the target"
        : "Lower is better: the target must be ≤ the warning threshold ≤ the breach threshold",
    });
  const sc = k.serviceCredit;
  if (sc && sc.capPercent < sc.percentPerBreach)
    out.push({
      path: "body.serviceCredit.capPercent",
      message: "The cap must be at least the credit of one breach",
    });
  return out;
}

const Ref = z.object({ id: Id, name: z.string() });

/** The latest measurement of a KPI, evaluated. */
export const LatestMeasurement = z.object({
  periodStart: z.string(),
  value: z.number(),
  status: MeasurementStatus,
  reason: z.string().nullable(),
});

/** A KPI as listed and shown. */
export const Kpi = z.object({
  id: Id,
  contract: z.object({ id: Id, title: z.string() }),
  partner: Ref,
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  direction: KpiDirection,
  target: z.number(),
  warningThreshold: z.number(),
  breachThreshold: z.number(),
  period: KpiPeriod,
  /** Weight in the partner's overall performance score (1–10). */
  weight: z.number().int(),
  serviceCredit: ServiceCredit.nullable(),
  /** The contract's currency, for service credit amounts. */
  currency: z.string().nullable(),
  measurementCount: z.number().int(),
  latest: LatestMeasurement.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Kpi = z.infer<typeof Kpi>;

const kpiFields = {
  contractId: Id,
  name: Text(200),
  description: OptionalText(2000),
  unit: Text(40),
  direction: KpiDirection,
  target: Finite,
  warningThreshold: Finite,
  breachThreshold: Finite,
  period: KpiPeriod,
  weight: z.number().int().min(1).max(10),
  serviceCredit: ServiceCredit.nullable().optional(),
};

/** Body of `POST /api/v1/kpis`. */
export const CreateKpi = z.object({ ...kpiFields, weight: kpiFields.weight.default(1) });
export type CreateKpi = z.infer<typeof CreateKpi>;

/**
 * Body of `PATCH /api/v1/kpis/:id`: any subset. The contract and the period cannot change (the
 * stored measurements are aligned to the period).
 */
export const UpdateKpi = z
  .object(kpiFields)
  .omit({ contractId: true, period: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdateKpi = z.infer<typeof UpdateKpi>;

export const KPI_SORTS = ["name", "-name", "createdAt", "-createdAt"] as const;

/** Query of `GET /api/v1/kpis`. */
export const ListKpisQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  contractId: Id.optional(),
  partnerId: Id.optional(),
  /** KPIs whose latest measurement has this status. */
  status: MeasurementStatus.optional(),
  sort: z.enum(KPI_SORTS).default("name"),
});
export type ListKpisQuery = z.infer<typeof ListKpisQuery>;

// ── Measurements ──────────────────────────────────────────────────────────────────────────────

/**
 * Body of `POST /api/v1/kpis/:id/measurements`. `periodStart` must start a period of the KPI
 * (any day for daily, a Monday for weekly, the 1st for monthly) and not lie in the future.
 */
export const MeasurementInput = z.object({
  periodStart: IsoDate,
  value: Finite,
  note: OptionalText(1000),
});
export type MeasurementInput = z.infer<typeof MeasurementInput>;

/** One row of `POST /api/v1/measurements/bulk` (JSON array element or CSV row). */
export const BulkMeasurementRow = MeasurementInput.extend({ kpiId: Id });
export type BulkMeasurementRow = z.infer<typeof BulkMeasurementRow>;

/** At most this many rows per bulk request (larger sets: several requests). */
export const BULK_MAX_ROWS = 100_000;

/** Query of the bulk endpoint: `dryRun=true` validates and reports without writing. */
export const BulkQuery = z.object({ dryRun: z.enum(["true", "false"]).default("false") });

/** A measurement as stored and evaluated (answer of the single-measurement endpoint). */
export const Measurement = z.object({
  kpiId: Id,
  periodStart: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  status: MeasurementStatus,
  reason: z.string().nullable(),
  /** `created`, `updated` (value or note changed) or `unchanged` (an idempotent re-send). */
  outcome: z.enum(["created", "updated", "unchanged"]),
});
export type Measurement = z.infer<typeof Measurement>;

/** Answer of a successful (or dry-run) bulk request. */
export const BulkResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Per KPI touched: how many rows, and how many of them breach or are anomalies. */
  kpis: z.array(
    z.object({
      id: Id,
      name: z.string(),
      rows: z.number().int(),
      breaches: z.number().int(),
      anomalies: z.number().int(),
    }),
  ),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** `{ id, periodStart }` path parameters (deleting one measurement). */
export const MeasurementParams = z.object({ id: Id, periodStart: IsoDate });

// ── Series and scorecard ──────────────────────────────────────────────────────────────────────

/** Query of `GET /api/v1/kpis/:id/series` (both optional; default: the whole history). */
export const SeriesQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

/** One evaluated point: the value, its status with the reason, and the control limits there. */
export const SeriesPoint = z.object({
  periodStart: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  status: MeasurementStatus,
  /** Why the status (threshold crossed, or the SPC rule that fired). */
  reason: z.string().nullable(),
  thresholdStatus: z.enum(THRESHOLD_STATUSES),
  /** The SPC rule that fired in the adverse direction, if any (also on warning/breach points). */
  spcRule: z.string().nullable(),
  /** Baseline mean and control limits at this point; null while the history is too short. */
  center: z.number().nullable(),
  lowerControlLimit: z.number().nullable(),
  upperControlLimit: z.number().nullable(),
  ewma: z.number().nullable(),
  ewmaLowerLimit: z.number().nullable(),
  ewmaUpperLimit: z.number().nullable(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

/** Answer of `GET /api/v1/kpis/:id/series`. */
export const KpiSeries = z.object({
  kpi: Kpi,
  from: z.string().nullable(),
  to: z.string().nullable(),
  points: z.array(SeriesPoint),
  /** The SPC method in words (parameters included), shown under the chart. */
  method: z.string(),
  counts: z.object({
    ok: z.number().int(),
    warning: z.number().int(),
    breach: z.number().int(),
    anomaly: z.number().int(),
  }),
});
export type KpiSeries = z.infer<typeof KpiSeries>;

/** Query of `GET /api/v1/partners/:id/scorecard` (default: the last 12 months to today). */
export const ScorecardQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

export const TRENDS = ["improving", "stable", "worsening", "insufficient_data"] as const;

/** One KPI's line of a partner scorecard. */
export const ScorecardKpi = z.object({
  kpi: z.object({
    id: Id,
    name: z.string(),
    unit: z.string(),
    direction: KpiDirection,
    target: z.number(),
    period: KpiPeriod,
    weight: z.number().int(),
  }),
  contract: z.object({ id: Id, title: z.string() }),
  measured: z.number().int(),
  /** Share of measured periods meeting the target, in % (null without measurements). */
  attainment: z.number().nullable(),
  breaches: z.number().int(),
  warnings: z.number().int(),
  anomalies: z.number().int(),
  trend: z.enum(TRENDS),
  /** Least-squares slope per period (in the KPI's unit), explained. */
  trendExplanation: z.string(),
  latest: LatestMeasurement.nullable(),
  serviceCredit: z
    .object({
      amount: z.number(),
      currency: z.string().nullable(),
      explanation: z.string(),
    })
    .nullable(),
});
export type ScorecardKpi = z.infer<typeof ScorecardKpi>;

/** Answer of `GET /api/v1/partners/:id/scorecard`. */
export const Scorecard = z.object({
  partner: Ref,
  from: z.string(),
  to: z.string(),
  kpis: z.array(ScorecardKpi),
  /** Weighted mean attainment (0–100); null when no KPI has measurements in the range. */
  score: z.number().nullable(),
  /** The arithmetic behind `score`, e.g. "(98.0 × 2 + 75.0 × 1) / 3 = 90.3". */
  formula: z.string(),
  serviceCreditsDue: z.array(z.object({ currency: z.string().nullable(), amount: z.number() })),
});
export type Scorecard = z.infer<typeof Scorecard>;
