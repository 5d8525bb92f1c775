import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { insertCompletedAssessment, JUSTIFICATION, recordException } from "./lifecycle.testkit.js";
import { auditCount, auditEvents, expectFieldError } from "./partners.testkit.js";

const env = useTestApp();
const MISSING = "00000000-0000-4000-8000-000000000000";
let c: ContractSessions;

const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `/api/v1/partners/${id}`, payload });
const postException = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "POST", url: `/api/v1/partners/${id}/lifecycle/exceptions`, payload });
const statusOf = async (id: string) =>
  (await env.ctx.database.pool.query("SELECT status FROM partners WHERE id = $1", [id])).rows[0]?.status;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** A partner of the main organization, already in due diligence. */
async function inDueDiligence(name?: string) {
  const p = await buildPartner(env, c.admin, name ? { name } : {});
  expect((await patch(c.admin, p.id, { status: "due_diligence" })).statusCode).toBe(200);
  return p;
}

beforeAll(async () => {
  c = await buildContractSessions(env);
});

describe("the due-diligence gate on moves to contracting", () => {
  it("refuses 409 due_diligence_required without an assessment or exception, changing nothing", async () => {
    const p = await inDueDiligence("Gated");
    const events = await auditCount(env, c.admin.orgId);
    const body = problem(
      await patch(c.admin, p.id, { status: "contracting", name: "Renamed" }),
      409,
      "due_diligence_required",
    );
    expect(body.detail).toBe("Complete a due-diligence assessment, or record a justified exception");
    expect(await statusOf(p.id)).toBe("due_diligence");
    expect(await auditCount(env, c.admin.orgId)).toBe(events);
    const name = (await env.ctx.database.pool.query("SELECT name FROM partners WHERE id = $1", [p.id]))
      .rows[0];
    expect(name.name).toBe("Gated");
  });

  it.each(["pass", "pass_with_conditions"] as const)(
    "lets a partner through after a completed %s",
    async (conclusion) => {
      const p = await inDueDiligence();
      await insertCompletedAssessment(env, c.admin, p.id, conclusion);
      const res = await patch(c.vendorManager, p.id, { status: "contracting" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe("contracting");
      const last = (await auditEvents(env, c.admin.orgId, p.id)).at(-1)!;
      expect(last).toMatchObject({ action: "partner.status_change", actor_id: c.vendorManager.userId });
      expect([last.before?.status, last.after?.status]).toEqual(["due_diligence", "contracting"]);
    },
  );

  it("lets the LATEST completed assessment decide: a newer fail blocks, a newer pass unblocks", async () => {
    const p = await inDueDiligence();
    await insertCompletedAssessment(env, c.admin, p.id, "pass", { completedAt: daysAgo(30) });
    await insertCompletedAssessment(env, c.admin, p.id, "fail", { completedAt: daysAgo(2) });
    const body = problem(
      await patch(c.admin, p.id, { status: "contracting" }),
      409,
      "due_diligence_required",
    );
    expect(body.detail).toMatch(/last due-diligence assessment failed/);
    await insertCompletedAssessment(env, c.admin, p.id, "pass_with_conditions", { completedAt: daysAgo(1) });
    expect((await patch(c.admin, p.id, { status: "contracting" })).statusCode).toBe(200);
  });

  it("does not count unfinished assessments, reassessments or another partner's assessment", async () => {
    const p = await inDueDiligence();
    const neighbour = await buildPartner(env, c.admin);
    await insertCompletedAssessment(env, c.admin, p.id, null, { status: "under_review" });
    await insertCompletedAssessment(env, c.admin, p.id, "pass", { purpose: "reassessment" });
    await insertCompletedAssessment(env, c.admin, neighbour.id, "pass");
    await recordException(env, c.admin, neighbour.id);
    problem(await patch(c.admin, p.id, { status: "contracting" }), 409, "due_diligence_required");
  });

  it("lets a partner through with a recorded exception, even after a failed assessment", async () => {
    const p = await inDueDiligence();
    await insertCompletedAssessment(env, c.admin, p.id, "fail");
    await recordException(env, c.riskManager, p.id);
    expect((await patch(c.admin, p.id, { status: "contracting" })).statusCode).toBe(200);
  });

  it("gates every entry into contracting, also after stepping back", async () => {
    const p = await inDueDiligence();
    await insertCompletedAssessment(env, c.admin, p.id, "pass", { completedAt: daysAgo(5) });
    expect((await patch(c.admin, p.id, { status: "contracting" })).statusCode).toBe(200);
    // An ordinary update while in contracting is not a move, so it is not gated.
    await insertCompletedAssessment(env, c.admin, p.id, "fail", { completedAt: daysAgo(1) });
    expect((await patch(c.admin, p.id, { status: "contracting", description: "x" })).statusCode).toBe(200);
    expect((await patch(c.admin, p.id, { status: "due_diligence" })).statusCode).toBe(200);
    problem(await patch(c.admin, p.id, { status: "contracting" }), 409, "due_diligence_required");
  });

  it("still answers invalid_transition first for a skip, and leaves other moves alone", async () => {
    const p = await buildPartner(env, c.admin);
    problem(await patch(c.admin, p.id, { status: "contracting" }), 409, "invalid_transition");
    expect((await patch(c.admin, p.id, { status: "exited" })).statusCode).toBe(200);
  });

  it("allows creating a partner already at contracting or later (an existing relationship), audited", async () => {
    for (const status of ["contracting", "active"]) {
      const p = await buildPartner(env, c.admin, { status });
      expect(p.status).toBe(status);
      const created = (await auditEvents(env, c.admin.orgId, p.id)).find(
        (e) => e.action === "partner.create",
      );
      expect(created?.after?.status).toBe(status);
    }
  });
});

describe("POST /api/v1/partners/:id/lifecycle/exceptions", () => {
  it("records the exception (201) with its author and a partner.lifecycle_exception audit event", async () => {
    const p = await buildPartner(env, c.admin);
    const res = await postException(c.riskManager, p.id, {
      toStatus: "contracting",
      justification: `  ${JUSTIFICATION}  `,
    });
    expect(res.statusCode, res.body).toBe(201);
    const x = res.json();
    expect(x).toEqual({
      id: expect.any(String),
      toStatus: "contracting",
      justification: JUSTIFICATION,
      createdBy: { id: c.riskManager.userId, name: expect.any(String) },
      createdAt: expect.any(String),
    });
    const last = (await auditEvents(env, c.admin.orgId, p.id)).at(-1)!;
    expect(last).toMatchObject({
      action: "partner.lifecycle_exception",
      entity_type: "partner",
      entity_id: p.id,
      actor_id: c.riskManager.userId,
      after: { id: x.id, toStatus: "contracting", justification: JUSTIFICATION },
    });
    expect(
      (await postException(c.admin, p.id, { toStatus: "contracting", justification: JUSTIFICATION }))
        .statusCode,
    ).toBe(201);
  });

  it.each([
    ["a short justification", { toStatus: "contracting", justification: "Because." }, "body.justification"],
    [
      "a blank justification",
      { toStatus: "contracting", justification: " ".repeat(30) },
      "body.justification",
    ],
    ["another target status", { toStatus: "onboarding", justification: JUSTIFICATION }, "body.toStatus"],
    ["an unknown field", { toStatus: "contracting", justification: JUSTIFICATION, extra: 1 }, "body"],
  ])("refuses %s with 400 naming the field, and stores nothing", async (_what, payload, path) => {
    const p = await buildPartner(env, c.admin);
    const events = await auditCount(env, c.admin.orgId);
    expectFieldError(problem(await postException(c.admin, p.id, payload), 400, "validation_failed"), path);
    expect(await auditCount(env, c.admin.orgId)).toBe(events);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM partner_lifecycle_exceptions WHERE partner_id = $1",
      [p.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it("answers 401 anonymous, 403 to roles other than admin and risk manager and to partner users", async () => {
    const body = { toStatus: "contracting", justification: JUSTIFICATION };
    problem(await postException(null, c.partnerId, body), 401, "unauthenticated");
    for (const s of [c.viewer, c.vendorManager, c.compliance, c.partnerUser])
      problem(await postException(s, c.partnerId, body), 403, "forbidden");
  });

  it("answers 404 for another organization's partner and a missing one, 400 for a malformed id", async () => {
    const body = { toStatus: "contracting", justification: JUSTIFICATION };
    problem(await postException(c.other, c.partnerId, body), 404, "not_found");
    problem(await postException(c.admin, MISSING, body), 404, "not_found");
    problem(await postException(c.admin, "nope", body), 400, "validation_failed");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM partner_lifecycle_exceptions WHERE org_id = $1",
      [c.other.orgId],
    );
    expect(rows[0].n).toBe(0);
  });
});
