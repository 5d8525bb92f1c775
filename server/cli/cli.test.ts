import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { login, PASSWORD, useTestApp } from "../test/harness.js";
import { DEMO_PARTNERS, DEMO_PASSWORD, DEMO_USERS } from "./demo-data.js";

const env = useTestApp();
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "outsight-cli-"));

/** Runs `outsight <args>` as a real child process against the test database. */
function outsight(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "server/cli.ts", ...args], {
    cwd: root,
    // Its own data directory: the demo stores (encrypted) documents and a master key there.
    env: {
      ...process.env,
      DATABASE_URL: env.ctx.config.databaseUrl,
      OUTSIGHT_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

// Each case spawns real CLI processes (a TypeScript start-up each): generous timeouts, so a busy
// two-core machine does not fail what works.
describe("command line", () => {
  it("migrate, create-admin and sign-in", () => {
    expect(outsight("migrate")).toMatchObject({ code: 0 });
    const r = outsight(
      "create-admin",
      "--email",
      "cli@example.test",
      "--name",
      "Cli Admin",
      "--password",
      PASSWORD,
      "--organization",
      "Cli Org",
    );
    expect(r.out).toContain('Created administrator cli@example.test in "Cli Org"');
    expect(r.code).toBe(0);
    expect(outsight("create-admin", "--email", "not-an-email", "--name", "X").code).toBe(2);
  }, 90_000);

  it("created admins can sign in", async () => {
    await expect(login(env.app, "cli@example.test")).resolves.toContain("outsight_session=");
  });

  it("demo loads a dozen partners once, and the demo admin can sign in and list them", async () => {
    const first = outsight("demo");
    expect(first.code).toBe(0);
    expect(first.out).toContain(`with ${DEMO_PARTNERS.length} partners`);
    expect(outsight("demo").out).toContain("already exists");
    const cookie = await login(env.app, DEMO_USERS[0].email, DEMO_PASSWORD);
    const list = await env.app.inject({ url: "/api/v1/partners?limit=100", headers: { cookie } });
    expect(list.json().items).toHaveLength(DEMO_PARTNERS.length);
    const countries = new Set(list.json().items.map((p: { country: string }) => p.country));
    expect(countries.size).toBeGreaterThanOrEqual(8);
    // The risk register comes filled, and the signals engine has proposals from the demo's facts.
    const risks = await env.app.inject({ url: "/api/v1/risks?limit=100", headers: { cookie } });
    expect(risks.json().items.length).toBeGreaterThanOrEqual(10);
    const signals = await env.app.inject({
      url: "/api/v1/risk-signals?status=open&limit=100",
      headers: { cookie },
    });
    const rules = new Set(signals.json().items.map((s: { rule: { id: string } }) => s.rule.id));
    for (const rule of ["low_overlap", "inadequate_data_protection", "no_subcontractor_info"])
      expect(rules).toContain(rule);
    // Contracts with their notice deadlines, and an overdue obligation among them.
    const contracts = await env.app.inject({ url: "/api/v1/contracts?limit=100", headers: { cookie } });
    expect(contracts.json().items).toHaveLength(4);
    const overdue = await env.app.inject({ url: "/api/v1/obligations?overdue=true", headers: { cookie } });
    expect(overdue.json().items.length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it("jobs list shows the schedules and jobs run runs one now", () => {
    const list = outsight("jobs", "list");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/risk-signals-nightly\s+15 2 \* \* \*/);
    const run = outsight("jobs", "run", "risk-acceptance-expiry");
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toContain('risk-acceptance-expiry: {"reopened":0}');
    expect(outsight("jobs", "run", "nope").code).toBe(2);
  }, 60_000);

  it("audit verify passes on an intact chain and names the first altered event", async () => {
    const ok = outsight("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/OK\s+Cli Org/);
    const { pool } = env.ctx.database;
    const { rows } = await pool.query(
      "SELECT org_id FROM audit_events a JOIN organizations o ON o.id = a.org_id WHERE o.name = 'Cli Org' LIMIT 1",
    );
    const c = await pool.connect();
    try {
      await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
      await c.query("UPDATE audit_events SET actor_name = 'someone else' WHERE org_id = $1 AND seq = 2", [
        rows[0].org_id,
      ]);
      await c.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update");
    } finally {
      c.release();
    }
    const broken = outsight("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN\s+Cli Org .*event #2 is altered/);
  }, 60_000);

  it("prints help and refuses unknown commands", () => {
    expect(outsight("help").out).toContain("Usage: npm run outsight");
    expect(outsight("frobnicate").code).toBe(2);
  });
});
