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
  const master = await masterKeyOf(ctx);
  const orgKey = await orgKeyVersion(q, master, row.orgId, row.orgKeyVersion);
  const dataKey = unwrapKey(orgKey, row.wrappedDataKey, dataKeyAad(row.documentId, row.version));
  orgKey.fill(0);
  const cipher = await storage.get(row.storageKey);
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
