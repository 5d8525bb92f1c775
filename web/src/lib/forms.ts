import type { z } from "zod";
import { ApiError } from "../api/client";

/** Mantine form errors: field path ("workingHours.start") → message. */
export type FieldErrors = Record<string, string>;

/**
 * Validates `value` with one of the shared zod schemas and returns Mantine form errors keyed by the
 * issue path, so the browser shows the server's own rules before a request is made. The first
 * message per field wins (the most basic rule is usually listed first).
 */
export function zodErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= friendlyMessage(issue.message);
  }
  return errors;
}

/** zod's default messages are written for developers; reword the common ones for people. */
export function friendlyMessage(message: string): string {
  if (/expected string, received (undefined|null)/.test(message)) return "Required";
  const options = /^Invalid option: expected one of (.+)$/.exec(message);
  if (options) return `Use one of: ${options[1].replaceAll('"', "").split("|").join(", ")}`;
  if (/^Too small: expected string to have >=1 characters?$/.test(message)) return "Required";
  const tooLong = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (tooLong) return `At most ${tooLong[1]} characters`;
  if (message.startsWith("Invalid input: expected")) return "Required";
  return message;
}

/**
 * Maps the field errors of a problem (`errors[].path` like "body.lei") onto form fields, whatever
 * the status: 400/422 for invalid input, 409 for a conflict on one field (a duplicate LEI).
 * `rename` translates server field names that differ from the form's. Returns an empty object when
 * the error carries no field errors, so the caller can fall back to a notification.
 */
export function serverErrors(error: unknown, rename: Record<string, string> = {}): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const e of error.errors) {
    const path = e.path.replace(/^body\.?/, "");
    if (!path) continue;
    const key = rename[path] ?? path;
    errors[key] ??= e.message;
  }
  return errors;
}

/** Empty or whitespace-only input becomes null, so optional fields can be cleared. */
export function nullIfBlank(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
