import { DEFAULT_RISK_REGISTER_SETTINGS } from "../../risk-settings.js";
import type {
  ContractFacts,
  CountryFacts,
  IndicatorFact,
  PartnerFacts,
  ServiceFacts,
  SignalFacts,
  SiteFacts,
} from "../facts.js";

/** Builders of fact snapshots for the rules' unit tests. */

export const BOUNDS = DEFAULT_RISK_REGISTER_SETTINGS.signals;

let n = 0;
const id = (prefix: string) => `${prefix}-${++n}`;

export const service = (o: Partial<ServiceFacts> = {}): ServiceFacts => ({
  id: id("svc"),
  name: "Payroll",
  criticality: "critical",
  dataCategories: [],
  dataLocations: [],
  ...o,
});

export const site = (o: Partial<SiteFacts> = {}): SiteFacts => ({
  id: id("site"),
  name: "Office",
  country: "DE",
  city: "Berlin",
  timeZone: "Europe/Berlin",
  workingHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] },
  ...o,
});

export const partner = (o: Partial<PartnerFacts> = {}): PartnerFacts => ({
  id: id("partner"),
  name: "Acme Ltd",
  status: "active",
  country: "DE",
  sites: [],
  services: [],
  subcontractors: [],
  risksWithReviewDate: 0,
  openRisks: 0,
  contracts: [],
  kpis: [],
  ndas: [],
  documentShares: [],
  ...o,
});

export const contract = (o: Partial<ContractFacts> = {}): ContractFacts => ({
  id: id("contract"),
  title: "Master services agreement",
  status: "active",
  serviceIds: [],
  auditRights: true,
  dataProtection: true,
  hasExitPlan: true,
  ...o,
});

export const wgi = (percentile: number, year = 2019): IndicatorFact => ({
  percentile,
  year,
  source: "bundled wgi-2015-2019.csv",
});

export const country = (o: Partial<CountryFacts> = {}): CountryFacts => ({
  governance: {},
  dataProtection: { status: "eu_eea", law: "GDPR", asOf: "2026-11" },
  ...o,
});

export const facts = (o: Partial<SignalFacts> = {}): SignalFacts => ({
  today: "2026-11-30",
  partners: [],
  countries: { DE: country() },
  organizationSites: [],
  concentration: { criticality: ["critical", "important"], byPartner: [], byCountry: [] },
  ...o,
});
