/**
 * Byte-level PNG/JPEG handling for image watermarks: format sniffing, the pixel size read from the
 * header (so absurd images are refused before any pixel is decoded), and the `image_metadata`
 * fingerprint carrier, written into the encoded bytes ourselves because jimp does not keep
 * metadata on re-encode.
 */

/** The two image formats we mark. */
export type ImageFormat = "png" | "jpeg";

/** The MIME type of each format, as jimp names them. */
export const IMAGE_MIME = { png: "image/png", jpeg: "image/jpeg" } as const;

/** The format of `bytes` from its signature, or null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

/**
 * Width and height from the header (PNG IHDR, JPEG SOFn), or null when the header is missing or
 * broken. Reads only a few bytes, so a "decompression bomb" is measured before it is decoded.
 */
export function imageSize(bytes: Uint8Array, format: ImageFormat): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === "png") {
    if (bytes.length < 24 || ascii(bytes, 12, 4) !== "IHDR") return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  for (const seg of jpegSegments(bytes)) {
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    const m = seg.marker;
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc && seg.length >= 7) {
      return { width: view.getUint16(seg.start + 5), height: view.getUint16(seg.start + 3) };
    }
  }
  return null;
}

// --- metadata carrier ------------------------------------------------------------------------

/**
 * The metadata carrier looks like an ordinary asset comment: PNG tEXt "Comment" / JPEG COM with
 * `asset-id=<base64url of the packed frame bits>`. The bits are the codec's frame (sync, RS and
 * CRC), so a forged or damaged comment simply fails to decode.
 */
const KEYWORD = "Comment";
const PREFIX = "asset-id=";

function packBits(bits: ArrayLike<number>): string {
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === 1) bytes[i >> 3] |= 0x80 >> (i & 7);
  return Buffer.from(bytes).toString("base64url");
}

function unpackBits(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{4,400}$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  const bits = new Uint8Array(bytes.length * 8);
  for (let i = 0; i < bits.length; i++) bits[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return bits;
}

/** `bytes` with the fingerprint `bits` added as a comment (PNG tEXt after IHDR, JPEG COM after APPn). */
export function addMetadataCarrier(
  bytes: Uint8Array,
  format: ImageFormat,
  bits: ArrayLike<number>,
): Uint8Array {
  const text = new TextEncoder().encode(`${PREFIX}${packBits(bits)}`);
  if (format === "png") {
    const key = new TextEncoder().encode(KEYWORD);
    const data = new Uint8Array(key.length + 1 + text.length);
    data.set(key);
    data.set(text, key.length + 1);
    const chunk = pngChunk("tEXt", data);
    const ihdrEnd = 8 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8);
    return concat(bytes.subarray(0, ihdrEnd), chunk, bytes.subarray(ihdrEnd));
  }
  const seg = new Uint8Array(4 + text.length);
  seg.set([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  seg.set(text, 4);
  // After the leading APPn segments: JFIF and Exif readers expect theirs right behind SOI.
  let at = 2;
  for (const s of jpegSegments(bytes)) {
    if (s.marker < 0xe0 || s.marker > 0xef) break;
    at = s.start + s.length;
  }
  return concat(bytes.subarray(0, at), seg, bytes.subarray(at));
}

/** The bits of every fingerprint comment in `bytes`, in file order ([] when none). */
export function readMetadataCarrier(bytes: Uint8Array, format: ImageFormat): Uint8Array[] {
  const texts: string[] = [];
  if (format === "png") {
    for (const chunk of pngChunks(bytes)) {
      const data = bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.length);
      const nul = data.indexOf(0);
      if (nul < 0 || ascii(data, 0, nul) !== KEYWORD) continue;
      // iTXt: keyword, NUL, compression flag, method, language NUL, translated keyword NUL, text.
      if (chunk.type === "tEXt") texts.push(latin1(data.subarray(nul + 1)));
      else if (chunk.type === "iTXt" && data[nul + 1] === 0) {
        const lang = data.indexOf(0, nul + 3);
        const translated = lang < 0 ? -1 : data.indexOf(0, lang + 1);
        if (translated >= 0) texts.push(new TextDecoder().decode(data.subarray(translated + 1)));
      }
    }
  } else {
    for (const seg of jpegSegments(bytes))
      if (seg.marker === 0xfe) texts.push(latin1(bytes.subarray(seg.start + 2, seg.start + seg.length)));
  }
  const out: Uint8Array[] = [];
  for (const t of texts) {
    const bits = t.startsWith(PREFIX) ? unpackBits(t.slice(PREFIX.length).trim()) : null;
    if (bits) out.push(bits);
  }
  return out;
}

// --- container walking -----------------------------------------------------------------------

interface PngChunk {
  type: string;
  length: number;
  dataStart: number;
}

function* pngChunks(bytes: Uint8Array): Generator<PngChunk> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (at + 12 + length > bytes.length) return;
    yield { type, length, dataStart: at + 8 };
    if (type === "IEND") return;
    at += 12 + length;
  }
}

interface JpegSegment {
  marker: number;
  /** Offset of the 2-byte length field (the segment's payload follows it). */
  start: number;
  /** The length field's value (includes the 2 length bytes). */
  length: number;
}

/** The marker segments before the first scan (SOS), where frame size and comments live. */
function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return; // EOI / SOS: no more header segments
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // standalone markers carry no length
      continue;
    }
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2 || at + 2 + length > bytes.length) return;
    yield { marker, start: at + 2, length };
    at += 2 + length;
  }
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309). */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}
