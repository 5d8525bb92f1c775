import { beforeAll, describe, expect, it } from "vitest";
import { LIFECYCLE_NEEDS, type PartnerLifecycle } from "../../../domain/lifecycle.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  buildContract,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";
import { insertCompletedAssessment, JUSTIFICATION, recordException } from "./lifecycle.testkit.js";

const env = useTestApp();
const MISSING = "00000000-0000-4000-8000-000000000000";
let c: ContractSessions;

const patch = (s: Session, id: string, status: string) =>
  call(env, s, { method: "PATCH", url: `/api/v1/partners/${id}`, payload: { status } });
const lifecycleOf = (s: Session | null, id: string) =>
  call(env, s, { url: `/api/v1/partners/${id}/lifecycle` });
async function view(id: string, s: Session = c.viewer): Promise<PartnerLifecycle> {
  const res = await lifecycleOf(s, id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const states = (v: PartnerLifecycle) => Object.fromEntries(v.steps.map((s) => [s.status, s.state]));
const needsOf = (v: PartnerLifecycle) => Object.fromEntries(v.steps.map((s) => [s.status, s.needs]));

/** Walks a partner along `path` through the API (an exception opens the gate when needed). */
async function walk(id: string, path: string[]) {
  if (path.includes("contracting")) await recordException(env, c.admin, id);
  for (const status of path) expect((await patch(c.admin, id, status)).statusCode, status).toBe(200);
}

beforeAll(async () => {
  c = await buildContractSessions(env);
});

describe("GET /api/v1/partners/:id/lifecycle", () => {
  it("shows a new partner at identified with every later step's needs and the allowed moves", async () => {
    const p = await buildPartner(env, c.admin);
    const v = await view(p.id);
    expect(v.status).toBe("identified");
    expect(states(v)).toEqual({
      identified: "current",
      due_diligence: "upcoming",
      contracting: "upcoming",
      onboarding: "upcoming",
      active: "upcoming",
      exiting: "upcoming",
      exited: "upcoming",
    });
    expect(needsOf(v)).toEqual({
      identified: [],
      due_diligence: [],
      contracting: [LIFECYCLE_NEEDS.dueDiligence],
      onboarding: [LIFECYCLE_NEEDS.signedContract],
      active: [],
      exiting: [LIFECYCLE_NEEDS.exitPlan],
      exited: [],
    });
    expect(v.next).toEqual([
      { status: "due_diligence", label: "Due diligence", blockers: [] },
      { status: "exited", label: "Exited", blockers: [] },
    ]);
    expect(v.dueDiligence).toBeNull();
    expect(v.exceptions).toEqual([]);
  });

  it("in due diligence: contracting is blocked until a passing assessment, which is then shown", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["due_diligence"]);
    let v = await view(p.id);
    expect(states(v)).toMatchObject({
      identified: "done",
      due_diligence: "current",
      contracting: "upcoming",
    });
    expect(v.next.find((n) => n.status === "contracting")?.blockers).toEqual([
      { code: "due_diligence_required", message: expect.stringMatching(/Complete a due-diligence/) },
    ]);
    expect(v.next.map((n) => n.status)).toEqual(["contracting", "identified", "exited"]);

    await insertCompletedAssessment(env, c.admin, p.id, "fail", {
      completedAt: new Date(Date.now() - 86_400_000),
    });
    v = await view(p.id);
    expect(v.next[0].blockers[0].message).toMatch(/failed/);
    expect(v.dueDiligence?.conclusion).toBe("fail");

    const id = await insertCompletedAssessment(env, c.admin, p.id, "pass_with_conditions");
    v = await view(p.id);
    expect(v.next[0]).toEqual({ status: "contracting", label: "Contracting", blockers: [] });
    expect(needsOf(v).contracting).toEqual([]);
    expect(v.dueDiligence).toEqual({
      assessmentId: id,
      conclusion: "pass_with_conditions",
      completedAt: expect.any(String),
    });
  });

  it("lists recorded exceptions, newest first, with their authors; they open the gate", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["due_diligence"]);
    await recordException(env, c.riskManager, p.id, `${JUSTIFICATION} First.`);
    await recordException(env, c.admin, p.id, `${JUSTIFICATION} Second.`);
    const v = await view(p.id);
    expect(v.exceptions.map((x) => [x.justification.slice(-7), x.createdBy?.id])).toEqual([
      ["Second.", c.admin.userId],
      [" First.", c.riskManager.userId],
    ]);
    expect(v.next[0].blockers).toEqual([]);
  });

  it("active: earlier steps done; onboarding's contract need is met by an active contract", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["due_diligence", "contracting"]);
    let v = await view(p.id);
    expect(needsOf(v).onboarding).toEqual([LIFECYCLE_NEEDS.signedContract]);
    await buildContract(env, c.admin, p.id, { status: "draft" });
    expect(needsOf(await view(p.id)).onboarding).toEqual([LIFECYCLE_NEEDS.signedContract]);
    await buildContract(env, c.admin, p.id, {
      status: "active",
      exitPlan: { has: true, summary: "Handover" },
    });
    v = await view(p.id);
    expect(needsOf(v).onboarding).toEqual([]);
    await walk(p.id, ["onboarding", "active"]);
    v = await view(p.id);
    expect(states(v)).toEqual({
      identified: "done",
      due_diligence: "done",
      contracting: "done",
      onboarding: "done",
      active: "current",
      exiting: "upcoming",
      exited: "upcoming",
    });
    expect(needsOf(v).exiting).toEqual([]);
    expect(v.next).toEqual([{ status: "exiting", label: "Exiting", blockers: [] }]);
  });

  it("exited after a full relationship: every step done", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["due_diligence", "contracting", "onboarding", "active", "exiting", "exited"]);
    const v = await view(p.id);
    expect(Object.values(states(v))).toEqual(["done", "done", "done", "done", "done", "done", "current"]);
    expect(v.next.map((n) => n.status)).toEqual(["identified"]);
  });

  it("a candidate dropped before a contract: the steps it never reached are skipped", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["due_diligence", "exited"]);
    const v = await view(p.id);
    expect(states(v)).toEqual({
      identified: "done",
      due_diligence: "done",
      contracting: "skipped",
      onboarding: "skipped",
      active: "skipped",
      exiting: "skipped",
      exited: "current",
    });
    expect(v.steps.every((s) => s.needs.length === 0)).toBe(true);
  });

  it("a partner considered again after an exit starts over", async () => {
    const p = await buildPartner(env, c.admin);
    await walk(p.id, ["exited", "identified"]);
    const v = await view(p.id);
    expect(states(v).identified).toBe("current");
    expect(Object.values(states(v)).filter((s) => s === "upcoming")).toHaveLength(6);
  });

  it("answers every staff role; 401 anonymous; 403 partner user; 404 other organization or missing", async () => {
    for (const s of [c.admin, c.viewer, c.vendorManager, c.compliance, c.riskManager])
      expect((await lifecycleOf(s, c.partnerId)).statusCode).toBe(200);
    problem(await lifecycleOf(null, c.partnerId), 401, "unauthenticated");
    problem(await lifecycleOf(c.partnerUser, c.partnerId), 403, "forbidden");
    problem(await lifecycleOf(c.other, c.partnerId), 404, "not_found");
    problem(await lifecycleOf(c.admin, MISSING), 404, "not_found");
    problem(await lifecycleOf(c.admin, "nope"), 400, "validation_failed");
  });
});
