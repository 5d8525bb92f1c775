import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import {
  buildDocument,
  buildShare,
  inDays,
  realPdf,
  setShareExpiry,
  tempDataDir,
  upload,
} from "../documents/documents.testkit.js";
import { buildNda } from "../ndas/ndas.testkit.js";

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: ContractSessions;
let pdf: Buffer;
const list = (who: Session | null) => call(env, who, { method: "GET", url: "/api/v1/portal/documents" });
type Item = { id: string; shareId: string; allowDownload: boolean; expiresAt: string; available: boolean };

beforeAll(async () => {
  s = await buildContractSessions(env);
  pdf = await realPdf();
});

describe("GET /api/v1/portal/documents", () => {
  it("lists each document a live share gives the user once, with the most generous share", async () => {
    const partner = await buildPartner(env, s.admin);
    const me = await buildUser(env, s.admin.orgId, "partner", partner.id);
    const colleague = await buildUser(env, s.admin.orgId, "partner", partner.id);
    const other = await buildPartner(env, s.admin);
    const a = await buildDocument(env, s.admin, { title: "A" }, pdf);
    const viewOnly = await buildShare(env, s.admin, a.id, { partnerId: partner.id, allowDownload: false });
    const download = await buildShare(env, s.admin, a.id, {
      userIds: [me.userId],
      allowDownload: true,
      expiresAt: inDays(5),
    });
    const b = (
      await upload(
        env,
        s.admin,
        { title: "B", classification: "public" },
        { name: "b.csv", data: "x,y\n1,2\n" },
      )
    ).json();
    await buildShare(env, s.admin, b.id, {
      partnerId: partner.id,
      expiresAt: inDays(3),
      allowDownload: false,
    });
    const longer = await buildShare(env, s.admin, b.id, {
      partnerId: partner.id,
      expiresAt: inDays(9),
      allowDownload: false,
    });
    // Not for me: a colleague's named share, another partner's, an expired and a revoked one.
    const c = await buildDocument(env, s.admin, { title: "C" }, pdf);
    await buildShare(env, s.admin, c.id, { userIds: [colleague.userId] });
    await buildShare(env, s.admin, c.id, { partnerId: other.id });
    const expired = await buildShare(env, s.admin, c.id, { partnerId: partner.id });
    await setShareExpiry(env, expired.id, inDays(-1));
    const revoked = await buildShare(env, s.admin, c.id, { partnerId: partner.id });
    await call(env, s.admin, { method: "DELETE", url: `/api/v1/documents/${c.id}/shares/${revoked.id}` });

    const res = await list(me);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(a.id)).toMatchObject({
      title: "A",
      classification: "internal",
      fileName: "policy.pdf",
      contentType: "application/pdf",
      version: 1,
      shareId: download.id,
      allowDownload: true,
      viewable: true,
      available: true,
      unavailableReason: null,
    });
    expect(byId.get(b.id)).toMatchObject({ shareId: longer.id, allowDownload: false, viewable: false });
    // The colleague sees A through the partner-wide share only, and C through their named one.
    const theirs = (await list(colleague)).json().items as Item[];
    expect(theirs.find((i) => i.id === a.id)?.shareId).toBe(viewOnly.id);
    expect(theirs.map((i) => i.id)).toContain(c.id);
  });

  it("holds back confidential documents while no NDA is in force", async () => {
    const partner = await buildPartner(env, s.admin);
    const me = await buildUser(env, s.admin.orgId, "partner", partner.id);
    await buildNda(env, s.admin, partner.id);
    const secret = await buildDocument(env, s.admin, { classification: "confidential" }, pdf);
    const open = await buildDocument(env, s.admin, { classification: "internal" }, pdf);
    await buildShare(env, s.admin, secret.id, { partnerId: partner.id });
    await buildShare(env, s.admin, open.id, { partnerId: partner.id });
    const availability = async () =>
      Object.fromEntries(
        ((await list(me)).json().items as (Item & { unavailableReason: string | null })[]).map((i) => [
          i.id,
          [i.available, i.unavailableReason],
        ]),
      );
    expect(await availability()).toEqual({ [secret.id]: [true, null], [open.id]: [true, null] });
    await env.ctx.database.pool.query(
      "UPDATE ndas SET expiry_date = current_date - 1 WHERE partner_id = $1",
      [partner.id],
    );
    expect(await availability()).toEqual({ [secret.id]: [false, "nda_required"], [open.id]: [true, null] });
  });

  it("is empty for a partner with nothing shared; 401 anonymous, 403 staff; another org sees nothing", async () => {
    expect((await list(s.partnerUser)).json()).toEqual({ items: [] });
    const foreignPartner = await buildPartner(env, s.other);
    const foreignUser = await buildUser(env, s.other.orgId, "partner", foreignPartner.id);
    const doc = await buildDocument(env, s.admin, {}, pdf);
    await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId });
    expect((await list(foreignUser)).json()).toEqual({ items: [] });
    expect((await list(s.partnerUser)).json().items.map((i: Item) => i.id)).toEqual([doc.id]);
    problem(await list(null), 401, "unauthenticated");
    problem(await list(s.admin), 403, "forbidden");
    problem(await list(s.viewer), 403, "forbidden");
  });
});
