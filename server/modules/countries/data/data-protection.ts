/**
 * Curated data-protection context for the countries most often met in outsourcing. Deliberately
 * small and dated: laws change, so the date and the sources are shown with every entry, and a
 * country not listed is "unknown" rather than guessed.
 */
export const DATA_PROTECTION_AS_OF = "2026-11";

/** Where the entries come from. */
export const DATA_PROTECTION_SOURCES = [
  "European Commission: Adequacy decisions (commission.europa.eu, 'Adequacy decisions: how the EU determines if a non-EU country has an adequate level of data protection')",
  "Regulation (EU) 2016/679 (GDPR) and the EEA Agreement (Iceland, Liechtenstein, Norway)",
  "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
  "The national laws named in each entry",
] as const;

/** How the EU treats transfers to the country. */
export type EuStatus = "eu_eea" | "adequate" | "partial_adequacy" | "not_adequate";

export interface DataProtectionEntry {
  /** Whether the country has a comprehensive (general, cross-sector) data-protection law. */
  comprehensiveLaw: boolean;
  /** The law's name (and year). */
  law: string | null;
  euStatus: EuStatus;
  note?: string;
}

const gdpr = (): DataProtectionEntry => ({
  comprehensiveLaw: true,
  law: "Regulation (EU) 2016/679 (GDPR)",
  euStatus: "eu_eea",
});
const EU_EEA = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "IS",
  "LI",
  "NO",
];

const adequate = (law: string, note?: string): DataProtectionEntry => ({
  comprehensiveLaw: true,
  law,
  euStatus: "adequate",
  ...(note ? { note } : {}),
});
const lawOnly = (law: string, note?: string): DataProtectionEntry => ({
  comprehensiveLaw: true,
  law,
  euStatus: "not_adequate",
  ...(note ? { note } : {}),
});

/** The table, by ISO 3166-1 alpha-2 code. */
export const DATA_PROTECTION: Record<string, DataProtectionEntry> = {
  ...Object.fromEntries(EU_EEA.map((c) => [c, gdpr()])),
  AD: adequate("Qualified Law 29/2021 on the protection of personal data"),
  AR: adequate("Personal Data Protection Law No. 25.326 (2000)"),
  CA: adequate(
    "Personal Information Protection and Electronic Documents Act (PIPEDA, 2000)",
    "EU adequacy covers commercial organisations subject to PIPEDA only",
  ),
  FO: adequate("Act on the Processing of Personal Data (2020)"),
  GG: adequate("Data Protection (Bailiwick of Guernsey) Law, 2017"),
  IL: adequate("Protection of Privacy Law, 5741-1981"),
  IM: adequate("Data Protection Act 2018 (Isle of Man)"),
  JP: adequate("Act on the Protection of Personal Information (APPI)"),
  JE: adequate("Data Protection (Jersey) Law 2018"),
  NZ: adequate("Privacy Act 2020"),
  KR: adequate("Personal Information Protection Act (PIPA)"),
  CH: adequate("Federal Act on Data Protection (revised FADP, in force 2023)"),
  GB: adequate("UK GDPR and Data Protection Act 2018"),
  UY: adequate("Law No. 18.331 on the Protection of Personal Data (2008)"),
  US: {
    comprehensiveLaw: false,
    law: null,
    euStatus: "partial_adequacy",
    note: "No comprehensive federal law (sectoral and state laws, e.g. CCPA/CPRA). EU adequacy (EU-US Data Privacy Framework, 2023) covers only organisations certified under the framework",
  },
  IN: lawOnly("Digital Personal Data Protection Act, 2023 (DPDP Act)", "Rules phased in from 2025"),
  BR: lawOnly("Lei Geral de Proteção de Dados (LGPD), Law No. 13.709/2018"),
  CN: lawOnly("Personal Information Protection Law (PIPL, 2021)"),
  ZA: lawOnly("Protection of Personal Information Act, 2013 (POPIA)"),
  PH: lawOnly("Data Privacy Act of 2012 (Republic Act No. 10173)"),
  KE: lawOnly("Data Protection Act, 2019"),
  VN: lawOnly(
    "Law on Personal Data Protection No. 91/2025/QH15 (in force 2026-01-01)",
    "Succeeds Decree 13/2023/ND-CP on Personal Data Protection (PDPD)",
  ),
  EG: lawOnly("Personal Data Protection Law No. 151 of 2020"),
  MX: lawOnly("Federal Law on the Protection of Personal Data Held by Private Parties (LFPDPPP)"),
  SG: lawOnly("Personal Data Protection Act 2012 (PDPA)"),
  TH: lawOnly("Personal Data Protection Act B.E. 2562 (2019)"),
  MY: lawOnly("Personal Data Protection Act 2010"),
  ID: lawOnly("Law No. 27 of 2022 on Personal Data Protection"),
  TR: lawOnly("Law No. 6698 on the Protection of Personal Data (KVKK, 2016)"),
  NG: lawOnly("Nigeria Data Protection Act, 2023"),
  AU: lawOnly("Privacy Act 1988"),
  UA: lawOnly("Law of Ukraine on Personal Data Protection (2010)"),
  RS: lawOnly("Law on Personal Data Protection (2018)"),
};
