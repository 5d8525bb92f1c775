import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  decodePDFRawStream,
  degrees,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  StandardFonts,
} from "pdf-lib";
import type { VisibleMark } from "./types.js";

/**
 * Fixtures and attacks for the PDF watermark tests and benchmark: PDFs built with pdf-lib, the
 * poppler command-line tools run on temporary files, and a "visible-mark removal" that deletes
 * every text object and the metadata, as a leaker with a PDF editor would.
 */

const run = promisify(execFile);

/** A recipient's mark with non-ASCII letters, to exercise the WinAnsi folding. */
export const sampleMark = (reference: string): VisibleMark => ({
  recipientName: "Zoë Łukasiewicz",
  recipientEmail: "zoe.l@partner.example",
  organization: "Acme Outsourcing GmbH",
  issuedAt: new Date("2026-11-28T10:00:00Z"),
  classification: "confidential",
  reference,
});

/** Options for {@link buildPdf}: extra pages with /Rotate 90 and with a MediaBox not at 0,0. */
export interface BuildOptions {
  pages?: number;
  rotated?: boolean;
  offset?: boolean;
  /** Paragraphs of filler text per page (the benchmark uses a full page). */
  paragraphs?: number;
}

/** A text PDF built with pdf-lib (Times-Roman), one "Page n" heading and some body text per page. */
export async function buildPdf(opts: BuildOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const body = "The supplier shall keep the specification confidential and use it only for the order.";
  const add = (size: [number, number], title: string) => {
    const page = doc.addPage(size);
    page.drawText(title, { x: 60, y: size[1] - 80, size: 22, font });
    for (let i = 0; i < (opts.paragraphs ?? 3); i++)
      page.drawText(body, { x: 60, y: size[1] - 120 - i * 16, size: 11, font });
    return page;
  };
  for (let i = 0; i < (opts.pages ?? 3); i++) add([595, 842], `Page ${i + 1} specification`);
  if (opts.rotated) add([612, 792], "Rotated page").setRotation(degrees(90));
  if (opts.offset) {
    const page = add([400, 300], "Offset page");
    page.setMediaBox(100, 200, 400, 300);
    page.drawText("Offset body", { x: 160, y: 400, size: 14, font });
  }
  return doc.save();
}

/**
 * One blank A4 page whose content leaves a hostile graphics state behind: a shrinking and shifting
 * CTM, a 2 × 2 pt clip, yellow fill and invisible text rendering, plus an unmatched `q`
 * ("unclosed") or a leading `Q` that pops a wrapper's `q` ("underflow"); "clean" has empty content.
 */
export async function stateLeakingPdf(kind: "clean" | "unclosed" | "underflow"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const hostile = "0.2 0 0 0.2 300 400 cm 0 0 10 10 re W n 1 1 0 rg 3 Tr";
  const ops = { clean: "", unclosed: `${hostile} q 0.5 0 0 0.5 0 0 cm`, underflow: `Q Q ${hostile}` }[kind];
  page.node.addContentStream(doc.context.register(doc.context.flateStream(ops)));
  return doc.save();
}

/** A PDF that declares a standard-security /Encrypt dictionary (enough for any reader to refuse it). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await buildPdf({ pages: 1 }));
  doc.context.trailerInfo.Encrypt = doc.context.obj({
    Filter: "Standard",
    V: 1,
    R: 2,
    O: PDFHexString.of("00".repeat(32)),
    U: PDFHexString.of("00".repeat(32)),
    P: -4,
  });
  return doc.save({ useObjectStreams: false });
}

/** Runs a poppler tool on `pdf` in a temporary directory; `fn` gets the input and output paths. */
export async function withTempPdf<T>(pdf: Uint8Array, fn: (input: string, dir: string) => Promise<T>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "outsight-pdf-"));
  try {
    const input = path.join(dir, "in.pdf");
    await fs.writeFile(input, pdf);
    return await fn(input, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `pdftotext` per page (poppler separates pages with form feeds). */
export async function pdfText(pdf: Uint8Array): Promise<string[]> {
  return withTempPdf(pdf, async (input) => {
    const { stdout } = await run("pdftotext", ["-layout", input, "-"]);
    return stdout.split("\f").slice(0, -1);
  });
}

/** Word boxes of one page from `pdftotext -bbox` (poppler's visual, rotated coordinates). */
export async function pdfWords(pdf: Uint8Array, page: number) {
  return withTempPdf(pdf, async (input) => {
    const args = ["-bbox", "-f", String(page), "-l", String(page), input, "-"];
    const { stdout } = await run("pdftotext", args);
    return [
      ...stdout.matchAll(/xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g),
    ].map((m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] }));
  });
}

/** `pdftoppm -r 40 -png` of every page, as PNG buffers in page order. */
export async function renderPages(pdf: Uint8Array): Promise<Buffer[]> {
  return withTempPdf(pdf, async (input, dir) => {
    await run("pdftoppm", ["-r", "40", "-png", input, path.join(dir, "p")]);
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".png")).sort();
    return Promise.all(files.map((f) => fs.readFile(path.join(dir, f))));
  });
}

/** Re-save through poppler and cairo (`pdftocairo -pdf`): every object and stream is rewritten. */
export async function cairoResave(pdf: Uint8Array): Promise<Uint8Array> {
  return withTempPdf(pdf, async (input, dir) => {
    const output = path.join(dir, "out.pdf");
    await run("pdftocairo", ["-pdf", input, output]);
    return new Uint8Array(await fs.readFile(output));
  });
}

/** Re-save with pdf-lib (load → save), with or without object streams. */
export async function pdfLibResave(pdf: Uint8Array, useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  return doc.save({ useObjectStreams });
}

/**
 * The visible-mark removal attack: deletes every BT … ET block from every page content stream and
 * drops the Info dictionary and the XMP packet. The text objects in the test PDFs use hex strings,
 * so a regular expression over the decoded stream finds the operators reliably.
 */
export async function stripTextAndMetadata(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs =
      contents instanceof PDFRef
        ? [contents]
        : (doc.context.lookupMaybe(contents, PDFArray)?.asArray() ?? []).filter((r) => r instanceof PDFRef);
    for (const ref of refs as PDFRef[]) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFStream)) continue;
      const bytes =
        stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
      const text = Buffer.from(bytes)
        .toString("latin1")
        .replace(/\bBT\b[\s\S]*?\bET\b/g, "");
      doc.context.assign(ref, doc.context.flateStream(Buffer.from(text, "latin1")));
    }
  }
  doc.context.trailerInfo.Info = undefined;
  doc.catalog.delete(PDFName.of("Metadata"));
  return doc.save();
}
