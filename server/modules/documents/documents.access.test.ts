import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { accessRows, buildDocument, buildShare, content, realPdf, tempDataDir } from "./documents.testkit.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: ContractSessions;
let auditor: Session;
let p2: { id: string; name: string; user: Session };
let doc: { id: string };

const log = (who: Session | null, qs = "", id = doc.id) =>
  call(env, who, { method: "GET", url: `/api/v1/documents/${id}/access-log${qs ? `?${qs}` : ""}` });
type Entry = { id: string; action: string; user: { email: string } | null; partner: { name: string } | null };

beforeAll(async () => {
  s = await buildContractSessions(env);
  auditor = await buildUser(env, s.admin.orgId, "auditor");
  const partner = await buildPartner(env, s.admin, { name: "Initech Services" });
  p2 = { ...partner, user: await buildUser(env, s.admin.orgId, "partner", partner.id) };
  doc = await buildDocument(env, s.admin, {}, await realPdf());
  await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
  await buildShare(env, s.admin, doc.id, { partnerId: p2.id });
  // Oldest first: staff download, partner 1 view, partner 2 download, partner 2 view.
  await content(env, s.viewer, doc.id);
  await content(env, s.partnerUser, doc.id, "disposition=inline");
  await content(env, p2.user, doc.id);
  await content(env, p2.user, doc.id, "disposition=inline");
});

describe("GET /api/v1/documents/:id/access-log", () => {
  it("lists every delivered copy newest first, with the partner's name and the copy id", async () => {
    const res = await log(auditor);
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json() as { items: Entry[]; nextCursor: string | null };
    expect(nextCursor).toBeNull();
    expect(items.map((e) => [e.action, e.user?.email, e.partner?.name ?? null])).toEqual([
      ["view", p2.user.email, "Initech Services"],
      ["download", p2.user.email, "Initech Services"],
      ["view", s.partnerUser.email, expect.any(String)],
      ["download", s.viewer.email, null],
    ]);
    const rows = await accessRows(env, doc.id);
    expect(items[0]).toMatchObject({
      id: rows[3].id,
      version: 1,
      shareId: rows[3].shareId,
      watermark: "pdf",
      copyId: rows[3].copyId,
      ip: "127.0.0.1",
      createdAt: expect.any(String),
    });
    expect(items[3]).toMatchObject({ watermark: "none", copyId: null, shareId: null });
  });

  it("pages with a cursor and filters by action and partner", async () => {
    const first = (await log(s.admin, "limit=3")).json();
    expect(first.items).toHaveLength(3);
    const second = (await log(s.admin, `limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((e: Entry) => e.id);
    expect(new Set(all).size).toBe(4);
    const views = (await log(s.compliance, "action=view")).json().items as Entry[];
    expect(views.map((e) => e.user?.email)).toEqual([p2.user.email, s.partnerUser.email]);
    const ofP2 = (await log(s.riskManager, `partnerId=${p2.id}`)).json().items as Entry[];
    expect(ofP2.map((e) => e.action)).toEqual(["view", "download"]);
    const both = (await log(s.vendorManager, `partnerId=${p2.id}&action=download`)).json().items;
    expect(both).toHaveLength(1);
  });

  it("400 on bad filters, 422 on a foreign cursor, 401, 403 for viewers and partner users, 404 other org", async () => {
    problem(await log(s.admin, "action=print"), 400, "validation_failed");
    problem(await log(s.admin, "partnerId=nope"), 400, "validation_failed");
    problem(await log(s.admin, "cursor=garbage"), 422, "validation_failed");
    problem(await log(s.admin, "", "nope"), 400, "validation_failed");
    problem(await log(null), 401, "unauthenticated");
    problem(await log(s.viewer), 403, "forbidden");
    problem(await log(s.partnerUser), 403, "forbidden");
    problem(await log(s.other), 404, "not_found");
    problem(await log(s.admin, "", crypto.randomUUID()), 404, "not_found");
  });
});
