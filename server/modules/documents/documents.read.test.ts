import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";
import { buildDocument, multipart, PDF, storedObjects, tempDataDir } from "./documents.testkit.js";

const dataDir = tempDataDir();
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir });
let s: ContractSessions;
const cast = async () => (s ??= await buildContractSessions(env));
const get = (who: Session | null, url: string) => call(env, who, { method: "GET", url });
const pdf = (text: string) => Buffer.concat([PDF, Buffer.from(text)]);
const newVersion = (who: Session | null, id: string, name: string, data: Buffer | string) =>
  call(env, who, {
    method: "POST",
    url: `/api/v1/documents/${id}/versions`,
    ...multipart({}, { name, data }),
  });

describe("GET /api/v1/documents and /:id", () => {
  it("lists with filters and a cursor, and reads one document with its versions", async () => {
    await cast();
    const partner2 = await buildPartner(env, s.admin);
    const a = await buildDocument(env, s.admin, {
      title: "Alpha contract scan",
      partnerId: s.partnerId,
      classification: "confidential",
    });
    const b = await buildDocument(env, s.admin, { title: "Beta policy", partnerId: partner2.id });
    await buildDocument(env, s.other, { title: "Alpha of another org" });
    const all = (await get(s.viewer, "/api/v1/documents")).json();
    expect(all.items.map((d: { id: string }) => d.id)).toEqual([b.id, a.id]);
    const ids = async (qs: string) =>
      (await get(s.viewer, `/api/v1/documents?${qs}`)).json().items.map((d: { id: string }) => d.id);
    expect(await ids(`partnerId=${s.partnerId}`)).toEqual([a.id]);
    expect(await ids("classification=confidential")).toEqual([a.id]);
    expect(await ids("q=beta")).toEqual([b.id]);
    const first = (await get(s.viewer, "/api/v1/documents?limit=1")).json();
    expect(first.items.map((d: { id: string }) => d.id)).toEqual([b.id]);
    const second = (
      await get(s.viewer, `/api/v1/documents?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    expect(second.items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    const one = (await get(s.viewer, `/api/v1/documents/${a.id}`)).json();
    expect(one).toMatchObject({
      id: a.id,
      title: "Alpha contract scan",
      currentVersion: 1,
      versions: [{ version: 1 }],
    });
  });

  it("400 on bad filters, 401, 403 for partner users, 404 for another org's id", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    problem(await get(s.viewer, "/api/v1/documents?classification=secret"), 400, "validation_failed");
    problem(await get(s.viewer, "/api/v1/documents/not-a-uuid"), 400, "validation_failed");
    problem(await get(null, "/api/v1/documents"), 401, "unauthenticated");
    problem(await get(s.partnerUser, "/api/v1/documents"), 403, "forbidden");
    problem(await get(s.partnerUser, `/api/v1/documents/${doc.id}`), 403, "forbidden");
    problem(await get(s.other, `/api/v1/documents/${doc.id}`), 404, "not_found");
    problem(await get(s.admin, `/api/v1/documents/${crypto.randomUUID()}`), 404, "not_found");
  });
});

describe("POST /api/v1/documents/:id/versions and GET …/content", () => {
  it("adds a version, keeps the old one downloadable and audits it", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin, {}, pdf("v1"));
    const res = await newVersion(s.vendorManager, doc.id, "policy-v2.pdf", pdf("v2"));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      currentVersion: 2,
      fileName: "policy-v2.pdf",
      versions: [{ version: 2 }, { version: 1 }],
    });
    const current = await get(s.viewer, `/api/v1/documents/${doc.id}/content`);
    expect(current.rawPayload.equals(pdf("v2"))).toBe(true);
    expect(current.headers["content-type"]).toBe("application/pdf");
    expect(current.headers["content-disposition"]).toMatch(/^attachment; filename="policy-v2.pdf"/);
    const old = await get(s.viewer, `/api/v1/documents/${doc.id}/content?version=1`);
    expect(old.rawPayload.equals(pdf("v1"))).toBe(true);
    expect(await auditActions(env, s.admin.orgId, doc.id)).toEqual(["document.create", "document.version"]);
  });

  it("422/401/403/404 on versions and content", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    problem(await newVersion(s.admin, doc.id, "x.png", PDF), 422, "file_type_mismatch");
    problem(await newVersion(null, doc.id, "x.pdf", PDF), 401, "unauthenticated");
    problem(await newVersion(s.viewer, doc.id, "x.pdf", PDF), 403, "forbidden");
    problem(await newVersion(s.partnerUser, doc.id, "x.pdf", PDF), 403, "forbidden");
    problem(await newVersion(s.other, doc.id, "x.pdf", PDF), 404, "not_found");
    problem(await get(s.admin, `/api/v1/documents/${doc.id}/content?version=0`), 400, "validation_failed");
    problem(await get(s.admin, `/api/v1/documents/${doc.id}/content?version=9`), 404, "not_found");
    problem(await get(null, `/api/v1/documents/${doc.id}/content`), 401, "unauthenticated");
    // Partner users reach the content route by design, but only for what is shared with them.
    problem(await get(s.partnerUser, `/api/v1/documents/${doc.id}/content`), 404, "not_found");
    problem(await get(s.other, `/api/v1/documents/${doc.id}/content`), 404, "not_found");
    expect((await get(s.admin, `/api/v1/documents/${doc.id}`)).json().currentVersion).toBe(1);
  });
});

describe("DELETE /api/v1/documents/:id", () => {
  it("deletes rows then stored objects, admins only, audited", async () => {
    await cast();
    const doc = await buildDocument(env, s.admin);
    await newVersion(s.admin, doc.id, "b.pdf", pdf("second"));
    const mine = async () => (await storedObjects(dataDir)).filter((f) => f.includes(doc.id));
    expect(await mine()).toHaveLength(2);
    const del = (who: Session | null, id = doc.id) =>
      call(env, who, { method: "DELETE", url: `/api/v1/documents/${id}` });
    problem(await del(null), 401, "unauthenticated");
    problem(await del(s.riskManager), 403, "forbidden");
    problem(await del(s.partnerUser), 403, "forbidden");
    problem(await del(s.other), 404, "not_found");
    problem(await del(s.admin, "nope"), 400, "validation_failed");
    expect((await del(s.admin)).statusCode).toBe(204);
    problem(await get(s.admin, `/api/v1/documents/${doc.id}`), 404, "not_found");
    expect(await mine()).toEqual([]);
    expect(await auditActions(env, s.admin.orgId, doc.id)).toEqual([
      "document.create",
      "document.version",
      "document.delete",
    ]);
  });
});
