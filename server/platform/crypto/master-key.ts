import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";

/**
 * The installation master key: the root of the key hierarchy
 * (master key → organization keys → per-document-version data keys → content).
 *
 * It only ever wraps organization keys, never content: rotating it re-wraps a handful of small
 * org keys instead of re-encrypting every stored document, and a leaked database dump alone (which
 * holds only wrapped keys) opens nothing without it.
 *
 * Where it comes from, in order:
 * 1. `OUTSIGHT_MASTER_KEY`: base64 of exactly 32 bytes. Preferred in production, because the key
 *    then lives in a secret manager and never sits next to the data it protects.
 * 2. `<dataDir>/master.key`: generated on first use (base64 text, mode 0600). The zero-setup
 *    default, so `npm start` on a fresh machine still encrypts at rest; backups of the data
 *    directory must then be protected like the key itself.
 */

/** Bytes in a master key (AES-256). */
export const MASTER_KEY_BYTES = 32;

/** The key file's name inside the data directory. */
export const MASTER_KEY_FILE = "master.key";

/** A loaded master key and its public fingerprint. */
export interface MasterKey {
  /**
   * First 8 bytes of SHA-256(key), hex. Stored next to every key it wraps, so after a rotation we
   * can tell which rows still need re-wrapping, and a wrong key is reported as "wrapped by
   * another master key" rather than as corrupt data. Safe to log: a truncated hash of 256 random
   * bits reveals nothing usable about the key.
   */
  id: string;
  key: Buffer;
}

/** A master key that is missing, malformed or unreadable: start-up must stop with this message. */
export class MasterKeyError extends Error {
  override name = "MasterKeyError";
}

/** The fingerprint of a 32-byte key (see {@link MasterKey.id}). */
export function masterKeyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest().subarray(0, 8).toString("hex");
}

/**
 * Decodes base64 text into a 32-byte key, strictly: Node's decoder silently skips invalid
 * characters, so a typo would otherwise yield a different (shorter) key instead of an error.
 */
export function parseMasterKey(text: string, source: string): Buffer {
  const s = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) {
    throw new MasterKeyError(
      `${source} is not valid base64; generate one with: openssl rand -base64 ${MASTER_KEY_BYTES}`,
    );
  }
  const key = Buffer.from(s, "base64");
  if (key.length !== MASTER_KEY_BYTES || key.toString("base64").replace(/=+$/, "") !== s.replace(/=+$/, "")) {
    throw new MasterKeyError(
      `${source} must decode to exactly ${MASTER_KEY_BYTES} bytes (got ${key.length}); ` +
        `generate one with: openssl rand -base64 ${MASTER_KEY_BYTES}`,
    );
  }
  return key;
}

const withId = (key: Buffer): MasterKey => ({ id: masterKeyId(key), key });

/**
 * Returns the installation master key: from `env.OUTSIGHT_MASTER_KEY` when set (the key file is
 * then neither read nor created), else from `<dataDir>/master.key`, creating it on first use.
 * Throws {@link MasterKeyError} with a readable message on any malformed key.
 */
export async function loadMasterKey(opts: { env?: NodeJS.ProcessEnv; dataDir: string }): Promise<MasterKey> {
  const fromEnv = (opts.env ?? process.env).OUTSIGHT_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv !== "") return withId(parseMasterKey(fromEnv, "OUTSIGHT_MASTER_KEY"));
  return withId(await readOrCreateKeyFile(path.join(opts.dataDir, MASTER_KEY_FILE)));
}

async function readKeyFile(file: string): Promise<Buffer> {
  return parseMasterKey(await fsp.readFile(file, "utf8"), file);
}

/**
 * Reads the key file, or creates it so that concurrent first starts agree on ONE key.
 *
 * Why link and not rename: the key is written in full (and fsynced) to a private temp file, then
 * hard-linked to the final name. `link` fails with EEXIST when the name already exists, which is
 * the `wx` (create-exclusive) semantics we need: the first instance wins and the others read the
 * winner's key. `rename` would silently replace a key another instance may already be using (and
 * have wrapped org keys with), which would make those keys unrecoverable. Readers never see a
 * half-written file because the final name only appears once the content is complete.
 */
async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  try {
    return await readKeyFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw wrapIoError(e, file);
  }
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(
    dir,
    `.${MASTER_KEY_FILE}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`,
  );
  const key = crypto.randomBytes(MASTER_KEY_BYTES);
  const handle = await fsp.open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(`${key.toString("base64")}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fsp.link(tmp, file);
    await fsyncDir(dir); // make the new name durable before anything gets wrapped with the key
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(file); // another instance won
    throw wrapIoError(e, file);
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** fsyncs a directory so a new entry in it survives a crash (a no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; durability is then up to the filesystem.
  } finally {
    await handle.close();
  }
}

function wrapIoError(e: unknown, file: string): Error {
  if (e instanceof MasterKeyError) return e;
  const err = e as NodeJS.ErrnoException;
  return new MasterKeyError(`cannot read or create the master key file ${file}: ${err.code ?? err.message}`);
}
