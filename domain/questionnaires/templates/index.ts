import type { BundledTemplate } from "../../questionnaires.js";
import { businessContinuity } from "./business-continuity.js";
import { financialHealth } from "./financial-health.js";
import { informationSecurity } from "./information-security.js";
import { ipProtection } from "./ip-protection.js";
import { labourRegulatory } from "./labour-regulatory.js";
import { privacyDataProtection } from "./privacy-data-protection.js";
import { referencesTrackRecord } from "./references-track-record.js";
import { scalabilityCapacity } from "./scalability-capacity.js";

/**
 * The due-diligence templates every organization can start from (issue 6), written for this
 * product. Order is the order a typical due diligence runs in: security and privacy first, the
 * partner's staying power next, relationship questions last.
 */
export const BUNDLED_TEMPLATES: readonly BundledTemplate[] = [
  informationSecurity,
  privacyDataProtection,
  businessContinuity,
  financialHealth,
  scalabilityCapacity,
  ipProtection,
  labourRegulatory,
  referencesTrackRecord,
];
