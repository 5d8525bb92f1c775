import crypto from "node:crypto";
import type { MasterKey } from "./master-key.js";

/**
 * Envelope encryption: each document version's content is encrypted with its own random data key;
 * the data key is stored wrapped (encrypted) by its organization's key; the organization key is
 * stored wrapped by the installation master key.
 *
 * Why three levels:
 * - a per-version data key limits what one leaked key opens to one file;
 * - per-organization keys make crypto-shredding an organization possible (drop its wrapped key)
 *   and keep tenants cryptographically apart;
 * - master-key rotation only re-wraps the few org keys ({@link rewrap}), never the content.
 *
 * Wrapped-key encoding (base64url, so it fits a text column and a URL):
 *   version (1 byte = 0x01) ‖ IV (12) ‖ GCM tag (16) ‖ ciphertext (32)  → 61 bytes, 82 characters.
 * The version byte lets a later scheme coexist with rows written by this one.
 *
 * Every wrap carries an AAD naming its owner (`org:<id>`, `doc:<id>:v<n>`; see {@link orgKeyAad},
 * {@link dataKeyAad}): GCM authenticates it, so a wrapped key copied onto another row (another
 * org's, another document's) fails to unwrap instead of silently opening the wrong content.
 */

/** Bytes of every key in the hierarchy (AES-256). */
export const KEY_BYTES = 32;

const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_BYTES = 1 + IV_BYTES + TAG_BYTES + KEY_BYTES;
/** Prefixed to every AAD so a wrapped key can never be confused with another use of the same key. */
const DOMAIN = "outsight/key-wrap/v1\0";

/** A wrapped key that cannot be opened: wrong key-encrypting key, wrong owner, or tampered. */
export class KeyUnwrapError extends Error {
  override name = "KeyUnwrapError";
}

/** A fresh key and its wrapped form (the only form that may be stored). */
export interface NewKey {
  key: Buffer;
  wrapped: string;
}

/** The AAD binding an organization key to its organization. */
export const orgKeyAad = (orgId: string) => `org:${orgId}`;

/** The AAD binding a data key to one version of one document. */
export const dataKeyAad = (documentId: string, version: number) => `doc:${documentId}:v${version}`;

/** The AAD binding a data key to one questionnaire evidence file. */
export const evidenceKeyAad = (evidenceId: string) => `evidence:${evidenceId}`;

function assertKey(key: Buffer, what: string): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new TypeError(`${what} must be a ${KEY_BYTES}-byte Buffer`);
  }
}

const aadBytes = (aad: string) => Buffer.from(DOMAIN + aad, "utf8");

/** Encrypts `keyToWrap` under `kek` (AES-256-GCM, random IV), bound to `aad`. */
export function wrapKey(kek: Buffer, keyToWrap: Buffer, aad: string): string {
  assertKey(kek, "key-encrypting key");
  assertKey(keyToWrap, "key to wrap");
  // A random 96-bit IV is safe here: each KEK wraps at most millions of keys, far below the
  // ~2^32 messages after which random-IV collisions in GCM become a concern.
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(aadBytes(aad));
  const ct = Buffer.concat([cipher.update(keyToWrap), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), ct]).toString("base64url");
}

/** Opens a key wrapped by {@link wrapKey}; throws {@link KeyUnwrapError} on any mismatch. */
export function unwrapKey(kek: Buffer, wrapped: string, aad: string): Buffer {
  assertKey(kek, "key-encrypting key");
  const raw = Buffer.from(wrapped, "base64url");
  if (raw.length !== WRAPPED_BYTES || raw[0] !== VERSION) {
    throw new KeyUnwrapError("wrapped key has an unknown format or version");
  }
  const iv = raw.subarray(1, 1 + IV_BYTES);
  const tag = raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const ct = raw.subarray(1 + IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv("aes-256-gcm", kek, iv);
  decipher.setAAD(aadBytes(aad));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    // Deliberately one message: telling "wrong key" from "wrong owner" would help an attacker probe.
    throw new KeyUnwrapError(
      "wrapped key does not open with this key and owner (wrong key, owner or tampered)",
    );
  }
}

/**
 * A new organization key wrapped by the master key; store `wrapped` and `masterKeyId` on the
 * organization row (the id says which master key to unwrap with after a rotation).
 */
export function newOrgKey(master: MasterKey, orgId: string): NewKey & { masterKeyId: string } {
  const key = crypto.randomBytes(KEY_BYTES);
  return { key, wrapped: wrapKey(master.key, key, orgKeyAad(orgId)), masterKeyId: master.id };
}

/** A new data key for one document version, wrapped by the organization key under `aad`. */
export function newDataKey(orgKey: Buffer, aad: string): NewKey {
  const key = crypto.randomBytes(KEY_BYTES);
  return { key, wrapped: wrapKey(orgKey, key, aad) };
}

/**
 * Key rotation: re-wraps a wrapped key from `oldKek` to `newKek` with the same owner. Content
 * encrypted under the wrapped key is untouched (it is the same key, only its envelope changes);
 * the plaintext key exists only for the duration of this call and is wiped afterwards.
 */
export function rewrap(oldKek: Buffer, newKek: Buffer, wrapped: string, aad: string): string {
  const key = unwrapKey(oldKek, wrapped, aad);
  try {
    return wrapKey(newKek, key, aad);
  } finally {
    key.fill(0);
  }
}
