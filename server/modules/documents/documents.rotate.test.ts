import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../platform/config.js";
import { masterKeyId } from "../../platform/crypto/master-key.js";
import { buildOrg, useTestApp } from "../../test/harness.js";
import { rotateKeys, UnknownMasterKeyError } from "./documents.rotate.js";
import { buildDocument, multipart, PDF, tempDataDir } from "./documents.testkit.js";

const dataDir = tempDataDir();
const keyA = crypto.randomBytes(32);
const keyB = crypto.randomBytes(32);
const master = (key: Buffer) => ({ id: masterKeyId(key), key });
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_MASTER_KEY: keyA.toString("base64") });

/** The same database served by an app holding another master key (as after changing the env). */
async function appWith(key: Buffer) {
  const config = loadConfig({
    OUTSIGHT_DATA_DIR: dataDir,
    DATABASE_URL: env.ctx.config.databaseUrl,
    OUTSIGHT_WEB_DIST: "/nonexistent",
    OUTSIGHT_MASTER_KEY: key.toString("base64"),
  });
  return buildApp({ config, database: env.ctx.database });
}

describe("keys rotate", () => {
  it("re-wraps org keys for a new master key and mints new org keys; old documents still open", async () => {
    const admin = await buildOrg(env);
    const content = Buffer.concat([PDF, crypto.randomBytes(200_000)]);
    const doc = await buildDocument(env, admin, {}, content);
    const pool = env.ctx.database.pool;

    // Unknown previous key: refused, nothing changed.
    await expect(rotateKeys(env.ctx.database.db, { current: master(keyB) })).rejects.toBeInstanceOf(
      UnknownMasterKeyError,
    );

    const [r] = await rotateKeys(env.ctx.database.db, { current: master(keyB), previous: master(keyA) });
    expect(r).toMatchObject({ orgId: admin.orgId, rewrapped: 1, newOrgKeyVersion: null });
    const appB = await appWith(keyB);
    try {
      const res = await appB.inject({
        method: "GET",
        url: `/api/v1/documents/${doc.id}/content`,
        headers: { cookie: admin.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(content)).toBe(true);

      const [r2] = await rotateKeys(env.ctx.database.db, { current: master(keyB), newOrgKeys: true });
      expect(r2).toMatchObject({ rewrapped: 0, newOrgKeyVersion: 2, dataKeysRewrapped: 1 });
      const { rows } = await pool.query(
        "SELECT version, retired_at IS NOT NULL AS retired FROM org_keys WHERE org_id = $1 ORDER BY version",
        [admin.orgId],
      );
      expect(rows).toEqual([
        { version: 1, retired: true },
        { version: 2, retired: false },
      ]);
      const again = await appB.inject({
        method: "GET",
        url: `/api/v1/documents/${doc.id}/content`,
        headers: { cookie: admin.cookie },
      });
      expect(again.rawPayload.equals(content)).toBe(true);
      // New versions are wrapped by the new org key version.
      const body = multipart({}, { name: "b.pdf", data: PDF });
      const up = await appB.inject({
        method: "POST",
        url: `/api/v1/documents/${doc.id}/versions`,
        headers: { cookie: admin.cookie, ...body.headers },
        payload: body.payload,
      });
      expect(up.statusCode).toBe(201);
      const { rows: versions } = await pool.query(
        "SELECT version, org_key_version AS k FROM document_versions WHERE document_id = $1 ORDER BY version",
        [doc.id],
      );
      expect(versions).toEqual([
        { version: 1, k: 2 },
        { version: 2, k: 2 },
      ]);
    } finally {
      await appB.close();
    }
    const { rows: audit } = await pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1 AND action = 'keys.rotate'",
      [admin.orgId],
    );
    expect(audit[0].n).toBe(2);
  });
});
