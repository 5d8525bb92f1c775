import { z } from "zod";
import { isCountryCode } from "./countries.js";

/** A UUID path or body id. */
export const Id = z.uuid();

/** `{ id }` path parameters. */
export const IdParams = z.object({ id: Id });

/** ISO 3166-1 alpha-2 code, upper-cased, validated against the ISO list. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "Not an ISO 3166-1 alpha-2 country code" });

/** An ISO 8601 calendar date (YYYY-MM-DD) that exists. */
export const IsoDate = z.iso.date();

/** True unless `s` holds U+0000, which PostgreSQL text cannot store (it would fail as a 500). */
export const withoutNul = (s: string) => !s.includes("\u0000");

/** A string refusing NUL characters: the base of every free-text field and search term. */
export const PlainString = () =>
  z.string().refine(withoutNul, { message: "Must not contain NUL characters" });

/** A trimmed non-empty string of bounded length; empty input after trimming is refused. */
export const Text = (max: number) => PlainString().trim().min(1).max(max);

/** Optional free text: empty strings become null so "clearing a field" is possible. */
export const OptionalText = (max: number) =>
  PlainString()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** Cursor pagination query common to every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});

/** The list envelope every list endpoint answers with. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details with our stable `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), row: z.number().int().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof Problem>;
