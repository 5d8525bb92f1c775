/** PostgreSQL SQLSTATE of an error thrown by pg (directly or wrapped by Drizzle), if any. */
export function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code ?? err?.cause?.code;
}

/** True for a unique-constraint violation (23505). */
export const isUniqueViolation = (e: unknown) => pgCode(e) === "23505";
