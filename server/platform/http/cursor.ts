import { invalid } from "../errors.js";

/**
 * Opaque keyset cursors: the sort value and id of the last row of a page, base64url-encoded JSON.
 * Keyset (not offset) pagination stays fast at any depth and never skips or repeats rows when
 * others are inserted meanwhile.
 */
export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`; a tampered one is a validation error. */
export function decodeCursor(cursor: string): { value: unknown; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error("bad id");
    return { value, id };
  } catch {
    throw invalid("The cursor is not valid; start from the first page", [
      { path: "query.cursor", message: "Invalid cursor" },
    ]);
  }
}
