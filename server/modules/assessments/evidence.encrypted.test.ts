import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { call, type Session, useTestApp } from "../../test/harness.js";
import { masterKeyOf } from "../documents/documents.keys.js";
import { rotateKeys } from "../documents/documents.rotate.js";
import { filesContaining, storedObjects, tempDataDir } from "../documents/documents.testkit.js";
import {
  type AssessmentSessions,
  buildAssessmentSessions,
  buildPortalAssessment,
  multipart,
  PORTAL,
} from "../portal/portal.testkit.js";
import { encryptLegacyEvidence } from "./evidence.store.js";

/** Evidence files at rest: encrypted in document storage, legacy rows converted, keys rotated. */

const dataDir = tempDataDir();
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir });
let s: AssessmentSessions;

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
});

const upload = (id: string, name: string, data: Buffer) =>
  call(env, s.partnerUser, {
    method: "POST",
    url: `${PORTAL}/${id}/evidence`,
    ...multipart("policy_doc", name, data),
  });

/** Both downloads (portal user and staff) answer exactly `expected`. */
async function expectDownloads(assessmentId: string, evidenceId: string, expected: Buffer) {
  const urls: [Session, string][] = [
    [s.partnerUser, `${PORTAL}/${assessmentId}/evidence/${evidenceId}`],
    [s.admin, `/api/v1/assessments/${assessmentId}/evidence/${evidenceId}`],
  ];
  for (const [who, url] of urls) {
    const res = await call(env, who, { method: "GET", url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(expected.length);
    expect(res.rawPayload.equals(expected), url).toBe(true);
  }
}

const evidenceRow = async (id: string) =>
  (
    await env.ctx.database.pool.query(
      `SELECT content IS NULL AS "noContent", storage_key AS "storageKey", org_key_version AS "orgKeyVersion",
              sha256, size, row_to_json(e)::text AS json
         FROM assessment_evidence e WHERE id = $1`,
      [id],
    )
  ).rows[0];

describe("evidence files at rest", () => {
  it("stores an upload encrypted: the plaintext is nowhere in the row nor in the storage directory", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const marker = `MARKER-${crypto.randomUUID()}`;
    const data = Buffer.from(`%PDF-1.4\n% ${marker}\n${marker}\n%%EOF\n`);
    const res = await upload(a.id, "secret.pdf", data);
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;

    const row = await evidenceRow(id);
    expect(row.noContent).toBe(true);
    expect(row.storageKey).toMatch(new RegExp(`^${s.admin.orgId}/evidence/${id}-`));
    expect(row.sha256).toBe(crypto.createHash("sha256").update(data).digest("hex"));
    expect(row.size).toBe(data.length);
    expect(row.json).not.toContain(marker);
    expect(row.json).not.toContain(Buffer.from(marker).toString("hex"));
    expect(await filesContaining(dataDir, Buffer.from(marker))).toEqual([]);
    expect((await storedObjects(dataDir)).some((f) => f.includes(`/evidence/${id}-`))).toBe(true);

    await expectDownloads(a.id, id, data);

    // Deleting the evidence removes its object after the row.
    const del = await call(env, s.partnerUser, { method: "DELETE", url: `${PORTAL}/${a.id}/evidence/${id}` });
    expect(del.statusCode).toBe(204);
    expect((await storedObjects(dataDir)).some((f) => f.includes(`/evidence/${id}-`))).toBe(false);
  });

  it("leaves no object behind when the upload is refused inside its transaction", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const before = await storedObjects(dataDir);
    const res = await call(env, s.partnerUser, {
      method: "POST",
      url: `${PORTAL}/${a.id}/evidence`,
      ...multipart("no_such_question", "a.pdf", Buffer.from("%PDF-1.4\n%%EOF\n")),
    });
    expect(res.statusCode).toBe(422);
    expect(await storedObjects(dataDir)).toEqual(before);
  });

  it("converts legacy plaintext rows with encryptLegacyEvidence; they still download byte for byte", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const data = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(150_000)]);
    const marker = crypto.randomBytes(32);
    data.set(marker, 5000);
    const {
      rows: [{ id }],
    } = await env.ctx.database.pool.query(
      `INSERT INTO assessment_evidence (org_id, assessment_id, question_key, file_name, content_type, size, sha256, content)
       VALUES ($1, $2, 'policy_doc', 'legacy.pdf', 'application/pdf', $3, $4, $5) RETURNING id`,
      [s.admin.orgId, a.id, data.length, crypto.createHash("sha256").update(data).digest("hex"), data],
    );
    await expectDownloads(a.id, id, data); // legacy path, before conversion

    expect(await encryptLegacyEvidence(env.ctx, undefined, 2)).toBeGreaterThanOrEqual(1);
    const row = await evidenceRow(id);
    expect(row.noContent).toBe(true);
    expect(row.storageKey).toMatch(/\/evidence\//);
    expect(await filesContaining(dataDir, marker)).toEqual([]);
    await expectDownloads(a.id, id, data);

    // Idempotent: nothing left to convert.
    expect(await encryptLegacyEvidence(env.ctx)).toBe(0);
  });

  it("still opens evidence after keys rotate --new-org-keys", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const data = Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(80_000)]);
    const res = await upload(a.id, "rotated.pdf", data);
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const before = await evidenceRow(id);

    const reports = await rotateKeys(env.ctx.database.db, {
      current: await masterKeyOf(env.ctx),
      newOrgKeys: true,
    });
    const mine = reports.find((r) => r.orgId === s.admin.orgId);
    expect(mine?.newOrgKeyVersion).toBe(before.orgKeyVersion + 1);
    expect(mine?.dataKeysRewrapped).toBeGreaterThanOrEqual(1);
    expect((await evidenceRow(id)).orgKeyVersion).toBe(before.orgKeyVersion + 1);
    await expectDownloads(a.id, id, data);
  });
});
