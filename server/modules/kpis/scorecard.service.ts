import { and, asc, eq, sql } from "drizzle-orm";
import { addMonths } from "../../../domain/contract-terms.js";
import { overallScore, scorecardLine } from "../../../domain/kpi-scorecard.js";
import { evaluateSeries, periodRange } from "../../../domain/kpi-series.js";
import { SPC_DEFAULTS } from "../../../domain/kpi-spc.js";
import type { KpiDirection, KpiPeriod, Scorecard } from "../../../domain/kpis.js";
import { addDays, todayUtc } from "../../../domain/time.js";
import type { Actor } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { invalid, notFound } from "../../platform/errors.js";
import { contracts } from "../contracts/contracts.tables.js";
import { partners } from "../partners/partners.tables.js";
import { wholeHistory } from "./kpis.history.js";
import { thresholdsOf } from "./kpis.present.js";
import { kpis } from "./kpis.tables.js";

/** The default range: the twelve months up to `to` (inclusive), e.g. 2025-11-29 … 2026-11-28. */
export const defaultFrom = (to: string) => addDays(addMonths(to, -12), 1);

/**
 * A partner's scorecard between `from` and `to`: every KPI of its contracts, judged against its
 * whole history (so the range's first points have their SPC baseline) and summarized over the
 * range: attainment, breaches, trend, service credits; the weighted overall score; the credits
 * due summed per currency.
 */
export async function partnerScorecard(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  range: { from?: string; to?: string },
): Promise<Scorecard> {
  const to = range.to ?? todayUtc();
  const from = range.from ?? defaultFrom(to);
  if (to < from)
    throw invalid("`to` must not be before `from`", [{ path: "query.to", message: "Before from" }]);
  const { db } = ctx.database;
  const [partner] = await db
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.orgId, actor.orgId)));
  if (!partner) throw notFound("Partner");
  const rows = await db
    .select({
      kpi: kpis,
      contract: { id: contracts.id, title: contracts.title, currency: contracts.currency },
    })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .where(and(eq(kpis.orgId, actor.orgId), eq(kpis.partnerId, partnerId)))
    .orderBy(asc(sql`lower(${contracts.title})`), asc(sql`lower(${kpis.name})`), asc(kpis.id));
  const history = await wholeHistory(
    db,
    rows.map((r) => r.kpi.id),
  );
  const lines = rows.map(({ kpi, contract }) => {
    // The history is ordered by period: [from, to] is one slice, and only it is materialised.
    const all = history.get(kpi.id) ?? [];
    const points = evaluateSeries(thresholdsOf(kpi), all, SPC_DEFAULTS, periodRange(all, from, to));
    return scorecardLine(
      {
        id: kpi.id,
        name: kpi.name,
        unit: kpi.unit,
        direction: kpi.direction as KpiDirection,
        target: kpi.target,
        warningThreshold: kpi.warningThreshold,
        breachThreshold: kpi.breachThreshold,
        period: kpi.period as KpiPeriod,
        weight: kpi.weight,
        serviceCredit: kpi.serviceCredit ?? null,
        currency: contract.currency,
        contract: { id: contract.id, title: contract.title },
      },
      points,
    );
  });
  const { score, formula } = overallScore(lines);
  const due = new Map<string | null, number>();
  for (const l of lines)
    if (l.serviceCredit)
      due.set(l.serviceCredit.currency, (due.get(l.serviceCredit.currency) ?? 0) + l.serviceCredit.amount);
  return {
    partner,
    from,
    to,
    kpis: lines,
    score,
    formula,
    serviceCreditsDue: [...due]
      .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
      .sort((a, b) => (a.currency ?? "").localeCompare(b.currency ?? "")),
  };
}
