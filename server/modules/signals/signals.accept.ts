import { and, eq } from "drizzle-orm";
import type { AcceptSignal } from "../../../domain/signals/api.js";
import type { Actor } from "../../platform/access.js";
import type { Tx } from "../../platform/db/index.js";
import { conflict } from "../../platform/errors.js";
import { assertStaffUser } from "../risks/risks.checks.js";
import { insertRisk } from "../risks/risks.service.js";
import { riskCategories, type riskSignals } from "../risks/risks.tables.js";

/**
 * Inserts the risk a signal is accepted into, with its `risk.create` audit event, in the caller's
 * transaction: title (or the given one), description = the signal's explanation, the category
 * with the rule's key in the organization, the signal's partner and service, inherent = residual =
 * the signal's likelihood and impact (no controls yet), treatment `mitigate` unless given, status
 * open, linked back through `signal_id`.
 */
export async function insertRiskFromSignal(
  tx: Tx,
  actor: Actor,
  signal: typeof riskSignals.$inferSelect,
  input: AcceptSignal,
): Promise<string> {
  await assertStaffUser(tx, actor.orgId, input.ownerId, "body.ownerId");
  const [category] = await tx
    .select({ id: riskCategories.id })
    .from(riskCategories)
    .where(and(eq(riskCategories.orgId, actor.orgId), eq(riskCategories.key, signal.categoryKey)));
  if (!category) throw conflict(`The organization has no risk category '${signal.categoryKey}'`);
  const r = await insertRisk(tx, actor, {
    title: input.title ?? signal.title,
    description: signal.explanation,
    categoryId: category.id,
    partnerId: signal.partnerId,
    serviceId: signal.serviceId,
    ownerId: input.ownerId ?? null,
    inherentLikelihood: signal.likelihood,
    inherentImpact: signal.impact,
    residualLikelihood: signal.likelihood,
    residualImpact: signal.impact,
    treatment: input.treatment ?? "mitigate",
    status: "open",
    signalId: signal.id,
  });
  return r.id;
}
