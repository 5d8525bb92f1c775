import { createHmac } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { newOrgKey, orgKeyAad, unwrapKey } from "../../platform/crypto/envelope.js";
import { loadMasterKey, type MasterKey } from "../../platform/crypto/master-key.js";
import type { Db, Queryable } from "../../platform/db/index.js";
import { orgKeys } from "./documents.tables.js";

/**
 * The key hierarchy as stored: master key (process) → org keys (`org_keys`) → data keys
 * (`document_versions`). Plaintext keys only live in memory for the request that needs them.
 */

const masters = new WeakMap<AppContext["config"], Promise<MasterKey>>();

/**
 * The installation master key for this app's configuration, loaded once. `documentRoutes` awaits
 * it while the app is built, so a malformed key stops start-up instead of failing the first upload.
 */
export function masterKeyOf(ctx: AppContext): Promise<MasterKey> {
  let p = masters.get(ctx.config);
  if (!p) {
    p = loadMasterKey({ env: { OUTSIGHT_MASTER_KEY: ctx.config.masterKey }, dataDir: ctx.config.dataDir });
    masters.set(ctx.config, p);
  }
  return p;
}

/** A usable org key: its version (named on every data key it wraps) and the key itself. */
export interface OrgKey {
  version: number;
  key: Buffer;
}

/**
 * The organization's current key, created on its first upload. Created in its own short
 * transaction BEFORE the upload streams: the partial unique index makes concurrent first uploads
 * agree on one key (the loser's insert does nothing and it reads the winner's row).
 */
export async function currentOrgKey(db: Db, master: MasterKey, orgId: string): Promise<OrgKey> {
  const read = async () => {
    const [row] = await db
      .select()
      .from(orgKeys)
      .where(and(eq(orgKeys.orgId, orgId), isNull(orgKeys.retiredAt)));
    return row;
  };
  let row = await read();
  if (!row) {
    const fresh = newOrgKey(master, orgId);
    await db
      .insert(orgKeys)
      .values({ orgId, version: 1, wrappedKey: fresh.wrapped, masterKeyId: fresh.masterKeyId })
      .onConflictDoNothing();
    row = await read();
  }
  return { version: row.version, key: unwrapKey(master.key, row.wrappedKey, orgKeyAad(orgId)) };
}

/** One version of the organization's key (retired ones still open old documents). */
export async function orgKeyVersion(
  q: Queryable,
  master: MasterKey,
  orgId: string,
  version: number,
): Promise<Buffer> {
  const [row] = await q
    .select({ wrappedKey: orgKeys.wrappedKey })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  if (!row) throw new Error(`org key v${version} of ${orgId} is missing`);
  return unwrapKey(master.key, row.wrappedKey, orgKeyAad(orgId));
}

/**
 * The organization's secret for deriving copy ids (the fingerprints of delivered copies):
 * HMAC-SHA256 of the master key over `outsight/fingerprint/<orgId>`. Derived rather than stored,
 * and per organization so one tenant's copies cannot be forged with another's secret. A master
 * key rotation changes it, which is harmless: tracing looks copy ids up in the access log, it
 * never recomputes them.
 */
export async function fingerprintSecret(ctx: AppContext, orgId: string): Promise<Buffer> {
  const master = await masterKeyOf(ctx);
  return createHmac("sha256", master.key).update(`outsight/fingerprint/${orgId}`).digest();
}
