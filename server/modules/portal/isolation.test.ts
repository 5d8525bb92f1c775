import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, type Session, useTestApp } from "../../test/harness.js";
import { XLSX_TYPE } from "../assessments/assessments-xlsx.js";
import { buildContract } from "../contracts/contracts.testkit.js";
import { buildDocument, buildShare, content, realPdf, tempDataDir } from "../documents/documents.testkit.js";
import {
  type AssessmentSessions,
  buildAssessmentSessions,
  buildPortalAssessment,
  multipart,
  PDF,
} from "./portal.testkit.js";

/**
 * The partner-user isolation matrix (issue 6). Every route of the OpenAPI document is called:
 * internal routes as a partner user with real ids of the same organization (another partner, its
 * assessment, its contract…) must answer 403 or 404 and never 2xx; portal routes must hide another
 * partner's and another organization's assessments (404), refuse staff (403) and anonymous callers
 * (401). A new internal route a partner user can reach makes this test fail: it is not in the
 * allow-list, so it is called, and its 2xx is caught.
 *
 * One internal route is open to partner users BY DESIGN (issue 7): `GET /documents/{id}/content`
 * serves them the documents shared with them (as marked copies). It is still called below with
 * another partner's shared document and must answer 404 there; the last test proves it serves
 * only what is shared with the caller.
 */

/**
 * Routes any caller (or any signed-in user, about themselves) may use: health, first-run setup,
 * signing in and out, the user's own profile and password, invitation acceptance (public, by
 * token), and the user's own notifications and preferences. Everything else is either internal
 * (staff only) or portal (partner only). Keep this list short and commented.
 */
const SELF_SERVICE = new Set([
  "GET /healthz", // process health: no data
  "GET /readyz", // database health: no data
  "GET /api/v1/setup", // whether the installation is set up: no organization data
  "POST /api/v1/setup", // first run only; 409 afterwards
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/me", // the caller's own profile
  "POST /api/v1/me/password", // the caller's own password
  "GET /api/v1/invitations/accept/{token}", // public, by one-time token
  "POST /api/v1/invitations/accept/{token}",
  "GET /api/v1/notifications", // the caller's own notifications (partner users get none)
  "GET /api/v1/notifications/unread-count",
  "POST /api/v1/notifications/read",
  "GET /api/v1/notification-preferences", // the caller's own preferences
  "PUT /api/v1/notification-preferences",
]);

/** Internal routes a partner user may reach for what is shared with them; 404 for anything else. */
const PARTNER_REACHABLE = new Set(["GET /api/v1/documents/{id}/content"]);

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: AssessmentSessions;
/** Same organization, another partner (P2), with an assessment, a contract and a contact. */
let p2: {
  id: string;
  assessmentId: string;
  contractId: string;
  contactId: string;
  templateId: string;
  /** A document shared with P2 (not with the partner user's partner). */
  documentId: string;
};
/** Another organization's assessment. */
let o2AssessmentId: string;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
  const partner = await buildPartner(env, s.admin);
  const a = await buildPortalAssessment(env, s.admin, partner.id);
  const contract = await buildContract(env, s.admin, partner.id);
  const document = await buildDocument(env, s.admin);
  await buildShare(env, s.admin, document.id, { partnerId: partner.id });
  p2 = {
    id: partner.id,
    assessmentId: a.id,
    contractId: contract.id,
    contactId: a.contactIds[0],
    templateId: a.templateId,
    documentId: document.id,
  };
  o2AssessmentId = (await buildPortalAssessment(env, s.other, (await buildPartner(env, s.other)).id)).id;
  // The partner user's own assessment exists too, so "nothing visible" is not why P2's answers 404.
  await buildPortalAssessment(env, s.admin, s.partnerId);
  const doc = (await env.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
  );
});

/** A real id of the same organization for `{id}`, by the resource the path names. */
function idFor(path: string): string {
  const resource = path.split("/")[3];
  switch (resource) {
    case "partners":
      return p2.id;
    case "assessments":
      return p2.assessmentId;
    case "contracts":
      return p2.contractId;
    case "questionnaire-templates":
      return p2.templateId;
    case "users":
      return s.admin.userId;
    case "documents":
      return p2.documentId;
    default:
      return randomUUID();
  }
}

function fill(path: string, id: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === "id") return id;
    if (name === "partId") return p2.contactId;
    if (name === "questionKey") return "has_policy";
    if (name === "version") return "1";
    if (name === "code") return "IN";
    if (name === "token") return "x".repeat(43);
    if (name === "periodStart") return "2025-01-01";
    return randomUUID();
  });
}

/** A plausible body, so a refusal is about who asks, not about what was sent. */
function request(method: string, path: string, url: string): InjectOptions {
  const opts: InjectOptions = { method: method as InjectOptions["method"], url };
  if (method === "GET" || method === "DELETE") return opts;
  if (path.endsWith("/import") && path.includes("assessments"))
    return { ...opts, headers: { "content-type": XLSX_TYPE }, payload: Buffer.from("PK\u0003\u0004") };
  // Other imports (partners, indicators) take CSV.
  if (path.endsWith("/import"))
    return { ...opts, headers: { "content-type": "text/csv" }, payload: "a,b\n1,2\n" };
  if (path.endsWith("/evidence")) return { ...opts, ...multipart("has_policy", "a.pdf", PDF) };
  if (path.endsWith("/answers")) return { ...opts, payload: { answers: { has_policy: true } } };
  return { ...opts, payload: {} };
}

const isPortal = (path: string) => path.startsWith("/api/v1/portal/");
const label = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("partner-user isolation", () => {
  it("knows every allow-listed route (a stale entry would hide a renamed route)", () => {
    const known = new Set(routes.map(label));
    for (const r of SELF_SERVICE) expect(known, r).toContain(r);
    expect(routes.filter((r) => isPortal(r.path)).length).toBeGreaterThanOrEqual(10);
  });

  it("refuses a partner user on every internal route (403/404, never 2xx)", async () => {
    const reached: string[] = [];
    const internal = routes.filter((r) => !isPortal(r.path) && !SELF_SERVICE.has(label(r)));
    expect(internal.length).toBeGreaterThan(100);
    for (const r of internal) {
      const url = fill(r.path, idFor(r.path));
      const res = await call(env, s.partnerUser, request(r.method, r.path, url));
      // A route open to partner users must not even admit the document exists: 404, not 403.
      const allowed = PARTNER_REACHABLE.has(label(r)) ? [404] : [403, 404];
      if (!allowed.includes(res.statusCode)) reached.push(`${label(r)} → ${res.statusCode}`);
    }
    expect(reached).toEqual([]);
  });

  it("hides other partners' and organizations' assessments on every portal route, refuses staff and anonymous", async () => {
    const wrong: string[] = [];
    const check = async (
      r: { method: string; path: string },
      who: Session | null,
      id: string,
      want: number,
    ) => {
      const url = fill(r.path, id);
      const res = await call(env, who, request(r.method, r.path, url));
      if (res.statusCode !== want)
        wrong.push(`${label(r)} as ${who?.role ?? "anonymous"} (${id}) → ${res.statusCode}`);
    };
    for (const r of routes.filter((x) => isPortal(x.path))) {
      if (r.path.includes("{id}")) {
        await check(r, s.partnerUser, p2.assessmentId, 404);
        await check(r, s.partnerUser, o2AssessmentId, 404);
      }
      await check(r, s.admin, p2.assessmentId, 403);
      await check(r, s.riskManager, p2.assessmentId, 403);
      await check(r, null, p2.assessmentId, 401);
    }
    expect(wrong).toEqual([]);
  });

  it("serves partner users on the content route only what is shared with them", async () => {
    for (const r of PARTNER_REACHABLE) expect(routes.map(label), r).toContain(r);
    const mine = await buildDocument(env, s.admin, {}, await realPdf());
    await buildShare(env, s.admin, mine.id, { partnerId: s.partnerId });
    const foreign = await buildDocument(env, s.other);
    expect((await content(env, s.partnerUser, mine.id)).statusCode).toBe(200);
    expect((await content(env, s.partnerUser, p2.documentId)).statusCode).toBe(404);
    expect((await content(env, s.partnerUser, foreign.id)).statusCode).toBe(404);
    expect((await content(env, s.partnerUser, randomUUID())).statusCode).toBe(404);
  });
});
