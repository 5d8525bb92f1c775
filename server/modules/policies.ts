import { type Actor, abilities, type Rule } from "../platform/access.js";
import { apiTokenPolicy } from "./api-tokens/api-tokens.policy.js";
import { assessmentPolicy, invitationPolicy, portalPolicy } from "./assessments/assessments.policy.js";
import { auditPolicy } from "./audit/audit.policy.js";
import { concentrationPolicy } from "./concentration/concentration.policy.js";
import { contractPolicy, obligationPolicy } from "./contracts/contracts.policy.js";
import { countryPolicy } from "./countries/countries.policy.js";
import { documentPolicy } from "./documents/documents.policy.js";
import { kpiPolicy, measurementPolicy } from "./kpis/kpis.policy.js";
import { ndaPolicy } from "./ndas/ndas.policy.js";
import { notificationPolicy, webhookPolicy } from "./notifications/notifications.policy.js";
import { organizationSitePolicy } from "./organizations/sites.policy.js";
import { overlapPolicy } from "./overlap/overlap.policy.js";
import { partnerPolicy } from "./partners/partners.policy.js";
import { questionnaireTemplatePolicy } from "./questionnaires/questionnaires.policy.js";
import {
  controlPolicy,
  riskCategoryPolicy,
  riskPolicy,
  riskSettingsPolicy,
  riskTaskPolicy,
} from "./risks/risks.policy.js";
import { signalPolicy } from "./signals/signals.policy.js";
import { userPolicy } from "./users/users.policy.js";

/** Every policy by resource name; `GET /me` sends the evaluated abilities to the web app. */
export const POLICIES: Record<string, Record<string, Rule>> = {
  partner: partnerPolicy,
  organizationSite: organizationSitePolicy,
  overlap: overlapPolicy,
  user: userPolicy,
  apiToken: apiTokenPolicy,
  audit: auditPolicy,
  country: countryPolicy,
  concentration: concentrationPolicy,
  risk: riskPolicy,
  riskTask: riskTaskPolicy,
  control: controlPolicy,
  riskCategory: riskCategoryPolicy,
  riskSettings: riskSettingsPolicy,
  riskSignal: signalPolicy,
  contract: contractPolicy,
  obligation: obligationPolicy,
  nda: ndaPolicy,
  document: documentPolicy,
  kpi: kpiPolicy,
  measurement: measurementPolicy,
  notification: notificationPolicy,
  webhook: webhookPolicy,
  questionnaireTemplate: questionnaireTemplatePolicy,
  assessment: assessmentPolicy,
  portal: portalPolicy,
  invitation: invitationPolicy,
};

/** The actor's abilities on every resource. */
export function allAbilities(actor: Actor): Record<string, Record<string, boolean>> {
  return Object.fromEntries(
    Object.entries(POLICIES).map(([name, policy]) => [name, abilities(policy, actor)]),
  );
}
