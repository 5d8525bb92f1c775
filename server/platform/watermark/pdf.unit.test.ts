import { Jimp } from "jimp";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeFingerprint, encodeCopyId } from "../../../domain/fingerprint.js";
import { readFingerprint } from "./index.js";
import { markPdf, PdfNotMarkable, readPdfFingerprints } from "./pdf.js";
import {
  buildPdf,
  cairoResave,
  encryptedPdf,
  pdfLibResave,
  pdfText,
  pdfWords,
  renderPages,
  sampleMark,
  stateLeakingPdf,
  stripTextAndMetadata,
} from "./pdf-testkit.js";

const COPY_ID = "8c2f0a61d93e47b5";
const mark = sampleMark(COPY_ID.slice(0, 8));
let original: Uint8Array;
let marked: Uint8Array;

beforeAll(async () => {
  original = await buildPdf({ pages: 3 });
  marked = await markPdf(original, mark, encodeCopyId(COPY_ID));
});

/** Fraction of pixels whose grey level differs by more than 24 between two renders. */
async function pixelDifference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([Jimp.fromBuffer(a), Jimp.fromBuffer(b)]);
  expect([x.bitmap.width, x.bitmap.height]).toEqual([y.bitmap.width, y.bitmap.height]);
  let differ = 0;
  for (let i = 0; i < x.bitmap.data.length; i += 4)
    if (
      Math.abs(x.bitmap.data[i] - y.bitmap.data[i]) + Math.abs(x.bitmap.data[i + 1] - y.bitmap.data[i + 1]) >
      24
    )
      differ++;
  return differ / (x.bitmap.data.length / 4);
}

const traced = async (pdf: Uint8Array) => (await readFingerprint(pdf))?.copyId ?? null;

describe("markPdf: visible mark", () => {
  it("prints the recipient, e-mail and classification on every page (pdftotext), folding non-WinAnsi letters", async () => {
    const pages = await pdfText(marked);
    expect(pages).toHaveLength(3);
    for (const [i, text] of pages.entries()) {
      expect(text).toContain(`Page ${i + 1} specification`); // the original content is still there
      expect(text).toContain("Zoe Lukasiewicz");
      expect(text).toContain("zoe.l@partner.example");
      expect(text).toContain("CONFIDENTIAL");
      expect(text).toContain(`ref ${COPY_ID.slice(0, 8)}`);
    }
  });

  it("renders every page (pdftoppm) and the marked render differs visibly from the unmarked one", async () => {
    const [before, after] = await Promise.all([renderPages(original), renderPages(marked)]);
    expect(after).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(await pixelDifference(before[i], after[i])).toBeGreaterThan(0.01);
  });

  it("keeps the mark upright inside the visible area of a 90° rotated page and of a MediaBox not at 0,0", async () => {
    const pdf = await markPdf(
      await buildPdf({ pages: 1, rotated: true, offset: true }),
      mark,
      encodeCopyId(COPY_ID),
    );
    // Visual sizes: the rotated Letter page shows 792 × 612; the offset page 400 × 300.
    for (const [page, width, height] of [
      [2, 792, 612],
      [3, 400, 300],
    ]) {
      const words = await pdfWords(pdf, page);
      const issued = words.find((w) => w.text === "Issued");
      const name = words.find((w) => w.text === "CONFIDENTIAL");
      for (const w of [issued, name]) {
        expect(w, `page ${page}`).toBeDefined();
        if (!w) continue;
        expect(w.xMin).toBeGreaterThanOrEqual(0);
        expect(w.yMin).toBeGreaterThanOrEqual(0);
        expect(w.xMax).toBeLessThanOrEqual(width);
        expect(w.yMax).toBeLessThanOrEqual(height);
        expect(w.xMax - w.xMin).toBeGreaterThan(w.yMax - w.yMin); // horizontal as read, not sideways
      }
      expect(issued?.yMin ?? 0).toBeGreaterThan(height - 40); // in the bottom margin
    }
    expect(await traced(pdf)).toBe(COPY_ID);
    // cairo bakes /Rotate and the box offset into the content; painting order is unchanged.
    expect(await traced(await cairoResave(pdf))).toBe(COPY_ID);
  });

  it.each(["unclosed", "underflow"] as const)(
    "is not distorted by a graphics state the original content leaves behind (%s q/Q)",
    async (kind) => {
      const bits = encodeCopyId(COPY_ID);
      const [clean, broken] = await Promise.all([
        stateLeakingPdf("clean").then((pdf) => markPdf(pdf, mark, bits)),
        stateLeakingPdf(kind).then((pdf) => markPdf(pdf, mark, bits)),
      ]);
      const [a, b, unmarked] = await Promise.all([
        renderPages(clean),
        renderPages(broken),
        stateLeakingPdf("clean").then(renderPages),
      ]);
      expect(await pixelDifference(a[0], unmarked[0])).toBeGreaterThan(0.01); // the mark shows …
      expect(await pixelDifference(a[0], b[0])).toBeLessThan(0.001); // … identically on the broken page
      expect(await traced(broken)).toBe(COPY_ID);
    },
  );

  it("leaves the original content streams untouched (only wrapped and followed by the mark)", async () => {
    const [a, b] = await Promise.all([PDFDocument.load(original), PDFDocument.load(marked)]);
    expect(b.getPageCount()).toBe(a.getPageCount());
    const text = await pdfText(marked);
    expect(text[0]).toContain("The supplier shall keep the specification confidential");
  });
});

describe("markPdf: invisible fingerprint", () => {
  it("is read back from both carriers", async () => {
    const found = await readPdfFingerprints(marked);
    const vector = found.filter((c) => c.carrier === "pdf_vector");
    expect(vector).toHaveLength(3); // one per page
    for (const c of vector) expect(decodeFingerprint(c.bits)?.copyId).toBe(COPY_ID);
    const meta = found.filter((c) => c.carrier === "pdf_metadata");
    expect(meta.length).toBeGreaterThanOrEqual(1);
    for (const c of meta) expect(decodeFingerprint(c.bits)?.copyId).toBe(COPY_ID);
    expect(await readFingerprint(marked)).toEqual({
      copyId: COPY_ID,
      carriers: expect.arrayContaining(["pdf_vector", "pdf_metadata"]),
    });
  });

  it.each([true, false])("survives a pdf-lib re-save (object streams: %s)", async (objectStreams) => {
    const resaved = await pdfLibResave(marked, objectStreams);
    expect(await readFingerprint(resaved)).toEqual({
      copyId: COPY_ID,
      carriers: expect.arrayContaining(["pdf_vector", "pdf_metadata"]),
    });
  });

  it("survives a poppler/cairo re-save (pdftocairo -pdf) through the vector carrier alone", async () => {
    const resaved = await cairoResave(marked);
    const found = await readPdfFingerprints(resaved);
    expect(found.filter((c) => c.carrier === "pdf_metadata")).toEqual([]); // cairo drops our metadata
    expect(await readFingerprint(resaved)).toEqual({ copyId: COPY_ID, carriers: ["pdf_vector"] });
  });

  it("survives deleting every text object and the metadata, which removes the visible mark", async () => {
    const stripped = await stripTextAndMetadata(marked);
    const text = (await pdfText(stripped)).join("\n");
    expect(text).not.toContain("Lukasiewicz");
    expect(text).not.toContain("zoe.l@partner.example");
    expect(text).not.toContain("Page 1"); // the attack removed all text, ours and the original's
    expect(await readFingerprint(stripped)).toEqual({ copyId: COPY_ID, carriers: ["pdf_vector"] });
    // … and a re-save on top of the attack changes nothing.
    expect(await traced(await cairoResave(stripped))).toBe(COPY_ID);
  });

  it("a copy marked for someone else reads as that other copy id", async () => {
    const other = await markPdf(original, mark, encodeCopyId("0000000000000001"));
    expect(await traced(other)).toBe("0000000000000001");
  });
});

describe("markPdf / readPdfFingerprints: bad input", () => {
  it("finds no fingerprint in an unmarked PDF", async () => {
    expect(await readPdfFingerprints(original)).toEqual([]);
    expect(await readFingerprint(original)).toBeNull();
    expect(await readFingerprint(await cairoResave(original))).toBeNull();
  });

  it("does not crash on a truncated or corrupt PDF", async () => {
    const truncated = marked.slice(0, Math.floor(marked.length / 3));
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    garbage.set(new TextEncoder().encode("%PDF-1.7\n"));
    for (const pdf of [truncated, garbage]) {
      const found = await readPdfFingerprints(pdf).catch(() => [] as const);
      expect(Array.isArray(found)).toBe(true);
      const result = await readFingerprint(pdf); // resolves: never rejects
      expect(result === null || typeof result.copyId === "string").toBe(true);
    }
    expect(await traced(garbage)).toBeNull();
  });

  it("refuses an encrypted PDF with PdfNotMarkable (reason encrypted)", async () => {
    const err = await markPdf(await encryptedPdf(), mark, encodeCopyId(COPY_ID)).catch((e) => e);
    expect(err).toBeInstanceOf(PdfNotMarkable);
    expect(err.reason).toBe("encrypted");
  });

  it("refuses bytes that are not a PDF with PdfNotMarkable (reason unreadable)", async () => {
    const err = await markPdf(new TextEncoder().encode("hello"), mark, encodeCopyId(COPY_ID)).catch((e) => e);
    expect(err).toBeInstanceOf(PdfNotMarkable);
    expect(err.reason).toBe("unreadable");
  });
});
