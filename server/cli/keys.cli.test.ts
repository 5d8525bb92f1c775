import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { buildDocument, PDF, tempDataDir } from "../modules/documents/documents.testkit.js";
import { loadConfig } from "../platform/config.js";
import { buildOrg, type Session, useTestApp } from "../test/harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = tempDataDir();
const keyA = crypto.randomBytes(32).toString("base64");
const keyB = crypto.randomBytes(32).toString("base64");
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir, OUTSIGHT_MASTER_KEY: keyA });

/** Runs `outsight keys rotate <args>` as a real child process on the test database and data dir. */
function keysRotate(masterKey: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/cli.ts", "keys", "rotate", ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: env.ctx.config.databaseUrl,
      OUTSIGHT_DATA_DIR: dataDir,
      OUTSIGHT_MASTER_KEY: masterKey,
      LOG_LEVEL: "silent",
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Downloads the document's current content through an app holding `masterKey`. */
async function download(masterKey: string, who: Session, id: string) {
  const config = loadConfig({
    OUTSIGHT_DATA_DIR: dataDir,
    DATABASE_URL: env.ctx.config.databaseUrl,
    OUTSIGHT_WEB_DIST: "/nonexistent",
    OUTSIGHT_MASTER_KEY: masterKey,
  });
  // A fresh app per key, as a restarted server with the new environment would be.
  const app = await buildApp({ config, database: env.ctx.database });
  try {
    return await app.inject({ url: `/api/v1/documents/${id}/content`, headers: { cookie: who.cookie } });
  } finally {
    await app.close();
  }
}

// Each case spawns the CLI (a TypeScript start-up): generous timeouts for a busy two-core machine.
describe("outsight keys rotate (command line)", () => {
  let admin: Session;
  let doc: { id: string };
  const content = Buffer.concat([PDF, crypto.randomBytes(300_000)]);

  it("--new-org-keys mints a new org key and re-wraps data keys; the document downloads byte for byte", async () => {
    admin = await buildOrg(env);
    doc = await buildDocument(env, admin, {}, content);
    const r = keysRotate(keyA, "--new-org-keys");
    expect(r.out).toContain(
      `${admin.orgId}: 0 org key(s) re-wrapped, new org key v2, 1 data key(s) re-wrapped`,
    );
    expect(r.code).toBe(0);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT version, retired_at IS NOT NULL AS retired FROM org_keys WHERE org_id = $1 ORDER BY version",
      [admin.orgId],
    );
    expect(rows).toEqual([
      { version: 1, retired: true },
      { version: 2, retired: false },
    ]);
    const res = await download(keyA, admin, doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
  }, 120_000);

  it("a new master key with --old-master re-wraps every org key; old documents open only under the new key", async () => {
    const r = keysRotate(keyB, "--old-master", keyA);
    expect(r.out).toContain(`${admin.orgId}: 2 org key(s) re-wrapped`);
    expect(r.code).toBe(0);
    const res = await download(keyB, admin, doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    // The old master key no longer unwraps anything (refusing an unknown previous key is
    // covered in documents.rotate.test.ts, without a process start).
    expect((await download(keyA, admin, doc.id)).statusCode).not.toBe(200);
  }, 120_000);
});
