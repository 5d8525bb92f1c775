import { type PDFArray, type PDFDict, PDFDocument, PDFName, type PDFRef, StandardFonts } from "pdf-lib";
import type { Bits } from "../../../domain/fingerprint.js";
import { markOperators, pageFrame, visibleBox } from "./pdf-layout.js";
import { stackBalance } from "./pdf-lexer.js";
import { readMetadataBits, writeMetadataBits } from "./pdf-metadata.js";
import { winAnsiSafe } from "./pdf-text.js";
import { pageContent, readVectorBits } from "./pdf-vector.js";
import { type CarrierBits, type VisibleMark, visibleMarkLines } from "./types.js";

/**
 * PDF marking (issue 7): every page gets a visible mark (a translucent diagonal line with the
 * recipient, and the full mark lines small in the margins) and the fingerprint frame twice as rows
 * of near-white vector dots (`pdf_vector`); the document metadata carries it once more
 * (`pdf_metadata`). The original content streams are kept byte for byte: the mark is a new content
 * stream appended after them, and the originals are wrapped in q … Q so whatever graphics state they
 * leave behind cannot move or recolour the mark.
 */

/** The PDF cannot be marked (encrypted, or not a PDF pdf-lib can parse); the service answers 422. */
export class PdfNotMarkable extends Error {
  constructor(
    message: string,
    readonly reason: "encrypted" | "unreadable",
  ) {
    super(message);
    this.name = "PdfNotMarkable";
  }
}

const numbers = (a: PDFArray | undefined) => a?.asArray().map((o) => Number(o.toString())) ?? null;

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // Loaded with ignoreEncryption and checked below: pdf-lib's EncryptedPDFError is compiled to
    // ES5 and fails `instanceof`, so the flag is the reliable signal.
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  } catch (e) {
    throw new PdfNotMarkable(`the PDF cannot be read: ${(e as Error).message}`, "unreadable");
  }
  if (doc.isEncrypted)
    throw new PdfNotMarkable("the PDF is encrypted and cannot be watermarked", "encrypted");
  try {
    // pdf-lib loads a file without a catalog or page tree, then fails on first use of the pages.
    if (doc.getPageCount() === 0) throw new Error("no pages");
  } catch (e) {
    throw new PdfNotMarkable(`the PDF has no readable pages: ${(e as Error).message}`, "unreadable");
  }
  return doc;
}

/** A resource name for `ref` in `dict` (reused when the dict is shared by several pages). */
function resourceName(dict: PDFDict, tag: string, ref: PDFRef | PDFDict): string {
  for (const [key, value] of dict.entries()) if (value === ref) return key.decodeText();
  // The plain tag when free, so pages with their own resource dicts still share one mark stream.
  const key = dict.has(PDFName.of(tag)) ? dict.uniqueKey(tag) : PDFName.of(tag);
  dict.set(key, ref);
  return key.decodeText();
}

/**
 * Makes the original content give the graphics state back intact. pdf-lib wraps it in one q … Q,
 * which is not enough when the content issues more Q than q (it would pop our q, and its later
 * changes would stay) or leaves q open (our Q would only close its q, keeping its CTM and clip
 * for the mark). So: as many extra q before it as it underflows, and as many extra Q after it as
 * it leaves open.
 */
function isolate(
  doc: PDFDocument,
  contents: PDFArray,
  { underflow, net }: { underflow: number; net: number },
  cache: Map<string, PDFRef>,
): void {
  const pushed = contents.get(0) === doc.context.getPushGraphicsStateContentStream() ? 1 : 0;
  const stream = (text: string) => {
    const ref = cache.get(text) ?? doc.context.register(doc.context.flateStream(text));
    cache.set(text, ref);
    return ref;
  };
  const before = 1 + underflow - pushed;
  const after = 1 + underflow + net - pushed;
  if (before > 0) contents.insert(0, stream("q\n".repeat(before)));
  if (after > 0) contents.push(stream("Q\n".repeat(after)));
}

/**
 * Marks a PDF for one recipient: a visible mark on every page and the fingerprint `bits`
 * (one frame, see domain/fingerprint.ts) carried invisibly. Returns the new PDF bytes.
 * Throws {@link PdfNotMarkable} for encrypted or unreadable input.
 */
export async function markPdf(pdf: Uint8Array, mark: VisibleMark, bits: Bits): Promise<Uint8Array> {
  const doc = await load(pdf);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const gs = doc.context.register(doc.context.obj({ Type: "ExtGState", ca: 0.18, CA: 0.18 }));
  // Multiply: a near-white dot darkens what lies under it by under 1 %, so the fingerprint stays
  // invisible over dark headers and photos too, not only over white paper.
  const dotGs = doc.context.register(doc.context.obj({ Type: "ExtGState", BM: "Multiply" }));
  const lines = visibleMarkLines(mark).map((l) => winAnsiSafe(l, font));
  const diagonal = winAnsiSafe(`${mark.recipientName} <${mark.recipientEmail}>`, font);
  const pages = doc.getPages();
  if (pages.length === 0) throw new PdfNotMarkable("the PDF has no pages", "unreadable");
  const streams = new Map<string, PDFRef>();
  const wrappers = new Map<string, PDFRef>();
  for (const page of pages) {
    const balance = page.node.Contents() ? stackBalance(pageContent(page)) : { underflow: 0, net: 0 };
    // normalize() wraps the existing Contents in q … Q and gives the page its own resource dicts.
    const { Font, ExtGState, Contents } = page.node.normalizedEntries();
    if (Contents) isolate(doc, Contents, balance, wrappers);
    const media = numbers(page.node.MediaBox()) ?? [0, 0, 612, 792];
    const frame = pageFrame(visibleBox(media, numbers(page.node.CropBox())), page.getRotation().angle);
    const fontName = resourceName(Font, "OsF", font.ref);
    const gsName = resourceName(ExtGState, "OsGS", gs);
    const dotGsName = resourceName(ExtGState, "OsDG", dotGs);
    // Pages of the same size, rotation and resource names share one mark stream: building and
    // compressing it is most of the cost, and a 20-page document usually has one page size.
    const key = `${frame.width}|${frame.height}|${frame.matrix.join(",")}|${fontName}|${gsName}|${dotGsName}`;
    let ref = streams.get(key);
    if (!ref) {
      const ops = markOperators(frame, { font, fontName, gsName, dotGsName, diagonal, lines, bits });
      ref = doc.context.register(doc.context.flateStream(ops));
      streams.set(key, ref);
    }
    page.node.addContentStream(ref);
  }
  writeMetadataBits(doc, bits);
  return doc.save({ useObjectStreams: false });
}

/**
 * Every fingerprint candidate found in a PDF, per carrier: one `pdf_vector` entry per page whose
 * content paints fingerprint dots, one `pdf_metadata` entry per metadata copy; [] when none.
 * Throws when the bytes are not a PDF pdf-lib can parse (the caller treats that as "no fingerprint").
 */
export async function readPdfFingerprints(pdf: Uint8Array): Promise<CarrierBits[]> {
  // A leaked copy may have been re-encrypted with an empty user password; the content is still there.
  const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  const found: CarrierBits[] = [];
  for (const page of doc.getPages()) {
    let bits: Bits;
    try {
      bits = readVectorBits(page);
    } catch {
      continue; // one damaged page must not hide the others
    }
    if (bits.length > 0) found.push({ carrier: "pdf_vector", bits });
  }
  for (const bits of readMetadataBits(doc)) found.push({ carrier: "pdf_metadata", bits });
  return found;
}
