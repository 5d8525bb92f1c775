import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import {
  BASE,
  type BuiltAssessment,
  buildAssessment,
  buildTemplate,
  setAssessment,
} from "./assessments.testkit.js";

const env = useTestApp();
const list = (s: Session | null, query = "") => call(env, s, { url: `${BASE}${query}` });

// One organization of its own, so counts are exact.
let admin: Session;
let other: Session;
let viewer: Session;
let partnerUser: Session;
let acme: { id: string; name: string };
let zeta: { id: string; name: string };
let draft: BuiltAssessment;
let sent: BuiltAssessment;
let late: BuiltAssessment;
let submitted: BuiltAssessment;
let completed: BuiltAssessment;

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  viewer = await buildUser(env, admin.orgId, "viewer");
  acme = await buildPartner(env, admin, { name: "Acme Outsourcing" });
  zeta = await buildPartner(env, admin, { name: "Zeta Services" });
  partnerUser = await buildUser(env, admin.orgId, "partner", acme.id);
  const templateId = (await buildTemplate(env, admin)).id;
  draft = await buildAssessment(env, admin, {
    partnerId: acme.id,
    templateId,
    status: "draft",
    dueDate: addDays(todayUtc(), 40),
  });
  sent = await buildAssessment(env, admin, {
    partnerId: zeta.id,
    templateId,
    dueDate: addDays(todayUtc(), 10),
  });
  late = await buildAssessment(env, admin, {
    partnerId: acme.id,
    templateId,
    status: "in_progress",
    answers: { security_attestation: "iso_27001", security_owner: true },
  });
  await setAssessment(env, late.id, { dueDate: addDays(todayUtc(), -3) });
  submitted = await buildAssessment(env, admin, {
    partnerId: zeta.id,
    templateId,
    status: "submitted",
    dueDate: addDays(todayUtc(), 20),
  });
  completed = await buildAssessment(env, admin, {
    partnerId: acme.id,
    templateId,
    status: "completed",
    dueDate: addDays(todayUtc(), 30),
  });
  await buildAssessment(env, other, { status: "draft" });
});

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

describe("GET /api/v1/assessments", () => {
  it("lists the organization's assessments by due date with progress, overdue and score", async () => {
    const res = await list(viewer);
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual([late.id, sent.id, submitted.id, completed.id, draft.id]);
    const item = res.json().items[0];
    expect(item).toMatchObject({
      partner: { id: acme.id, name: "Acme Outsourcing" },
      template: { title: "Information security", version: 1 },
      status: "in_progress",
      overdue: true,
      // ISO 27001 reveals the certificate and its expiry date: 2 of the now-visible questions answered.
      progress: { answered: 2 },
      score: expect.any(Number),
    });
    expect(res.json().items.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(1);
  });

  it("filters by status (several), partner, overdue, purpose and text, and sorts by partner", async () => {
    expect(ids(await list(admin, "?status=draft,completed"))).toEqual([completed.id, draft.id]);
    expect(ids(await list(admin, `?partnerId=${zeta.id}`))).toEqual([sent.id, submitted.id]);
    expect(ids(await list(admin, "?overdue=true"))).toEqual([late.id]);
    expect(ids(await list(admin, "?overdue=false"))).toHaveLength(4);
    expect(ids(await list(admin, "?purpose=reassessment"))).toEqual([]);
    expect(ids(await list(admin, "?q=zeta"))).toEqual([sent.id, submitted.id]);
    const byPartner = ids(await list(admin, "?sort=-partner"));
    expect(byPartner.slice(0, 2).sort()).toEqual([sent.id, submitted.id].sort());
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(admin, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.statusCode).toBe(200);
      seen.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([late.id, sent.id, submitted.id, completed.id, draft.id]);
  });

  it("answers 400 for an unknown status or sort, 401, and 403 to partner users", async () => {
    problem(await list(admin, "?status=bogus"), 400, "validation_failed");
    problem(await list(admin, "?sort=title"), 400, "validation_failed");
    problem(await list(null), 401, "unauthenticated");
    problem(await list(partnerUser), 403, "forbidden");
  });

  it("shows nothing of another organization", async () => {
    expect(ids(await list(admin))).not.toContain((await list(other)).json().items[0].id);
  });
});

describe("GET /api/v1/assessments/summary", () => {
  const summary = (s: Session | null, query = "") => call(env, s, { url: `${BASE}/summary${query}` });

  it("counts per status (zeros included) and overdue ones, optionally for one partner", async () => {
    const res = await summary(viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      byStatus: {
        draft: 1,
        sent: 1,
        in_progress: 1,
        submitted: 1,
        under_review: 0,
        clarification_requested: 0,
        completed: 1,
        cancelled: 0,
      },
      overdue: 1,
    });
    const zetaOnly = (await summary(admin, `?partnerId=${zeta.id}`)).json();
    expect(zetaOnly.byStatus).toMatchObject({ sent: 1, submitted: 1, draft: 0 });
    expect(zetaOnly.overdue).toBe(0);
  });

  it("answers 400 for a malformed partner id, 401 and 403 to partner users", async () => {
    problem(await summary(admin, "?partnerId=x"), 400, "validation_failed");
    problem(await summary(null), 401, "unauthenticated");
    problem(await summary(partnerUser), 403, "forbidden");
  });
});
