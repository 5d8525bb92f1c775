import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildPartner, call, problem, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildContractSessions,
  type ContractSessions,
} from "../contracts/contracts.testkit.js";
import {
  buildDocument,
  filesContaining,
  PDF,
  storedObjects,
  tempDataDir,
  upload,
} from "./documents.testkit.js";

const dataDir = tempDataDir();
const env = useTestApp({ OUTSIGHT_DATA_DIR: dataDir, DOCUMENT_MAX_MB: "1" });
let s: ContractSessions;
const cast = async () => (s ??= await buildContractSessions(env));
const get = (who: ContractSessions["admin"] | null, url: string) => call(env, who, { method: "GET", url });

describe("POST /api/v1/documents", () => {
  it("stores an encrypted document, answers 201 with its version and audits it", async () => {
    await cast();
    const res = await upload(
      env,
      s.compliance,
      { title: "ISMS policy", classification: "confidential", partnerId: s.partnerId },
      { name: "../ISMS\u202e.pdf", data: PDF },
    );
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      title: "ISMS policy",
      classification: "confidential",
      partnerId: s.partnerId,
      contractId: null,
      currentVersion: 1,
      fileName: "ISMS.pdf",
      contentType: "application/pdf",
      size: PDF.length,
    });
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0].sha256).toBe(crypto.createHash("sha256").update(PDF).digest("hex"));
    expect(JSON.stringify(doc)).not.toMatch(/wrapped|storage/i);
    expect(await auditActions(env, s.admin.orgId, doc.id)).toEqual(["document.create"]);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM org_keys WHERE org_id = $1",
      [s.admin.orgId],
    );
    expect(rows[0].n).toBe(1);
  });

  it("never writes plaintext to disk: a marker uploaded through the API is nowhere in the data dir, and downloads intact", async () => {
    await cast();
    const marker = Buffer.from(`MARKER-${crypto.randomBytes(12).toString("hex")}`);
    const text = Buffer.from(
      Array.from({ length: 4000 }, (_, i) => `${marker} line ${i} ünïcode\n`).join(""),
    );
    const doc = await buildDocument(env, s.admin, {}, PDF);
    const res = await upload(
      env,
      s.admin,
      { title: "Notes", classification: "restricted" },
      { name: "notes.txt", data: text },
    );
    expect(res.statusCode).toBe(201);
    expect(doc.id).toBeTruthy();
    expect(await filesContaining(dataDir, marker)).toEqual([]);
    const back = await get(s.viewer, `/api/v1/documents/${res.json().id}/content`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(text)).toBe(true);
    expect(back.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(back.headers["x-content-type-options"]).toBe("nosniff");
    expect(back.headers["content-disposition"]).toMatch(/^attachment; filename="notes.txt"/);
  });

  it("400 on missing or invalid fields, 422 on another org's partner, 415 without multipart", async () => {
    await cast();
    problem(
      await upload(env, s.admin, { classification: "internal" }, { name: "a.pdf", data: PDF }),
      400,
      "validation_failed",
    );
    problem(
      await upload(env, s.admin, { title: "x", classification: "secret" }, { name: "a.pdf", data: PDF }),
      400,
      "validation_failed",
    );
    problem(await upload(env, s.admin, { title: "x", classification: "internal" }), 422, "validation_failed");
    problem(
      await upload(env, s.admin, { title: "x", classification: "internal" }, { name: "a.pdf", data: "" }),
      422,
      "validation_failed",
    );
    const foreign = await buildPartner(env, s.other);
    const bad = problem(
      await upload(
        env,
        s.admin,
        { title: "x", classification: "internal", partnerId: foreign.id },
        { name: "a.pdf", data: PDF },
      ),
      422,
      "validation_failed",
    );
    expect(bad.errors?.[0].path).toBe("body.partnerId");
    problem(
      await call(env, s.admin, { method: "POST", url: "/api/v1/documents", payload: { title: "x" } }),
      415,
      "unsupported_media_type",
    );
    const spec = (await call(env, null, { method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths)).toContain("/api/v1/documents/{id}/content");
  });

  it("413 file_too_large over DOCUMENT_MAX_MB, leaving no row and no object", async () => {
    await cast();
    const before = (await storedObjects(dataDir)).length;
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    problem(
      await upload(
        env,
        s.admin,
        { title: "Big", classification: "internal" },
        { name: "big.pdf", data: big },
      ),
      413,
      "file_too_large",
    );
    expect((await storedObjects(dataDir)).length).toBe(before);
    const { rows } = await env.ctx.database.pool.query(
      "SELECT count(*)::int AS n FROM documents WHERE title = 'Big'",
    );
    expect(rows[0].n).toBe(0);
  });

  it("422 when the content does not match the name, for binary text, executables and traversing zips", async () => {
    await cast();
    const f = { title: "x", classification: "internal" };
    const before = (await storedObjects(dataDir)).length;
    problem(await upload(env, s.admin, f, { name: "a.png", data: PDF }), 422, "file_type_mismatch");
    problem(
      await upload(env, s.admin, f, { name: "a.txt", data: Buffer.from("hello\0world") }),
      422,
      "file_type_mismatch",
    );
    problem(
      await upload(env, s.admin, f, { name: "a.csv", data: Buffer.from([0x61, 0xff, 0xfe, 0x62]) }),
      422,
      "file_type_mismatch",
    );
    problem(
      await upload(env, s.admin, f, { name: "a.bin", data: crypto.randomBytes(64) }),
      422,
      "file_type_mismatch",
    );
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    problem(await upload(env, s.admin, f, { name: "tool.pdf", data: elf }), 422, "file_type_refused");
    problem(
      await upload(env, s.admin, f, { name: "run.txt", data: "#!/bin/sh\nrm -rf /\n" }),
      422,
      "file_type_refused",
    );
    problem(
      await upload(env, s.admin, f, { name: "evil.zip", data: zipWith("../../etc/cron.d/x") }),
      422,
      "file_type_refused",
    );
    expect((await storedObjects(dataDir)).length).toBe(before); // refused mid-stream: the object was removed
    expect(
      (await upload(env, s.admin, f, { name: "ok.zip", data: zipWith("docs/readme.txt") })).statusCode,
    ).toBe(201);
  });

  it("401 anonymous, 403 for viewers and partner users; risk and vendor managers upload", async () => {
    await cast();
    const f = { title: "x", classification: "internal" };
    const file = { name: "a.pdf", data: PDF };
    problem(await upload(env, null, f, file), 401, "unauthenticated");
    problem(await upload(env, s.viewer, f, file), 403, "forbidden");
    problem(await upload(env, s.partnerUser, f, file), 403, "forbidden");
    expect((await upload(env, s.riskManager, f, file)).statusCode).toBe(201);
    expect((await upload(env, s.vendorManager, f, file)).statusCode).toBe(201);
  });
});

/** A one-entry stored zip whose entry is named `name` (local header, central directory, end record). */
function zipWith(name: string): Buffer {
  const n = Buffer.from(name);
  const body = Buffer.from("x");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc32(body), 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc32(body), 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, end]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
