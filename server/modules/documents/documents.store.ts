import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { dataKeyAad, newDataKey } from "../../platform/crypto/envelope.js";
import { createEncryptStream } from "../../platform/crypto/stream.js";
import type { DocumentStorage } from "../../platform/storage/storage.js";
import type { OrgKey } from "./documents.keys.js";
import { type DocumentUpload, tooLarge } from "./documents.upload.js";

/** What one stored version's row records. */
export interface StoredVersion {
  storageKey: string;
  wrappedDataKey: string;
  orgKeyVersion: number;
  size: number;
  sha256: string;
}

/**
 * Streams an upload's plaintext through a fresh data key's encryption straight into storage
 * (size and hash computed on the way), BEFORE any row names it: a failure here leaves no row,
 * at worst an orphan object. The key has a random suffix so two concurrent uploads of the same
 * version never overwrite each other's object (the loser's commit fails and removes its own).
 */
export async function storeVersion(
  storage: DocumentStorage,
  orgId: string,
  documentId: string,
  version: number,
  orgKey: OrgKey,
  upload: DocumentUpload,
  maxBytes: number,
): Promise<StoredVersion> {
  const storageKey = `${orgId}/${documentId}/v${version}-${randomBytes(6).toString("hex")}`;
  let wrappedDataKey: string;
  try {
    wrappedDataKey = await storeEncrypted(
      storage,
      storageKey,
      orgKey,
      dataKeyAad(documentId, version),
      upload.open(),
    );
  } catch (e) {
    if ((e as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(maxBytes);
    throw e;
  }
  const stats = upload.done();
  if (stats.truncated) {
    await storage.delete(storageKey);
    throw tooLarge(maxBytes);
  }
  return {
    storageKey,
    wrappedDataKey,
    orgKeyVersion: orgKey.version,
    size: stats.size,
    sha256: stats.sha256,
  };
}

/**
 * Encrypts `body` under a fresh data key (wrapped by `orgKey` with `aad`, which binds it to its
 * owner) into `storageKey`; answers the wrapped data key. On failure the object is removed and
 * the error rethrown. Shared by document versions and questionnaire evidence.
 */
export async function storeEncrypted(
  storage: DocumentStorage,
  storageKey: string,
  orgKey: OrgKey,
  aad: string,
  body: Readable,
): Promise<string> {
  const data = newDataKey(orgKey.key, aad);
  try {
    const encrypt = createEncryptStream(data.key);
    // storage.put awaits (mkdir) before its pipeline listens: an inspector error in that window
    // would be an unhandled 'error' event. The pipeline still sees the destroyed stream and rejects.
    encrypt.on("error", () => undefined);
    body.on("error", (e) => encrypt.destroy(e));
    await storage.put(storageKey, body.pipe(encrypt));
  } catch (e) {
    await storage.delete(storageKey).catch(() => undefined);
    throw e;
  } finally {
    data.key.fill(0);
  }
  return data.wrapped;
}
