import { createHash, randomBytes } from "node:crypto";

/** A new random secret with a recognisable prefix (`ost_` API token, none for sessions). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 hex of a secret: what we store, so a database leak reveals no usable token. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
