import type { Readable } from "node:stream";
import type { AppContext } from "../../platform/context.js";
import { dataKeyAad, unwrapKey } from "../../platform/crypto/envelope.js";
import { createDecryptStream } from "../../platform/crypto/stream.js";
import type { Queryable } from "../../platform/db/index.js";
import { AppError } from "../../platform/errors.js";
import type { DocumentStorage } from "../../platform/storage/storage.js";
import { masterKeyOf, orgKeyVersion } from "./documents.keys.js";
import type { documentVersions } from "./documents.tables.js";

type VersionRow = typeof documentVersions.$inferSelect;

/**
 * The decrypted plaintext of one stored version as a stream. The data key is unwrapped for this
 * request only; nothing decrypted ever touches the disk.
 */
export async function openVersion(
  ctx: AppContext,
  q: Queryable,
  storage: DocumentStorage,
  row: VersionRow,
): Promise<Readable> {
  return openEncrypted(ctx, q, storage, row, dataKeyAad(row.documentId, row.version));
}

/** What locates and unlocks one encrypted object: its owner's org key version and wrapped data key. */
export interface EncryptedObject {
  orgId: string;
  orgKeyVersion: number;
  wrappedDataKey: string;
  storageKey: string;
}

/**
 * The decrypted plaintext of any encrypted object (document version, evidence file) as a stream;
 * `aad` is the owner binding its data key was wrapped with.
 */
export async function openEncrypted(
  ctx: AppContext,
  q: Queryable,
  storage: DocumentStorage,
  obj: EncryptedObject,
  aad: string,
): Promise<Readable> {
  const master = await masterKeyOf(ctx);
  const orgKey = await orgKeyVersion(q, master, obj.orgId, obj.orgKeyVersion);
  const dataKey = unwrapKey(orgKey, obj.wrappedDataKey, aad);
  orgKey.fill(0);
  const cipher = await storage.get(obj.storageKey);
  const decrypt = createDecryptStream(dataKey);
  cipher.on("error", (e) => decrypt.destroy(e));
  return cipher.pipe(decrypt);
}

/**
 * Reads a plaintext stream into memory for marking, refusing more than `max` bytes: marking
 * needs the whole file, and the upload limit is what bounds the memory one request may take.
 */
export async function readBounded(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      throw new AppError(
        413,
        "file_too_large",
        "File too large",
        "The document is larger than the size limit and cannot be marked for delivery",
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
