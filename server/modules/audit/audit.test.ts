import { describe, expect, it } from "vitest";
import { verifyChain } from "../../platform/audit/audit.service.js";
import { buildOrg, buildPartner, buildUser, call, problem, useTestApp } from "../../test/harness.js";

const env = useTestApp();

describe("audit trail", () => {
  it("records every change with actor, before/after and request id, newest first", async () => {
    const admin = await buildOrg(env);
    const p = await buildPartner(env, admin, { name: "Audited Ltd" });
    await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/partners/${p.id}`,
      headers: { "x-request-id": "req-123" },
      payload: { name: "Audited Limited" },
    });
    const res = await call(env, admin, { url: `/api/v1/audit-events?entityId=${p.id}` });
    const [update, create] = res.json().items;
    expect(update).toMatchObject({
      action: "partner.update",
      requestId: "req-123",
      actor: { type: "user", id: admin.userId },
    });
    expect(update.before.name).toBe("Audited Ltd");
    expect(update.after.name).toBe("Audited Limited");
    expect(create.action).toBe("partner.create");
  });

  it("filters by entity type, actor, action and time, and pages with a cursor", async () => {
    const admin = await buildOrg(env);
    const vm = await buildUser(env, admin.orgId, "vendor_manager");
    for (let i = 0; i < 5; i++) await buildPartner(env, vm);
    const byActor = (
      await call(env, admin, {
        url: `/api/v1/audit-events?actorId=${vm.userId}&action=partner.create&limit=2`,
      })
    ).json();
    expect(byActor.items).toHaveLength(2);
    const all: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { seq: number }[]; nextCursor: string | null } = (
        await call(env, admin, {
          url: `/api/v1/audit-events?entityType=partner&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        })
      ).json();
      all.push(...page.items.map((e: { seq: number }) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(all).toHaveLength(5);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    const future = (await call(env, admin, { url: "/api/v1/audit-events?from=2999-01-01" })).json();
    expect(future.items).toEqual([]);
    problem(await call(env, admin, { url: "/api/v1/audit-events?from=yesterday" }), 400, "validation_failed");
  });

  it("is readable by admins and auditors only, and only within the organization", async () => {
    const admin = await buildOrg(env);
    const other = await buildOrg(env);
    await buildPartner(env, other);
    const auditor = await buildUser(env, admin.orgId, "auditor");
    expect((await call(env, auditor, { url: "/api/v1/audit-events" })).statusCode).toBe(200);
    for (const role of [
      "risk_manager",
      "vendor_manager",
      "compliance_officer",
      "viewer",
      "partner",
    ] as const) {
      problem(await call(env, await buildUser(env, admin.orgId, role), { url: "/api/v1/audit-events" }), 403);
    }
    problem(await call(env, null, { url: "/api/v1/audit-events" }), 401);
    problem(await call(env, null, { url: "/api/v1/audit-events/verify" }), 401);
    const seen = (await call(env, admin, { url: "/api/v1/audit-events?limit=200" })).json().items;
    expect(seen.every((e: { entityType: string; action: string }) => e.action !== "partner.create")).toBe(
      true,
    );
  });

  it("refuses UPDATE and DELETE at the database level", async () => {
    const admin = await buildOrg(env);
    await expect(
      env.ctx.database.pool.query("UPDATE audit_events SET action = 'x' WHERE org_id = $1", [admin.orgId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      env.ctx.database.pool.query("DELETE FROM audit_events WHERE org_id = $1", [admin.orgId]),
    ).rejects.toThrow(/append-only/);
  });

  it("verify detects an altered event, a removed event and a removed newest event", async () => {
    const { pool, db } = env.ctx.database;
    const admin = await buildOrg(env);
    for (let i = 0; i < 3; i++) await buildPartner(env, admin);
    expect((await call(env, admin, { url: "/api/v1/audit-events/verify" })).json()).toMatchObject({
      ok: true,
    });
    const tamper = async (sqlText: string) => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        await c.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update");
        await c.query(sqlText, [admin.orgId]);
        await c.query("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update");
        await c.query("COMMIT");
      } finally {
        c.release();
      }
    };
    await tamper(
      "UPDATE audit_events SET after = jsonb_set(after, '{name}', '\"Forged\"') WHERE org_id = $1 AND seq = 4",
    );
    expect(await verifyChain(db, admin.orgId)).toMatchObject({
      ok: false,
      firstBad: { seq: 4, reason: "altered" },
    });
    const viaApi = (await call(env, admin, { url: "/api/v1/audit-events/verify" })).json();
    expect(viaApi).toMatchObject({ ok: false, firstBad: { seq: 4 } });

    const second = await buildOrg(env);
    for (let i = 0; i < 3; i++) await buildPartner(env, second);
    await tamper(
      `DELETE FROM audit_events WHERE org_id = '${second.orgId}' AND seq = 3 AND $1::uuid IS NOT NULL`,
    );
    expect(await verifyChain(db, second.orgId)).toMatchObject({
      ok: false,
      firstBad: { seq: 3, reason: "missing" },
    });

    const third = await buildOrg(env);
    for (let i = 0; i < 2; i++) await buildPartner(env, third);
    const { rows } = await pool.query("SELECT max(seq)::int AS n FROM audit_events WHERE org_id = $1", [
      third.orgId,
    ]);
    await tamper(
      `DELETE FROM audit_events WHERE org_id = '${third.orgId}' AND seq = ${rows[0].n} AND $1::uuid IS NOT NULL`,
    );
    expect(await verifyChain(db, third.orgId)).toMatchObject({
      ok: false,
      firstBad: { seq: rows[0].n, reason: "missing" },
    });
  });

  it("keeps the chain linear under concurrent changes", async () => {
    const admin = await buildOrg(env);
    await Promise.all(Array.from({ length: 12 }, () => buildPartner(env, admin)));
    expect(await verifyChain(env.ctx.database.db, admin.orgId)).toMatchObject({ ok: true });
  });

  it("rolls back the audit event with a failed change", async () => {
    const admin = await buildOrg(env);
    const p = await buildPartner(env, admin);
    const before = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1",
      [admin.orgId],
    );
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: `/api/v1/partners/${p.id}`,
        payload: { status: "active" },
      }),
      409,
      "invalid_transition",
    );
    const after = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE org_id = $1",
      [admin.orgId],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
