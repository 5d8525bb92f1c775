import crypto from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import {
  dataKeyAad,
  KeyUnwrapError,
  newDataKey,
  newOrgKey,
  orgKeyAad,
  rewrap,
  unwrapKey,
  wrapKey,
} from "./envelope.js";
import { type MasterKey, masterKeyId } from "./master-key.js";
import { createDecryptStream, createEncryptStream } from "./stream.js";

const master = (): MasterKey => {
  const key = crypto.randomBytes(32);
  return { id: masterKeyId(key), key };
};

async function encrypt(key: Buffer, plain: Buffer): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(Readable.from([plain]), createEncryptStream(key), async (src) => {
    for await (const c of src) out.push(c as Buffer);
  });
  return Buffer.concat(out);
}
const decrypt = (key: Buffer, sealed: Buffer) =>
  buffer(Readable.from([sealed]).pipe(createDecryptStream(key)));

describe("wrapKey / unwrapKey", () => {
  it("round-trips a key in a compact, versioned base64url encoding", () => {
    const kek = crypto.randomBytes(32);
    const key = crypto.randomBytes(32);
    const wrapped = wrapKey(kek, key, "org:1");
    expect(wrapped).toMatch(/^[A-Za-z0-9_-]{82}$/);
    expect(Buffer.from(wrapped, "base64url")[0]).toBe(1);
    expect(unwrapKey(kek, wrapped, "org:1").equals(key)).toBe(true);
    // A random IV: wrapping twice never gives the same text.
    expect(wrapKey(kek, key, "org:1")).not.toBe(wrapped);
  });

  it("refuses a wrapped key copied to another owner (AAD binding)", () => {
    const kek = crypto.randomBytes(32);
    const { wrapped } = newDataKey(kek, dataKeyAad("doc-a", 1));
    expect(() => unwrapKey(kek, wrapped, dataKeyAad("doc-a", 2))).toThrow(KeyUnwrapError);
    expect(() => unwrapKey(kek, wrapped, dataKeyAad("doc-b", 1))).toThrow(KeyUnwrapError);
    const m = master();
    const org = newOrgKey(m, "org-a");
    expect(() => unwrapKey(m.key, org.wrapped, orgKeyAad("org-b"))).toThrow(KeyUnwrapError);
    expect(unwrapKey(m.key, org.wrapped, orgKeyAad("org-a")).equals(org.key)).toBe(true);
  });

  it("refuses the wrong key-encrypting key, any flipped bit, and unknown versions", () => {
    const kek = crypto.randomBytes(32);
    const wrapped = wrapKey(kek, crypto.randomBytes(32), "x");
    expect(() => unwrapKey(crypto.randomBytes(32), wrapped, "x")).toThrow(KeyUnwrapError);
    const raw = Buffer.from(wrapped, "base64url");
    for (const i of [1, 13, 29, 60]) {
      const bad = Buffer.from(raw);
      bad[i] ^= 1;
      expect(() => unwrapKey(kek, bad.toString("base64url"), "x")).toThrow(KeyUnwrapError);
    }
    const v2 = Buffer.from(raw);
    v2[0] = 2;
    expect(() => unwrapKey(kek, v2.toString("base64url"), "x")).toThrow(/version/);
    expect(() => unwrapKey(kek, wrapped.slice(0, 40), "x")).toThrow(KeyUnwrapError);
  });

  it("refuses keys of the wrong length", () => {
    expect(() => wrapKey(crypto.randomBytes(16), crypto.randomBytes(32), "x")).toThrow(TypeError);
    expect(() => wrapKey(crypto.randomBytes(32), crypto.randomBytes(31), "x")).toThrow(TypeError);
  });
});

describe("key hierarchy", () => {
  it("master → org → data key → content", async () => {
    const m = master();
    const org = newOrgKey(m, "org-1");
    expect(org.masterKeyId).toBe(m.id);
    const orgKey = unwrapKey(m.key, org.wrapped, orgKeyAad("org-1"));
    const data = newDataKey(orgKey, dataKeyAad("doc-1", 1));
    const sealed = await encrypt(data.key, Buffer.from("hello"));
    const dataKey = unwrapKey(orgKey, data.wrapped, dataKeyAad("doc-1", 1));
    expect((await decrypt(dataKey, sealed)).toString()).toBe("hello");
  });

  it("rotation re-wraps without touching content: documents encrypted before still open", async () => {
    const oldMaster = master();
    const org = newOrgKey(oldMaster, "org-1");
    const data = newDataKey(org.key, dataKeyAad("doc-1", 3));
    const plain = crypto.randomBytes(200_000);
    const sealed = await encrypt(data.key, plain); // stored before the rotation, never rewritten

    // Rotate the master key: only the org key's envelope changes.
    const newMaster = master();
    const rotatedOrg = rewrap(oldMaster.key, newMaster.key, org.wrapped, orgKeyAad("org-1"));
    expect(rotatedOrg).not.toBe(org.wrapped);
    expect(() => unwrapKey(oldMaster.key, rotatedOrg, orgKeyAad("org-1"))).toThrow(KeyUnwrapError);

    // Rotate the org key too: re-wrap the data key under a fresh org key.
    const orgKey = unwrapKey(newMaster.key, rotatedOrg, orgKeyAad("org-1"));
    const newOrgKeyBytes = crypto.randomBytes(32);
    const rotatedData = rewrap(orgKey, newOrgKeyBytes, data.wrapped, dataKeyAad("doc-1", 3));

    const dataKey = unwrapKey(newOrgKeyBytes, rotatedData, dataKeyAad("doc-1", 3));
    expect((await decrypt(dataKey, sealed)).equals(plain)).toBe(true);
  });

  it("rewrap keeps the owner binding and refuses a wrong old key", () => {
    const a = crypto.randomBytes(32);
    const b = crypto.randomBytes(32);
    const wrapped = wrapKey(a, crypto.randomBytes(32), "org:1");
    expect(() => rewrap(b, a, wrapped, "org:1")).toThrow(KeyUnwrapError);
    expect(() => rewrap(a, b, wrapped, "org:2")).toThrow(KeyUnwrapError);
    const moved = rewrap(a, b, wrapped, "org:1");
    expect(() => unwrapKey(b, moved, "org:2")).toThrow(KeyUnwrapError);
  });
});
