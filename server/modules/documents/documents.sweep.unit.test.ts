import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SweepLog, sweepDocumentTemp } from "./documents.sweep.js";

let dataDir: string;
beforeEach(async () => {
  dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "outsight-sweep-"));
});
afterEach(async () => {
  await fsp.rm(dataDir, { recursive: true, force: true });
});

/** A logger that keeps what it was told. */
function recorder() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const log: SweepLog = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  return { lines, log };
}

describe("start-up sweep of abandoned temp uploads", () => {
  it("removes temp files older than an hour, keeps fresh ones and stored objects, and logs the count", async () => {
    const tmp = path.join(dataDir, "documents", ".tmp");
    const stored = path.join(dataDir, "documents", "org", "doc", "v1");
    await fsp.mkdir(tmp, { recursive: true });
    await fsp.mkdir(path.dirname(stored), { recursive: true });
    await fsp.writeFile(stored, "ciphertext");
    const old = [path.join(tmp, "a.part"), path.join(tmp, "b.part")];
    const fresh = path.join(tmp, "c.part");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of [...old, fresh]) await fsp.writeFile(f, "partial");
    for (const f of [...old, stored]) await fsp.utimes(f, twoHoursAgo, twoHoursAgo);

    const { lines, log } = recorder();
    expect(await sweepDocumentTemp(dataDir, log)).toBe(2);
    expect((await fsp.readdir(tmp)).sort()).toEqual(["c.part"]);
    expect(await fsp.readFile(stored, "utf8")).toBe("ciphertext");
    expect(lines).toEqual([
      {
        level: "info",
        obj: { removed: 2 },
        msg: "document storage: removed 2 abandoned temp upload file(s)",
      },
    ]);
  });

  it("answers 0 when nothing was ever stored (no storage folder yet)", async () => {
    const { lines, log } = recorder();
    expect(await sweepDocumentTemp(path.join(dataDir, "missing"), log)).toBe(0);
    expect(lines[0]).toMatchObject({ level: "info", obj: { removed: 0 } });
  });
});
