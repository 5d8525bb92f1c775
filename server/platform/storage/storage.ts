import type { Readable } from "node:stream";

/**
 * Blob storage for document content. Callers store only ciphertext (the OSE1 stream from
 * `crypto/stream.ts`): a backend is trusted with durability, never with confidentiality.
 *
 * Keys are opaque relative paths chosen by the server (e.g. `<orgId>/<documentId>/v3`), never by
 * users; still, every backend validates them with {@link assertStorageKey}, so a bug upstream can
 * never turn into a path traversal out of the storage root.
 *
 * Implementations: `LocalStorage` (files under `<dataDir>/documents/`, the default). An
 * S3-compatible backend (AWS S3, MinIO, Ceph, R2…) fits the same interface and would need:
 * - config: endpoint, region, bucket, optional key prefix, credentials, `forcePathStyle` for MinIO;
 * - `put`: a streaming multipart upload (`@aws-sdk/lib-storage` `Upload`, parts of ≥ 5 MiB) from
 *   the Readable, counting bytes as they pass for `size`. Atomicity comes for free: an object only
 *   becomes visible when CompleteMultipartUpload succeeds; on failure, AbortMultipartUpload (plus a
 *   bucket lifecycle rule for abandoned uploads);
 * - `get`: GetObject's Body stream (NoSuchKey → {@link StorageNotFoundError});
 * - `delete`: DeleteObject (already idempotent); `exists`: HeadObject (404 → false);
 * - server-side encryption may be enabled too, but is not relied upon.
 */
export interface DocumentStorage {
  /**
   * Stores the stream's bytes under `key`, replacing any previous object, atomically: readers see
   * the old object or the complete new one, never a partial one. Resolves once durable.
   */
  put(key: string, body: Readable): Promise<{ size: number }>;
  /** The object's bytes; rejects with {@link StorageNotFoundError} when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error (retries must be safe). */
  delete(key: string): Promise<void>;
  /** Whether an object exists under `key`. */
  exists(key: string): Promise<boolean>;
}

/** A storage key that is not a safe relative path (a programming error upstream). */
export class InvalidStorageKeyError extends Error {
  override name = "InvalidStorageKeyError";
}

/** No object under the requested key. */
export class StorageNotFoundError extends Error {
  override name = "StorageNotFoundError";
  constructor(readonly key: string) {
    super(`no stored object under ${JSON.stringify(key)}`);
  }
}

/** Longest key accepted (S3 allows 1024 bytes; keeping the same bound keeps backends swappable). */
export const MAX_KEY_LENGTH = 1024;

/** One path segment: starts with a letter or digit (so never `.`, `..` or a hidden name). */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Throws {@link InvalidStorageKeyError} unless `key` is a relative path of plain segments.
 * The explicit checks give precise messages; the final allowlist also refuses anything else a
 * filesystem or object store might interpret (`~`, `:`, spaces, Unicode look-alikes…).
 */
export function assertStorageKey(key: string): void {
  const fail = (why: string) => {
    throw new InvalidStorageKeyError(`invalid storage key ${JSON.stringify(key)}: ${why}`);
  };
  if (typeof key !== "string" || key.length === 0) fail("empty");
  if (key.length > MAX_KEY_LENGTH) fail(`longer than ${MAX_KEY_LENGTH} characters`);
  if (key.includes("\0")) fail("contains NUL");
  if (key.includes("\\")) fail("contains a backslash");
  if (key.startsWith("/") || /^[A-Za-z]:/.test(key)) fail("absolute path");
  for (const segment of key.split("/")) {
    if (segment === "..") fail("contains '..'");
    if (segment === "" || segment === ".") fail("empty or '.' segment");
    if (!SEGMENT.test(segment))
      fail(`segment ${JSON.stringify(segment)} has characters outside [A-Za-z0-9._-]`);
  }
}
