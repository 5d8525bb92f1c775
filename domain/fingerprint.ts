import { hmacSha256 } from "./fingerprint-hmac.js";
import { rsDecode, rsEncode } from "./fingerprint-rs.js";

/**
 * Invisible copy fingerprints (issue 7): the bit codec that the PDF/image embedders carry.
 *
 * A fingerprint never contains the share or recipient ids: it carries a 64-bit *copy id*,
 * HMAC-SHA256(secret, label ‖ shareId ‖ recipientId ‖ issuedAt) truncated to 8 bytes, which the server
 * stores in the access-log row of that copy. Without the secret the copy id reveals nothing and
 * cannot be forged for another recipient; with the log it leads back to share, recipient and time.
 *
 * Frame layout (240 bits):
 *   sync (32 bits, fixed, low autocorrelation)
 *   ‖ whiten( RS(26,10)( copyId[8] ‖ CRC-16[2] ) )   (208 bits, bytes MSB first)
 *
 * FEC choice: Reed–Solomon over GF(256) with 16 parity bytes (t = 8), because a bit flip or an
 * unknown bit spoils at most one byte, and because contiguous bit bursts stay inside few bytes.
 * Guarantee (tested): a frame decodes when 2·F + E ≤ 16, where F is the number of flipped bits and
 * E the number of erased (unknown) bits anywhere in the frame, sync included — e.g. 8 flips, or 16
 * erasures, or 4 flips + 8 erasures. The sync word is accepted with the same 2·F + E ≤ 16 budget.
 * Inside the RS part alone, any burst of up to 57 flipped bits (at most 8 bytes) is also corrected.
 * The CRC-16 (and the RS redundancy itself) makes random bits decode as a fingerprint with
 * negligible probability; the whitening mask keeps an all-zero/all-one stream from looking like a
 * codeword. When several frames sit in a longer stream, each is found by its sync and decoded, and
 * the copy id with most votes wins; if none decodes alone, the frames are combined bit by bit
 * (majority) and decoded again, which recovers copies that are each damaged beyond capacity.
 */

/**
 * HMAC-SHA256(key, data). Defaults to the plain-TypeScript one in `fingerprint-hmac.ts`; the server
 * may inject Node's `createHmac` instead (same output).
 */
export type HmacSha256 = (key: Uint8Array, data: Uint8Array) => Uint8Array;

/** What a fingerprint is derived from (never embedded in clear). */
export interface FingerprintPayload {
  shareId: string;
  recipientId: string;
  issuedAt: Date;
}

/** Bits as 0/1; any other value (conventionally 2) means "unknown" (an erasure) when decoding. */
export type Bits = Uint8Array;

const SYNC = Uint8Array.from("00011001110100010110100001000000", (c) => Number(c));
const MESSAGE_BYTES = 10; // copy id (8) + CRC-16 (2)
const PARITY_BYTES = 16; // t = 8
const CODE_BYTES = MESSAGE_BYTES + PARITY_BYTES;
const CODE_BITS = CODE_BYTES * 8;
/** Total length of one fingerprint frame in bits. */
export const FRAME_BITS = SYNC.length + CODE_BITS;
/** The 2·flips + erasures budget one frame (sync and code alike) is guaranteed to survive. */
export const FRAME_CAPACITY = PARITY_BYTES;
/** Sync matches at or below this score are trusted for the majority combination of frames. */
const STRONG_SYNC = 8;
const LABEL = new TextEncoder().encode("outsight/fingerprint/v1");

/** Fixed pseudo-random mask (LFSR x^16+x^14+x^13+x^11+1) XORed over the code bits. */
const WHITEN = (() => {
  const out = new Uint8Array(CODE_BITS);
  let state = 0xace1;
  for (let i = 0; i < CODE_BITS; i++) {
    const bit = (state ^ (state >> 2) ^ (state >> 3) ^ (state >> 5)) & 1;
    state = (state >> 1) | (bit << 15);
    out[i] = state & 1;
  }
  return out;
})();

/** CRC-16/CCITT-FALSE, seeded with a version byte so a future format cannot be confused with v1. */
function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of [0x01, ...data]) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(hex)) {
    throw new RangeError(`not a uuid: ${uuid}`);
  }
  return hexBytes(hex.replaceAll("-", ""));
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) =>
    Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  );
}

function bytesHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The 64-bit copy id (16 hex digits) of one delivered copy: the first 8 bytes of
 * HMAC-SHA256(secret, "outsight/fingerprint/v1" ‖ shareId ‖ recipientId ‖ issuedAt ms, big-endian).
 * Deterministic, so the server can recompute it, and unlinkable to the ids without the secret.
 */
export function deriveCopyId(
  payload: FingerprintPayload,
  secret: Uint8Array,
  hmac: HmacSha256 = hmacSha256,
): string {
  const ms = payload.issuedAt.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("issuedAt is not a valid date");
  const data = new Uint8Array(LABEL.length + 40);
  data.set(LABEL, 0);
  data.set(uuidBytes(payload.shareId), LABEL.length);
  data.set(uuidBytes(payload.recipientId), LABEL.length + 16);
  new DataView(data.buffer).setBigInt64(LABEL.length + 32, BigInt(ms));
  const mac = hmac(secret, data);
  if (mac.length < 8) throw new RangeError("HMAC output shorter than 8 bytes");
  return bytesHex(mac.slice(0, 8));
}

/** The frame bits for an existing copy id (16 hex digits), e.g. one read back from the access log. */
export function encodeCopyId(copyId: string): Bits {
  if (!/^[0-9a-f]{16}$/.test(copyId)) throw new RangeError(`not a 64-bit hex copy id: ${copyId}`);
  const message = new Uint8Array(MESSAGE_BYTES);
  message.set(hexBytes(copyId));
  const crc = crc16(message.subarray(0, 8));
  message[8] = crc >> 8;
  message[9] = crc & 0xff;
  const code = rsEncode(message, PARITY_BYTES);
  const bits = new Uint8Array(FRAME_BITS);
  bits.set(SYNC);
  for (let i = 0; i < CODE_BITS; i++)
    bits[SYNC.length + i] = ((code[i >> 3] >> (7 - (i & 7))) & 1) ^ WHITEN[i];
  return bits;
}

/**
 * Fingerprint for one copy: its copy id (to store in the access log) and the frame bits to embed.
 * Embedders should write the frame several times; the decoder votes over all copies it finds.
 */
export function encodeFingerprint(
  payload: FingerprintPayload,
  secret: Uint8Array,
  hmac: HmacSha256 = hmacSha256,
): { copyId: string; bits: Bits } {
  const copyId = deriveCopyId(payload, secret, hmac);
  return { copyId, bits: encodeCopyId(copyId) };
}

/** 2·mismatches + unknowns of the sync word at `at`, stopping early once over budget. */
function syncScore(bits: ArrayLike<number>, at: number): number {
  let score = 0;
  for (let i = 0; i < SYNC.length && score <= FRAME_CAPACITY; i++) {
    const b = bits[at + i];
    score += b === 0 || b === 1 ? (b === SYNC[i] ? 0 : 2) : 1;
  }
  return score;
}

/** Decodes the code part of a frame starting at `at` (bits may contain erasures). */
function decodeCode(bits: ArrayLike<number>, at: number): string | null {
  const code = new Uint8Array(CODE_BYTES);
  const erased = new Set<number>();
  for (let i = 0; i < CODE_BITS; i++) {
    const b = bits[at + i];
    if (b !== 0 && b !== 1) erased.add(i >> 3);
    else code[i >> 3] |= (b ^ WHITEN[i]) << (7 - (i & 7));
  }
  if (erased.size > PARITY_BYTES) return null;
  const message = rsDecode(code, PARITY_BYTES, [...erased]);
  if (!message) return null;
  const crc = crc16(message.subarray(0, 8));
  if (message[8] !== crc >> 8 || message[9] !== (crc & 0xff)) return null;
  return bytesHex(message.subarray(0, 8));
}

/**
 * Finds and decodes a fingerprint in `bits` (0/1, anything else = unknown), which may hold several
 * frames among unrelated bits. Returns the copy id found most often, or null for "no fingerprint".
 */
export function decodeFingerprint(bits: ArrayLike<number>): { copyId: string } | null {
  const candidates: { at: number; score: number }[] = [];
  for (let at = 0; at + FRAME_BITS <= bits.length; at++) {
    const score = syncScore(bits, at);
    if (score <= FRAME_CAPACITY) candidates.push({ at, score });
  }
  const votes = new Map<string, number>();
  for (const { at } of candidates) {
    const copyId = decodeCode(bits, at + SYNC.length);
    if (copyId) votes.set(copyId, (votes.get(copyId) ?? 0) + 1);
  }
  if (votes.size > 0) {
    // Ties go to the copy id seen first, so the answer is deterministic.
    let best = "";
    let most = 0;
    for (const [copyId, count] of votes) if (count > most) [best, most] = [copyId, count];
    return { copyId: best };
  }
  return decodeByMajority(bits, candidates);
}

/** Bitwise majority over non-overlapping frames with a clean sync; ties become erasures. */
function decodeByMajority(bits: ArrayLike<number>, candidates: { at: number; score: number }[]) {
  // Best syncs first, so a chance match in junk cannot displace the real frame it overlaps.
  const frames: number[] = [];
  const strong = candidates
    .filter((c) => c.score <= STRONG_SYNC)
    .sort((a, b) => a.score - b.score || a.at - b.at);
  for (const { at } of strong) {
    if (frames.every((other) => Math.abs(other - at) >= FRAME_BITS)) frames.push(at);
  }
  if (frames.length < 2) return null;
  const combined = new Uint8Array(CODE_BITS);
  for (let i = 0; i < CODE_BITS; i++) {
    let balance = 0;
    for (const at of frames) {
      const b = bits[at + SYNC.length + i];
      if (b === 1) balance++;
      else if (b === 0) balance--;
    }
    combined[i] = balance > 0 ? 1 : balance < 0 ? 0 : 2;
  }
  const copyId = decodeCode(combined, 0);
  return copyId ? { copyId } : null;
}

const ZW_ZERO = "\u200b";
const ZW_ONE = "\u200c";
const ZW_SEPARATOR = "\u2060";

/**
 * Bits as zero-width characters for text carriers (PDF text objects): 0 → U+200B, 1 → U+200C,
 * wrapped in U+2060 word joiners that delimit one run. Only 0/1 are accepted.
 */
export function toZeroWidth(bits: ArrayLike<number>): string {
  let out = ZW_SEPARATOR;
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] !== 0 && bits[i] !== 1) throw new RangeError("zero-width carrier holds only 0/1 bits");
    out += bits[i] ? ZW_ONE : ZW_ZERO;
  }
  return out + ZW_SEPARATOR;
}

/**
 * The bits of every zero-width run in `text`, concatenated in reading order; visible text and
 * separators are skipped, so runs split or surrounded by other text still feed the decoder.
 */
export function fromZeroWidth(text: string): Bits {
  const out: number[] = [];
  for (const ch of text) {
    if (ch === ZW_ZERO) out.push(0);
    else if (ch === ZW_ONE) out.push(1);
  }
  return Uint8Array.from(out);
}
