import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fsyncDir } from "../crypto/master-key.js";
import { assertStorageKey, type DocumentStorage, StorageNotFoundError } from "./storage.js";

/** The folder under the data directory that holds document objects. */
export const DOCUMENTS_DIR = "documents";
/**
 * In-progress writes. Inside the storage root so the final rename never crosses filesystems
 * (rename is only atomic within one); its leading dot keeps it out of the key space, since
 * {@link assertStorageKey} refuses segments starting with a dot.
 */
const TMP_DIR = ".tmp";
/** Bytes per read/write call: larger than Node's 16/64 KiB defaults so big files need fewer syscalls. */
const IO_BUFFER = 1024 * 1024;
/** Bytes between background fdatasync calls during a put (see {@link syncAsYouGo}). */
const SYNC_EVERY = 8 * 1024 * 1024;

/**
 * A pass-through placed before `out` that starts an fdatasync of `out`'s file every
 * {@link SYNC_EVERY} bytes, in the background (one at a time, on libuv's thread pool).
 *
 * Why: the final fsync must otherwise write back the whole file at the end, after encryption has
 * finished, so the two costs add up (measured: disk flush ≈ as long as encrypting). Syncing as we
 * go overlaps write-back with encryption and leaves only the tail for the final fsync. Its
 * flush() waits for the sync in flight, so the fd is never closed under it.
 */
function syncAsYouGo(out: fs.WriteStream): Transform {
  let pending = 0;
  let inFlight: Promise<void> | null = null;
  let failure: Error | null = null;
  let fd: number | null = null;
  out.once("open", (opened: number) => {
    fd = opened;
  });
  return new Transform({
    readableHighWaterMark: IO_BUFFER,
    writableHighWaterMark: IO_BUFFER,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (failure) return done(failure);
      pending += chunk.length;
      const openFd = fd;
      if (pending >= SYNC_EVERY && !inFlight && openFd !== null) {
        pending = 0;
        // On a failed upload the stream may close the fd under this call; fdatasync then fails
        // with EBADF (ignored: the put is failing anyway) or syncs an unrelated file (harmless).
        inFlight = new Promise<void>((resolve) =>
          fs.fdatasync(openFd, (err) => {
            if (err) failure = err;
            inFlight = null;
            resolve();
          }),
        );
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      Promise.resolve(inFlight).then(() => done(failure));
    },
  });
}

/**
 * {@link DocumentStorage} on the local filesystem under `<dataDir>/documents/`.
 *
 * Every `put` streams into a private temp file (mode 0600, exclusive create), fsyncs it, renames
 * it over the final name and fsyncs the directory. A crash at any point therefore leaves either
 * the previous object or the complete new one under the key, never a half-written file; at worst
 * an orphan under `.tmp/`, which {@link LocalStorage.sweepTemp} removes at start-up.
 */
export class LocalStorage implements DocumentStorage {
  /** Absolute path of the storage root. */
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, DOCUMENTS_DIR);
  }

  /** Absolute path for a validated key; re-checked to stay under the root (defence in depth). */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error("storage key escapes the root"); // unreachable
    return file;
  }

  /** {@inheritDoc DocumentStorage.put} */
  async put(key: string, body: Readable): Promise<{ size: number }> {
    const file = this.pathOf(key);
    const tmpDir = path.join(this.root, TMP_DIR);
    await fsp.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${crypto.randomUUID()}.part`);
    try {
      // `wx`: never reuse a name another writer holds; `flush`: fsync before close, so the content
      // is durable before the name points at it. (A FileHandle stream with autoClose off would
      // let us sync by hand, but then FileHandle.close() waits forever on the stream's reference.)
      const out = fs.createWriteStream(tmp, {
        flags: "wx",
        mode: 0o600,
        flush: true,
        highWaterMark: IO_BUFFER,
      });
      await pipeline(body, syncAsYouGo(out), out); // resolves after the fd is flushed and closed
      await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await fsp.rename(tmp, file);
      await fsyncDir(path.dirname(file)); // the rename itself durable
      return { size: out.bytesWritten };
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw e;
    }
  }

  /** {@inheritDoc DocumentStorage.get} */
  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first so a missing object rejects here, not later as a stream error mid-response.
    const handle = await fsp.open(file, "r").catch((e: NodeJS.ErrnoException) => {
      throw e.code === "ENOENT" || e.code === "EISDIR" ? new StorageNotFoundError(key) : e;
    });
    // Opening a directory succeeds on Linux (it fails only at read): a folder is not an object.
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new StorageNotFoundError(key);
    }
    return handle.createReadStream({ highWaterMark: IO_BUFFER });
  }

  /** {@inheritDoc DocumentStorage.delete} */
  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /** {@inheritDoc DocumentStorage.exists} */
  async exists(key: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(key))).isFile();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw e;
    }
  }

  /**
   * Removes temp files older than `olderThanMs` (writes a crash abandoned). The age guard keeps
   * it safe while other instances sharing the directory are mid-write.
   */
  async sweepTemp(olderThanMs = 60 * 60 * 1000): Promise<number> {
    const tmpDir = path.join(this.root, TMP_DIR);
    const names = await fsp.readdir(tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(tmpDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
