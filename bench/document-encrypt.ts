import crypto from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDecryptStream, createEncryptStream, encryptedSize } from "../server/platform/crypto/stream.js";
import { LocalStorage } from "../server/platform/storage/local-storage.js";
import { table, verdict } from "./lib.js";

/** Issue 7's goals for encrypt-and-store. */
const GOAL_MB_S = 200;
const GOAL_RATIO = 0.5;
const CHUNK = 64 * 1024;
const MIB = 2 ** 20;

export interface DocumentEncryptOptions {
  /** Plaintext MiB per measurement (default 256). */
  megabytes: number;
}

/**
 * The plaintext: 64 KiB slices cycling through 16 MiB of random bytes, generated lazily, so the
 * bench itself never holds the whole file either (as the server must not) and the source costs
 * next to nothing compared to what is measured.
 */
function source(total: number, pool: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < total; at += CHUNK) {
        const off = at % pool.length;
        yield pool.subarray(off, off + Math.min(CHUNK, total - at));
      }
    })(),
  );
}

/** Baseline: one AES-256-GCM cipher over the same bytes in 64 KiB updates, no streams, no I/O. */
function rawGcm(key: Buffer, total: number, pool: Buffer): number {
  const t = performance.now();
  const cipher = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
  let out = 0;
  for (let at = 0; at < total; at += CHUNK) {
    const off = at % pool.length;
    out += cipher.update(pool.subarray(off, off + Math.min(CHUNK, total - at))).length;
  }
  cipher.final();
  cipher.getAuthTag();
  if (out !== total) throw new Error("raw GCM produced the wrong length");
  return performance.now() - t;
}

/** A sink that only counts what it is given. */
function counter() {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      sink.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

const mbs = (bytes: number, msec: number) => bytes / MIB / (msec / 1000);

/**
 * Measures in one run: (1) raw in-process AES-256-GCM, (2) encrypt-and-store through the OSE1
 * stream into LocalStorage (temp file, fsync, rename), (3) read back and decrypt (from the page
 * cache: the file was just written), plus two diagnostics: the same store without encryption (the
 * disk's ceiling) and encryption without storage (the framing's cost). Reports MiB/s
 * of plaintext and checks the goals: (2) ≥ 200 MB/s and ≥ 50 % of (1).
 */
export async function documentEncryptBench(opts: DocumentEncryptOptions) {
  const total = Math.max(1, opts.megabytes) * MIB;
  const pool = crypto.randomBytes(16 * MIB);
  const key = crypto.randomBytes(32);
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), "outsight-bench-documents-"));
  const storage = new LocalStorage(dataDir);
  try {
    rawGcm(key, 64 * MIB, pool); // warm-up: JIT and the CPU's clock
    const rawMs = rawGcm(key, total, pool);

    let t = performance.now();
    const { size } = await storage.put("bench/doc/v1", source(total, pool).pipe(createEncryptStream(key)));
    const storeMs = performance.now() - t;
    if (size !== encryptedSize(total))
      throw new Error(`stored ${size} bytes, expected ${encryptedSize(total)}`);

    t = performance.now();
    const sink = counter();
    await pipeline(await storage.get("bench/doc/v1"), createDecryptStream(key), sink);
    const readMs = performance.now() - t;
    if (sink.bytes !== total) throw new Error(`decrypted ${sink.bytes} bytes, expected ${total}`);

    // The disk's ceiling: the same bytes stored without encryption (same temp file, fsync, rename).
    t = performance.now();
    await storage.put("bench/plain", source(total, pool));
    const plainMs = performance.now() - t;
    await storage.delete("bench/plain");

    // Encryption alone (no disk): separates the framing's cost from the filesystem's.
    t = performance.now();
    await pipeline(source(total, pool), createEncryptStream(key), counter());
    const encOnlyMs = performance.now() - t;

    const raw = mbs(total, rawMs);
    const store = mbs(total, storeMs);
    const ratio = store / raw;
    const ok = store >= GOAL_MB_S && ratio >= GOAL_RATIO;
    const row = (name: string, msec: number, goal: string) => {
      const v = mbs(total, msec);
      return [
        name,
        `${(msec / 1000).toFixed(2)} s`,
        `${v.toFixed(0)} MB/s`,
        `${((v / raw) * 100).toFixed(0)} %`,
        goal,
      ];
    };
    const report = [
      `${opts.megabytes} MiB of plaintext, 64 KiB chunks, data dir on ${dataDir} (MB = 2^20 bytes)`,
      "",
      table(
        ["measurement", "time", "throughput", "of raw", "goal"],
        [
          row("raw AES-256-GCM in process (baseline)", rawMs, ""),
          row("OSE1 encrypt only (stream, no disk)", encOnlyMs, ""),
          row("store plaintext, no encryption (disk ceiling)", plainMs, ""),
          row("encrypt + store (temp file, fsync, rename)", storeMs, `≥ ${GOAL_MB_S} MB/s, ≥ 50 %`),
          row("read + decrypt (verify every chunk)", readMs, ""),
        ],
      ),
      "",
      `encrypt-and-store ${store.toFixed(0)} MB/s ≥ ${GOAL_MB_S} MB/s: ${verdict(store >= GOAL_MB_S)}; ` +
        `${(ratio * 100).toFixed(0)} % of raw ≥ 50 %: ${verdict(ratio >= GOAL_RATIO)}`,
    ].join("\n");
    return {
      ok,
      report,
      figures: { raw, store, ratio, plainStore: mbs(total, plainMs), decrypt: mbs(total, readMs) },
    };
  } finally {
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}
