import type { Classification } from "../documents.js";
import type { KpiPeriod, MeasurementStatus } from "../kpis.js";
import type { Criticality } from "../partners.js";

/*
 * The facts the signal rules read: a plain in-memory snapshot, loaded set-based by
 * `server/modules/signals/signals.facts.ts` for a scope (some partners or all of them). Rules are
 * pure functions of this snapshot and the organization's bounds, so they are unit-tested without
 * a database.
 */

/** Local working hours as stored on a site (ISO weekdays, 1 = Monday). */
export interface WorkingHoursFact {
  start: string;
  end: string;
  days: number[];
}

/** A partner site or one of our own sites. */
export interface SiteFacts {
  id: string;
  name: string;
  country: string;
  city: string;
  timeZone: string;
  workingHours: WorkingHoursFact;
}

/** A service we outsource to the partner. */
export interface ServiceFacts {
  id: string;
  name: string;
  criticality: Criticality;
  dataCategories: string[];
  /** Countries where the service's data is stored (ISO alpha-2). */
  dataLocations: string[];
}

/** A fourth party working for the partner; `serviceIds` empty means all of the partner's services. */
export interface SubcontractorLinkFacts {
  subcontractorId: string;
  subcontractorName: string;
  serviceIds: string[];
}

/** A draft or active contract with the partner, as the contract rules read it. */
export interface ContractFacts {
  id: string;
  title: string;
  status: string;
  /** The partner's services it covers. */
  serviceIds: string[];
  auditRights: boolean;
  dataProtection: boolean;
  hasExitPlan: boolean;
}

/** One evaluated measurement of a KPI: its period and its status (thresholds and SPC). */
export interface KpiPointFacts {
  periodStart: string;
  status: MeasurementStatus;
}

/** A KPI of the partner (on a draft or active contract) with its most recent measurements. */
export interface KpiFacts {
  id: string;
  name: string;
  period: KpiPeriod;
  contractId: string;
  contractTitle: string;
  /**
   * The last (up to 6) measurements, oldest first, each judged against the thresholds and by
   * statistical process control over a longer history (so an anomaly has a baseline).
   */
  recent: KpiPointFacts[];
}

/** An NDA with the partner (any status: the rule judges it on `today` and names a lapsed one). */
export interface NdaFacts {
  id: string;
  type: string;
  effectiveDate: string;
  /** Null: the NDA does not expire. */
  expiryDate: string | null;
}

/**
 * A live share of one of our documents with the partner (not revoked, not yet expired when the
 * facts were loaded): what the partner can fetch today. Expired shares drop out by themselves, so
 * the nightly run resolves what they raised.
 */
export interface DocumentShareFacts {
  shareId: string;
  documentId: string;
  title: string;
  classification: Classification;
  /** When the share ends (ISO 8601 UTC). */
  expiresAt: string;
}

/** One partner with everything partner-level rules read. */
export interface PartnerFacts {
  id: string;
  name: string;
  status: string;
  /** Headquarters country. */
  country: string;
  sites: SiteFacts[];
  services: ServiceFacts[];
  subcontractors: SubcontractorLinkFacts[];
  /** Risks of the partner that are not closed and have a next review date. */
  risksWithReviewDate: number;
  /** Risks of the partner that are not closed. */
  openRisks: number;
  /** Its draft and active contracts (rules count only the active ones as cover). */
  contracts: ContractFacts[];
  /** The KPIs of those contracts. */
  kpis: KpiFacts[];
  /** Its NDAs, oldest effective date first. */
  ndas: NdaFacts[];
  /** Live shares of our documents with it, by document title. */
  documentShares: DocumentShareFacts[];
}

/** A World Bank WGI figure: the latest year of one indicator for one country. */
export interface IndicatorFact {
  percentile: number;
  year: number;
  /** Where the row came from, e.g. "bundled wgi-2015-2019.csv". */
  source: string;
}

/** How the EU treats transfers to a country; `unknown` when our table has no entry. */
export type DataProtectionStatus = "eu_eea" | "adequate" | "partial_adequacy" | "not_adequate" | "unknown";

/** What we know about one country. */
export interface CountryFacts {
  governance: {
    politicalStability?: IndicatorFact;
    ruleOfLaw?: IndicatorFact;
    regulatoryQuality?: IndicatorFact;
  };
  dataProtection: { status: DataProtectionStatus; law: string | null; asOf: string };
}

/** A carrier of services for concentration: a partner (key = id) or a country (key = ISO code). */
export interface CarrierFacts {
  key: string;
  name: string;
  /** Services in scope it carries (a service split across data locations counts in each). */
  count: number;
  /** Its weight: 1 per service, split equally across a service's data locations. */
  weight: number;
}

/** Organization-wide concentration of critical and important services (always complete). */
export interface ConcentrationFacts {
  criticality: Criticality[];
  byPartner: CarrierFacts[];
  byCountry: CarrierFacts[];
}

/** The snapshot every rule evaluates. */
export interface SignalFacts {
  /** UTC date the evaluation runs on (YYYY-MM-DD); time-dependent rules start from it. */
  today: string;
  /** The partners in scope (exited partners are left out: they no longer serve us). */
  partners: PartnerFacts[];
  /** Every country a partner in scope works in or stores data in, by ISO code. */
  countries: Record<string, CountryFacts>;
  /** Our own sites. */
  organizationSites: SiteFacts[];
  concentration: ConcentrationFacts;
}
