import { z } from "zod";
import { CountryCode, Id, IsoDate, OptionalText, Text } from "./common.js";
import { Criticality } from "./partners.js";
import { TimeZone, WorkingHours } from "./time.js";

/** `{ id, partId }` path parameters of a partner's sub-resources. */
export const PartParams = z.object({ id: Id, partId: Id });

// ── Sites ────────────────────────────────────────────────────────────────────
export const CreateSite = z.object({
  name: Text(200),
  country: CountryCode,
  city: Text(120),
  timeZone: TimeZone,
  workingHours: WorkingHours,
});
export const UpdateSite = CreateSite.partial().refine((v) => Object.keys(v).length > 0, {
  message: "Nothing to update",
});
export const Site = z.object({
  id: Id,
  partnerId: Id,
  name: z.string(),
  country: z.string(),
  countryName: z.string(),
  city: z.string(),
  timeZone: z.string(),
  workingHours: z.object({ start: z.string(), end: z.string(), days: z.array(z.number()) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof Site>;

// ── Services ─────────────────────────────────────────────────────────────────
export const DATA_CATEGORIES = [
  "personal_data",
  "sensitive_personal_data",
  "financial",
  "health",
  "source_code",
  "confidential_business",
  "none",
] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export const DATA_CATEGORY_LABELS: Record<(typeof DATA_CATEGORIES)[number], string> = {
  personal_data: "Personal data",
  sensitive_personal_data: "Sensitive personal data",
  financial: "Financial",
  health: "Health",
  source_code: "Source code",
  confidential_business: "Confidential business",
  none: "None",
};

const serviceFields = {
  name: Text(200),
  description: OptionalText(5000),
  function: Text(120),
  criticality: Criticality,
  dataCategories: z
    .array(DataCategory)
    .max(DATA_CATEGORIES.length)
    .transform((c) => [...new Set(c)])
    .refine((c) => !(c.includes("none") && c.length > 1), {
      message: "'none' cannot be combined with other categories",
    }),
  dataLocations: z
    .array(CountryCode)
    .max(50)
    .transform((c) => [...new Set(c)]),
  startDate: IsoDate.nullable(),
};
export const CreateService = z.object({
  ...serviceFields,
  dataCategories: serviceFields.dataCategories.default([]),
  dataLocations: serviceFields.dataLocations.default([]),
  startDate: serviceFields.startDate.optional(),
});
export const UpdateService = z
  .object(serviceFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const Service = z.object({
  id: Id,
  partnerId: Id,
  name: z.string(),
  description: z.string().nullable(),
  function: z.string(),
  criticality: Criticality,
  dataCategories: z.array(DataCategory),
  dataLocations: z.array(z.string()),
  startDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof Service>;

// ── Contacts ─────────────────────────────────────────────────────────────────
/** An empty string means "none", as for the other optional text fields, so a form can clear it. */
const blankToNull = (v: string) => (v === "" ? null : v);

const contactFields = {
  name: Text(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform(blankToNull)
    .pipe(z.email().nullable())
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .transform(blankToNull)
    .pipe(
      z
        .string()
        .regex(/^\+?[0-9 ().\-/]{5,30}$/, { message: "Not a phone number" })
        .nullable(),
    )
    .nullable()
    .optional(),
  role: OptionalText(120),
  isPrimary: z.boolean().optional(),
};
export const CreateContact = z.object(contactFields);
export const UpdateContact = CreateContact.partial().refine((v) => Object.keys(v).length > 0, {
  message: "Nothing to update",
});
export const Contact = z.object({
  id: Id,
  partnerId: Id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string().nullable(),
  isPrimary: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

// ── Sub-contractors (fourth parties) ─────────────────────────────────────────
export const CreateSubcontractor = z.object({
  subcontractorId: Id.describe("The partner acting as fourth party"),
  description: OptionalText(2000).describe("What they do for the partner"),
  serviceIds: z
    .array(Id)
    .max(50)
    .transform((ids) => [...new Set(ids)])
    .optional()
    .describe("Our services they take part in"),
});
export const UpdateSubcontractor = CreateSubcontractor.omit({ subcontractorId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to update" });
export const Subcontractor = z.object({
  id: Id,
  partnerId: Id,
  subcontractor: z.object({ id: Id, name: z.string(), country: z.string(), status: z.string() }),
  description: z.string().nullable(),
  serviceIds: z.array(Id),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Subcontractor = z.infer<typeof Subcontractor>;
