import { z } from "zod";
import { CountryCode, Id, OptionalText, PageQuery, PlainString, Text } from "./common.js";
import { isValidLei } from "./lei.js";
import { PartnerStatus } from "./lifecycle.js";

export const PARTNER_CATEGORIES = [
  "software_development",
  "it_infrastructure",
  "bpo_customer_service",
  "manufacturing",
  "logistics",
  "professional_services",
  "cloud_saas",
  "other",
] as const;
export const PartnerCategory = z.enum(PARTNER_CATEGORIES);
export type PartnerCategory = z.infer<typeof PartnerCategory>;

export const CATEGORY_LABELS: Record<PartnerCategory, string> = {
  software_development: "Software development",
  it_infrastructure: "IT infrastructure",
  bpo_customer_service: "BPO / customer service",
  manufacturing: "Manufacturing",
  logistics: "Logistics",
  professional_services: "Professional services",
  cloud_saas: "Cloud / SaaS",
  other: "Other",
};

export const CRITICALITIES = ["critical", "important", "standard"] as const;
export const Criticality = z.enum(CRITICALITIES);
export type Criticality = z.infer<typeof Criticality>;

export const Lei = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidLei, { message: "Not a valid LEI (ISO 17442: 20 characters with MOD 97-10 check digits)" });

/** Other registration ids (VAT, DUNS, company number …): a scheme and a value. */
export const RegistrationId = z.object({ scheme: Text(40), value: Text(80) });

/** True unless `url` carries a user name or password (`https://user:pw@host`); unparsable URLs are left to `z.url`. */
function withoutCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return !u.username && !u.password;
  } catch {
    return true;
  }
}

/** Accepts `example.com` (made `https://example.com`) or an http(s) URL of a public domain name. */
const Website = PlainString()
  .trim()
  .max(300)
  // Another scheme must be refused, not prefixed: "ftp://x" would otherwise become "https://ftp://x".
  .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^https?:\/\//i.test(v), {
    message: "Use an http or https address",
  })
  .transform((v) => (v === "" ? null : /^https?:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(
    z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain })
      .refine(withoutCredentials, { message: "A website must not carry credentials" })
      .nullable(),
  )
  .nullable()
  .optional();

const Tags = z
  .array(PlainString().trim().toLowerCase().min(1).max(40))
  .max(20)
  .transform((tags) => [...new Set(tags)]);

const partnerFields = {
  name: Text(200),
  legalName: OptionalText(300),
  lei: Lei.nullable().optional(),
  registrationIds: z.array(RegistrationId).max(10).optional(),
  country: CountryCode,
  website: Website,
  category: PartnerCategory,
  description: OptionalText(5000),
  tags: Tags.optional(),
  ownerId: Id.nullable().optional(),
};

/** Body of `POST /api/v1/partners`. */
export const CreatePartner = z.object({ ...partnerFields, status: PartnerStatus.default("identified") });
export type CreatePartner = z.infer<typeof CreatePartner>;

/** Body of `PATCH /api/v1/partners/:id`: any subset; a status change must follow the lifecycle. */
export const UpdatePartner = z
  .object({ ...partnerFields, status: PartnerStatus })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export type UpdatePartner = z.infer<typeof UpdatePartner>;

const RiskTierParam = z.coerce.number().int().min(1).max(4);

export const PARTNER_SORTS = [
  "name",
  "-name",
  "createdAt",
  "-createdAt",
  "country",
  "-country",
  "status",
  "-status",
  "category",
  "-category",
  "updatedAt",
  "-updatedAt",
  "riskTier",
  "-riskTier",
] as const;

/** Query of `GET /api/v1/partners`. */
export const ListPartnersQuery = PageQuery.extend({
  q: PlainString().trim().max(200).optional(),
  status: z.union([PartnerStatus, z.array(PartnerStatus)]).optional(),
  country: z.union([CountryCode, z.array(CountryCode)]).optional(),
  category: z.union([PartnerCategory, z.array(PartnerCategory)]).optional(),
  criticality: Criticality.optional().describe("Partners with at least one service of this criticality"),
  tag: PlainString().trim().toLowerCase().max(40).optional(),
  /** Risk tier(s), 1 (most attention) to 4. */
  tier: z.union([RiskTierParam, z.array(RiskTierParam)]).optional(),
  sort: z.enum(PARTNER_SORTS).default("name"),
});
export type ListPartnersQuery = z.infer<typeof ListPartnersQuery>;

export const PartnerOwner = z.object({ id: Id, name: z.string() }).nullable();

/** A partner as the API presents it. */
export const Partner = z.object({
  id: Id,
  name: z.string(),
  legalName: z.string().nullable(),
  lei: z.string().nullable(),
  registrationIds: z.array(z.object({ scheme: z.string(), value: z.string() })),
  country: z.string(),
  countryName: z.string(),
  website: z.string().nullable(),
  category: PartnerCategory,
  status: PartnerStatus,
  allowedTransitions: z.array(PartnerStatus),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  owner: PartnerOwner,
  highestCriticality: Criticality.nullable(),
  /** Highest score among the partner's open risks and signals (0 when none). */
  riskScore: z.number().int(),
  /** 1 (most attention) … 4, from the score and the criticality of its services. */
  riskTier: z.number().int().min(1).max(4),
  counts: z.object({
    sites: z.number(),
    services: z.number(),
    contacts: z.number(),
    subcontractors: z.number(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof Partner>;

/** A row of the partner list (lighter than the full partner). */
export const PartnerListItem = Partner.pick({
  id: true,
  name: true,
  legalName: true,
  country: true,
  countryName: true,
  category: true,
  status: true,
  tags: true,
  owner: true,
  highestCriticality: true,
  riskScore: true,
  riskTier: true,
  createdAt: true,
  updatedAt: true,
}).extend({ serviceCount: z.number() });
export type PartnerListItem = z.infer<typeof PartnerListItem>;

/** `GET /api/v1/partners/stats`: the registry at a glance, for dashboards. */
export const PartnerStats = z.object({
  total: z.number().int(),
  byStatus: z.record(PartnerStatus, z.number().int()),
  byCategory: z.record(PartnerCategory, z.number().int()),
  byCountry: z.array(z.object({ country: z.string(), countryName: z.string(), count: z.number().int() })),
  services: z.object({
    total: z.number().int(),
    byCriticality: z.record(Criticality, z.number().int()),
    partnersWithCritical: z.number().int(),
  }),
});
export type PartnerStats = z.infer<typeof PartnerStats>;
