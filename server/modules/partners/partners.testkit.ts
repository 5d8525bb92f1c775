import { expect } from "vitest";
import { leiCheckDigits } from "../../../domain/lei.js";
import type { TestEnv } from "../../test/harness.js";

/** Helpers shared by the partner registry's integration tests (not loaded by the app). */

let leiCounter = 0;
const leiBase = Math.floor(Math.random() * 1e6);

/** A fresh valid LEI (ISO 17442 check digits), different on every call. */
export function makeLei(): string {
  const prefix = `5299TEST${String(leiBase).padStart(6, "0")}${String(leiCounter++).padStart(4, "0")}`;
  return prefix + leiCheckDigits(prefix);
}

/** The same LEI with its last check digit changed, so the checksum fails. */
export function corruptLei(lei: string): string {
  const last = Number(lei.at(-1));
  return lei.slice(0, 19) + String((last + 1) % 10);
}

/** A row of `audit_events`, as the tests read it. */
export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  related_ids: string[];
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  org_id: string;
}

/** Audit events of one organization, oldest first; optionally only those about `id` (as entity or related). */
export async function auditEvents(env: TestEnv, orgId: string, id?: string): Promise<AuditRow[]> {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT action, entity_type, entity_id, related_ids::text[] AS related_ids, actor_id, before, after, org_id
       FROM audit_events
      WHERE org_id = $1 AND ($2::uuid IS NULL OR entity_id = $2::uuid OR $2::uuid = ANY(related_ids))
      ORDER BY seq`,
    [orgId, id ?? null],
  );
  return rows;
}

/** Number of audit events of an organization. */
export async function auditCount(env: TestEnv, orgId: string): Promise<number> {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1",
    [orgId],
  );
  return rows[0].n;
}

/** Number of partners of an organization, straight from the table. */
export async function partnerCount(env: TestEnv, orgId: string): Promise<number> {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT count(*)::int AS n FROM partners WHERE org_id = $1",
    [orgId],
  );
  return rows[0].n;
}

/**
 * Runs `fn` while the database refuses to record audit events with `action` (and, when given,
 * whose `after.name` is `afterName`), to prove that a change and its audit event commit or roll
 * back together.
 */
export async function withFailingAudit<T>(
  env: TestEnv,
  action: string,
  fn: () => Promise<T>,
  afterName?: string,
): Promise<T> {
  const { pool } = env.ctx.database;
  await pool.query(`CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger AS $$
    BEGIN
      IF NEW.action = TG_ARGV[0] AND (TG_ARGV[1] = '' OR NEW.after->>'name' = TG_ARGV[1]) THEN
        RAISE EXCEPTION 'audit refused by the test';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  const arg = (v: string) => `'${v.replace(/'/g, "")}'`;
  await pool.query(
    `CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit(${arg(action)}, ${arg(afterName ?? "")})`,
  );
  try {
    return await fn();
  } finally {
    await pool.query("DROP TRIGGER IF EXISTS test_refuse_audit ON audit_events");
  }
}

/** Asserts a validation problem that names `path` among its failing fields. */
export function expectFieldError(body: { errors?: { path: string }[] }, path: string): void {
  expect(body.errors?.map((e) => e.path)).toContain(path);
}
