import { CreateKpi, type KpiDirection, type KpiPeriod, kpiProblems } from "../../../../domain/kpis";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import type { Kpi } from "./queries";

/** The KPI form's values, its conversion to the API body, and its checks before any request. */

export interface Values {
  name: string;
  description: string;
  unit: string;
  direction: KpiDirection;
  target: number | string;
  warningThreshold: number | string;
  breachThreshold: number | string;
  period: KpiPeriod;
  weight: number | string;
  creditEnabled: boolean;
  percentPerBreach: number | string;
  capPercent: number | string;
  monthlyFee: number | string;
}

/** Form values of a KPI being edited, or sensible ones for a new availability KPI. */
export const fromKpi = (k: Kpi | null): Values => ({
  name: k?.name ?? "",
  description: k?.description ?? "",
  unit: k?.unit ?? "%",
  direction: k?.direction ?? "higher_is_better",
  target: k?.target ?? "",
  warningThreshold: k?.warningThreshold ?? "",
  breachThreshold: k?.breachThreshold ?? "",
  period: k?.period ?? "monthly",
  weight: k?.weight ?? 1,
  creditEnabled: Boolean(k?.serviceCredit),
  percentPerBreach: k?.serviceCredit?.percentPerBreach ?? "",
  capPercent: k?.serviceCredit?.capPercent ?? "",
  monthlyFee: k?.serviceCredit?.monthlyFee ?? "",
});

// An empty number field must fail the schema ("Required"), not become 0 silently.
const num = (v: number | string) => (v === "" ? undefined : Number(v));

/** The API body (without the contract, which only a new KPI sends, nor the period on edits). */
export const toBody = (v: Values) => ({
  name: v.name.trim(),
  description: nullIfBlank(v.description),
  unit: v.unit.trim(),
  direction: v.direction,
  target: num(v.target),
  warningThreshold: num(v.warningThreshold),
  breachThreshold: num(v.breachThreshold),
  weight: num(v.weight),
  serviceCredit: v.creditEnabled
    ? {
        percentPerBreach: num(v.percentPerBreach),
        capPercent: num(v.capPercent),
        monthlyFee: num(v.monthlyFee),
      }
    : null,
});

/** The fields of an edit that differ from the KPI as loaded, so a PATCH audits only those. */
export function changedFields(kpi: Kpi, v: Values) {
  const before: Record<string, unknown> = toBody(fromKpi(kpi));
  return Object.fromEntries(
    Object.entries(toBody(v)).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])),
  );
}

/** Cross-field problems (threshold order, credit cap) keyed by form field; empty while incomplete. */
export function liveProblems(v: Values): Record<string, string> {
  const b = toBody(v);
  if (b.target === undefined || b.warningThreshold === undefined || b.breachThreshold === undefined)
    return {};
  const sc = b.serviceCredit;
  const credit =
    sc && sc.percentPerBreach !== undefined && sc.capPercent !== undefined
      ? { percentPerBreach: sc.percentPerBreach, capPercent: sc.capPercent, monthlyFee: sc.monthlyFee ?? 0 }
      : null;
  const problems = kpiProblems({
    direction: b.direction,
    target: b.target,
    warningThreshold: b.warningThreshold,
    breachThreshold: b.breachThreshold,
    serviceCredit: credit,
  });
  return Object.fromEntries(
    problems.map((p) => [p.path.replace(/^body\./, "").replace("serviceCredit.", ""), p.message]),
  );
}

/** Form errors of the shared schema and its cross-field rules, keyed by the form's fields. */
export function validate(v: Values, contractId: string) {
  const raw = zodErrors(CreateKpi, { ...toBody(v), contractId, period: v.period });
  const errors: Record<string, string> = {};
  // The credit's fields are flat in the form: "serviceCredit.capPercent" → "capPercent".
  for (const [k, m] of Object.entries(raw)) errors[k.replace(/^serviceCredit\./, "")] ??= m;
  for (const [k, m] of Object.entries(liveProblems(v))) errors[k] ??= m;
  return errors;
}

/** Server field paths ("serviceCredit.capPercent") onto the form's flat fields. */
export const collapsePath = (path: string) => path.replace(/^serviceCredit\./, "");
