import {
  decodePDFRawStream,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
} from "pdf-lib";
import type { Bits } from "../../../domain/fingerprint.js";

/**
 * The `pdf_metadata` fingerprint carrier: the frame bits as hex in an innocuous-looking custom
 * Info dictionary entry, and as the XMP DocumentID when the document has no XMP packet yet (the
 * DocumentID is meant to survive "save as", so editors tend to keep it). Trivial to strip, but
 * most re-savers (pdf-lib, qpdf, Acrobat) keep both, and it costs nothing to read.
 */

/** The Info key: reads like an editor's bookkeeping entry. */
const INFO_KEY = PDFName.of("ContentRevision");
const XMP_PREFIX = "xmp.did:";

function bitsToHex(bits: ArrayLike<number>): string {
  let hex = "";
  for (let i = 0; i < bits.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8; j++) byte = (byte << 1) | (bits[i + j] === 1 ? 1 : 0);
    hex += byte.toString(16).padStart(2, "0");
  }
  return hex;
}

function bytesToBits(bytes: Uint8Array): Bits {
  const out = new Uint8Array(bytes.length * 8);
  bytes.forEach((byte, i) => {
    for (let j = 0; j < 8; j++) out[i * 8 + j] = (byte >> (7 - j)) & 1;
  });
  return out;
}

const hexToBits = (hex: string) =>
  bytesToBits(
    Uint8Array.from({ length: hex.length >> 1 }, (_, i) => Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)),
  );

function xmpPacket(hex: string): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    `<xmpMM:DocumentID>${XMP_PREFIX}${hex}</xmpMM:DocumentID>`,
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** The Info dictionary, created when the document has none. */
function infoDict(doc: PDFDocument): PDFDict {
  const existing = doc.context.lookup(doc.context.trailerInfo.Info);
  if (existing instanceof PDFDict) return existing;
  const info = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(info);
  return info;
}

/** Writes `bits` into the Info dictionary and, if the document has no XMP packet, into a new one. */
export function writeMetadataBits(doc: PDFDocument, bits: ArrayLike<number>): void {
  const hex = bitsToHex(bits);
  infoDict(doc).set(INFO_KEY, PDFHexString.of(hex));
  if (!doc.catalog.has(PDFName.of("Metadata"))) {
    const stream = doc.context.stream(xmpPacket(hex), { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
  }
}

function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return new TextDecoder("latin1").decode(bytes);
}

/** Every metadata candidate: the Info entry's bits and the XMP DocumentID's bits, when present. */
export function readMetadataBits(doc: PDFDocument): Bits[] {
  const found: Bits[] = [];
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) {
    const value = info.lookup(INFO_KEY);
    // Our own hex string; a re-saver may have rewritten it as a literal string of the same bytes.
    if ((value instanceof PDFHexString || value instanceof PDFString) && value.asBytes().length >= 8)
      found.push(bytesToBits(value.asBytes()));
  }
  try {
    const meta = doc.catalog.lookup(PDFName.of("Metadata"));
    if (meta instanceof PDFStream) {
      const m = streamText(meta).match(/xmp\.did:([0-9a-fA-F]{16,})/);
      if (m) found.push(hexToBits(m[1]));
    }
  } catch {
    // an undecodable XMP stream: the Info entry may still be there
  }
  return found;
}
