import crypto from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadMasterKey, MASTER_KEY_FILE, MasterKeyError, masterKeyId } from "./master-key.js";

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "outsight-master-key-"));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe("master key from OUTSIGHT_MASTER_KEY", () => {
  it("decodes 32 bytes of base64 and derives the id from SHA-256", async () => {
    const key = crypto.randomBytes(32);
    const m = await loadMasterKey({ env: { OUTSIGHT_MASTER_KEY: key.toString("base64") }, dataDir: dir });
    expect(m.key.equals(key)).toBe(true);
    expect(m.id).toBe(crypto.createHash("sha256").update(key).digest("hex").slice(0, 16));
    expect(m.id).toMatch(/^[0-9a-f]{16}$/);
    // The environment wins: no key file is created next to the data.
    await expect(fsp.stat(path.join(dir, MASTER_KEY_FILE))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it.each([
    ["too short", crypto.randomBytes(16).toString("base64")],
    ["too long", crypto.randomBytes(48).toString("base64")],
    ["not base64", "this is not a key at all!!"],
    ["base64 with a typo", `${crypto.randomBytes(32).toString("base64").slice(0, 20)}*${"A".repeat(23)}`],
    ["hex instead of base64", crypto.randomBytes(32).toString("hex")],
  ])("refuses a key that is %s with a clear error", async (_, value) => {
    const load = loadMasterKey({ env: { OUTSIGHT_MASTER_KEY: value }, dataDir: dir });
    await expect(load).rejects.toBeInstanceOf(MasterKeyError);
    await expect(load).rejects.toThrow(/OUTSIGHT_MASTER_KEY/);
  });
});

describe("master key file in the data directory", () => {
  it("is generated on first use with mode 0600 and reused afterwards", async () => {
    const first = await loadMasterKey({ env: {}, dataDir: dir });
    const file = path.join(dir, MASTER_KEY_FILE);
    expect((await fsp.stat(file)).mode & 0o777).toBe(0o600);
    expect(first.key.length).toBe(32);
    expect(first.id).toBe(masterKeyId(first.key));
    const again = await loadMasterKey({ env: {}, dataDir: dir });
    expect(again.key.equals(first.key)).toBe(true);
    // No temp files left behind.
    expect(await fsp.readdir(dir)).toEqual([MASTER_KEY_FILE]);
  });

  it("creates the data directory when missing", async () => {
    const nested = path.join(dir, "a", "b");
    const m = await loadMasterKey({ env: {}, dataDir: nested });
    expect((await fsp.readFile(path.join(nested, MASTER_KEY_FILE), "utf8")).trim()).toBe(
      m.key.toString("base64"),
    );
  });

  it("makes concurrent first starts agree on one key", async () => {
    const keys = await Promise.all(
      Array.from({ length: 16 }, () => loadMasterKey({ env: {}, dataDir: dir })),
    );
    expect(new Set(keys.map((k) => k.id)).size).toBe(1);
    const onDisk = (await fsp.readFile(path.join(dir, MASTER_KEY_FILE), "utf8")).trim();
    expect(onDisk).toBe(keys[0].key.toString("base64"));
    expect(await fsp.readdir(dir)).toEqual([MASTER_KEY_FILE]);
  });

  it("refuses a corrupt key file instead of replacing it", async () => {
    const file = path.join(dir, MASTER_KEY_FILE);
    await fsp.writeFile(file, "garbage\n", { mode: 0o600 });
    await expect(loadMasterKey({ env: {}, dataDir: dir })).rejects.toThrow(MasterKeyError);
    expect(await fsp.readFile(file, "utf8")).toBe("garbage\n"); // never overwritten: it may be in use
  });

  it("an empty OUTSIGHT_MASTER_KEY falls back to the key file", async () => {
    const m = await loadMasterKey({ env: { OUTSIGHT_MASTER_KEY: "" }, dataDir: dir });
    expect(await fsp.readdir(dir)).toEqual([MASTER_KEY_FILE]);
    expect(m.key.length).toBe(32);
  });
});
