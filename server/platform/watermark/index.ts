import { markableKind } from "../../../domain/documents.js";
import { type Bits, decodeFingerprint } from "../../../domain/fingerprint.js";
import { markImage, readImageFingerprints } from "./image.js";
import { markPdf, readPdfFingerprints } from "./pdf.js";
import type { Carrier, CarrierBits, VisibleMark } from "./types.js";

export type { Carrier, VisibleMark } from "./types.js";
export { visibleMarkLines } from "./types.js";

/**
 * Per-recipient marking of delivered copies and reading the fingerprint back from a leaked one
 * (issue 7). Formats: PDF (every page) and PNG/JPEG; everything else is delivered unmarked, which
 * the sharing rules only allow for public and internal documents.
 */

/** Marks `content` (of `contentType`, which must be markable) for one recipient. */
export async function markCopy(
  content: Uint8Array,
  contentType: string,
  mark: VisibleMark,
  bits: Bits,
): Promise<Uint8Array> {
  const kind = markableKind(contentType);
  if (kind === "pdf") return markPdf(content, mark, bits);
  if (kind === "image") {
    const type = contentType.split(";")[0].trim().toLowerCase() as "image/png" | "image/jpeg";
    return markImage(content, type, mark, bits);
  }
  throw new Error(`${contentType} cannot be watermarked`);
}

const isPdf = (b: Uint8Array) => b.length > 4 && String.fromCharCode(...b.subarray(0, 5)) === "%PDF-";
const isPng = (b: Uint8Array) =>
  b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** What a suspected copy's fingerprint says: the copy id and the carriers that agreed on it. */
export interface FoundFingerprint {
  copyId: string;
  carriers: Carrier[];
}

/**
 * Reads every carrier of a suspected leaked copy and decodes the fingerprint. Each carrier is
 * decoded alone; the copy id most carriers agree on wins. When none decodes alone, all candidate
 * bits are decoded together (the codec votes across frames). Null: no fingerprint found (also for
 * formats that are never marked, and for files that fail to parse).
 */
export async function readFingerprint(content: Uint8Array): Promise<FoundFingerprint | null> {
  let candidates: CarrierBits[] = [];
  try {
    if (isPdf(content)) candidates = await readPdfFingerprints(content);
    else if (isPng(content) || isJpeg(content)) candidates = await readImageFingerprints(content);
  } catch {
    return null; // a damaged or hostile file: nothing we can read
  }
  const votes = new Map<string, Set<Carrier>>();
  for (const c of candidates) {
    const found = decodeFingerprint(c.bits);
    if (!found) continue;
    const set = votes.get(found.copyId) ?? new Set<Carrier>();
    set.add(c.carrier);
    votes.set(found.copyId, set);
  }
  let best: FoundFingerprint | null = null;
  for (const [copyId, carriers] of votes)
    if (!best || carriers.size > best.carriers.length) best = { copyId, carriers: [...carriers] };
  if (best || candidates.length < 2) return best;
  const all = new Uint8Array(candidates.reduce((n, c) => n + c.bits.length, 0));
  let at = 0;
  for (const c of candidates) {
    all.set(c.bits, at);
    at += c.bits.length;
  }
  const combined = decodeFingerprint(all);
  return combined
    ? { copyId: combined.copyId, carriers: [...new Set(candidates.map((c) => c.carrier))] }
    : null;
}
