import crypto from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataKeyAad, newDataKey, newOrgKey, orgKeyAad, unwrapKey } from "../crypto/envelope.js";
import { loadMasterKey } from "../crypto/master-key.js";
import { createDecryptStream, createEncryptStream, encryptedSize } from "../crypto/stream.js";
import { LocalStorage } from "./local-storage.js";
import { assertStorageKey, InvalidStorageKeyError, StorageNotFoundError } from "./storage.js";

let tmp: string;
let storage: LocalStorage;
beforeEach(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "outsight-storage-"));
  storage = new LocalStorage(path.join(tmp, "data"));
});
afterEach(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});

/** Every regular file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Files under `dir` whose bytes contain `marker`. */
async function filesContaining(dir: string, marker: Buffer): Promise<string[]> {
  const hits: string[] = [];
  for (const f of await filesUnder(dir)) if ((await fsp.readFile(f)).includes(marker)) hits.push(f);
  return hits;
}

describe("storage keys", () => {
  it.each([
    "",
    "..",
    "../etc/passwd",
    "a/../../b",
    "a/./b",
    "/etc/passwd",
    "C:/windows",
    "a\\b",
    "a\0b",
    "a//b",
    "a/",
    ".hidden",
    ".tmp/x",
    "a b",
    "x".repeat(1025),
  ])("refuses %j", async (key) => {
    expect(() => assertStorageKey(key)).toThrow(InvalidStorageKeyError);
    await expect(storage.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.exists(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
  });

  it.each(["a", "org-1/doc_2/v3", "0f9e/abc.ose", "A.B-c_d"])("accepts %j", (key) => {
    expect(() => assertStorageKey(key)).not.toThrow();
  });
});

describe("LocalStorage", () => {
  it("puts, reads back, checks, overwrites and deletes objects under <dataDir>/documents", async () => {
    const body = crypto.randomBytes(300_000);
    expect(await storage.put("org/doc/v1", Readable.from([body]))).toEqual({ size: body.length });
    expect(storage.root).toBe(path.join(tmp, "data", "documents"));
    const file = path.join(storage.root, "org", "doc", "v1");
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
    expect(await storage.exists("org/doc/v1")).toBe(true);
    expect(await storage.exists("org/doc")).toBe(false); // a folder is not an object
    expect((await buffer(await storage.get("org/doc/v1"))).equals(body)).toBe(true);

    await storage.put("org/doc/v1", Readable.from([Buffer.from("second")]));
    expect((await buffer(await storage.get("org/doc/v1"))).toString()).toBe("second");

    await storage.delete("org/doc/v1");
    await storage.delete("org/doc/v1"); // idempotent
    expect(await storage.exists("org/doc/v1")).toBe(false);
    await expect(storage.get("org/doc/v1")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.get("org/doc")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("a failing upload leaves neither a file under the key nor a temp file, and keeps the old object", async () => {
    await storage.put("k", Readable.from([Buffer.from("old")]));
    async function* failing() {
      yield crypto.randomBytes(100_000);
      throw new Error("client went away");
    }
    await expect(storage.put("k", Readable.from(failing()))).rejects.toThrow("client went away");
    await expect(storage.put("new", Readable.from(failing()))).rejects.toThrow("client went away");
    expect((await buffer(await storage.get("k"))).toString()).toBe("old");
    expect(await storage.exists("new")).toBe(false);
    expect(await fsp.readdir(path.join(storage.root, ".tmp"))).toEqual([]);
  });

  it("sweeps only old temp files", async () => {
    const tmpDir = path.join(storage.root, ".tmp");
    await fsp.mkdir(tmpDir, { recursive: true });
    await fsp.writeFile(path.join(tmpDir, "old.part"), "x");
    await fsp.utimes(path.join(tmpDir, "old.part"), new Date(0), new Date(0));
    await fsp.writeFile(path.join(tmpDir, "fresh.part"), "y");
    expect(await storage.sweepTemp()).toBe(1);
    expect(await fsp.readdir(tmpDir)).toEqual(["fresh.part"]);
  });
});

describe("encryption at rest", () => {
  it("no plaintext ever touches the disk: a marker streamed through encrypt-and-store is nowhere on disk", async () => {
    const dataDir = path.join(tmp, "data");
    const marker = Buffer.from(`MARKER-${crypto.randomBytes(16).toString("hex")}`);
    // ~8 MB: the marker every 4 KiB between random bytes, so every chunk and every write holds it.
    const block = 4096;
    const blocks = 2048;
    const plainSize = block * blocks;
    const plainHash = crypto.createHash("sha256");
    async function* plaintext() {
      for (let i = 0; i < blocks; i++) {
        const b = Buffer.concat([marker, crypto.randomBytes(block - marker.length)]);
        plainHash.update(b);
        yield b;
      }
    }

    const master = await loadMasterKey({ env: {}, dataDir });
    const org = newOrgKey(master, "org-1");
    const data = newDataKey(unwrapKey(master.key, org.wrapped, orgKeyAad("org-1")), dataKeyAad("doc-1", 1));
    const { size } = await storage.put(
      "org-1/doc-1/v1",
      Readable.from(plaintext()).pipe(createEncryptStream(data.key)),
    );
    expect(size).toBe(encryptedSize(plainSize));

    const files = await filesUnder(tmp);
    expect(files.length).toBeGreaterThanOrEqual(2); // master.key and the object
    expect(await filesContaining(tmp, marker)).toEqual([]);

    // Read back through decryption: identical bytes, marker included.
    const back = await buffer((await storage.get("org-1/doc-1/v1")).pipe(createDecryptStream(data.key)));
    expect(back.length).toBe(plainSize);
    expect(crypto.createHash("sha256").update(back).digest("hex")).toBe(plainHash.digest("hex"));
    expect(back.subarray(block, block + marker.length).equals(marker)).toBe(true);

    // Control: the same scan does find the marker when plaintext is stored, so the check above can fail.
    await storage.put("control", Readable.from([Buffer.concat([crypto.randomBytes(10), marker])]));
    expect(await filesContaining(tmp, marker)).toEqual([path.join(storage.root, "control")]);
  });
});
