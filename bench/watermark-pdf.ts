import { PDFDocument } from "pdf-lib";
import { encodeCopyId } from "../domain/fingerprint.js";
import { readFingerprint } from "../server/platform/watermark/index.js";
import { markPdf } from "../server/platform/watermark/pdf.js";
import { buildPdf, sampleMark } from "../server/platform/watermark/pdf-testkit.js";
import { ms, summarize, table, verdict } from "./lib.js";

/** Issue 7's goal: watermarking a 20-page PDF under 300 ms. */
const GOAL_MS = 300;
const COPY_ID = "5d1c9e7a20b4f683";

export interface WatermarkPdfOptions {
  pages: number;
  runs: number;
  warmup: number;
}

async function time(fn: () => Promise<unknown>, opts: WatermarkPdfOptions) {
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const t = performance.now();
    await fn();
    if (i >= opts.warmup) times.push(performance.now() - t);
  }
  return summarize(times);
}

/**
 * Times `markPdf` (visible mark + both fingerprint carriers on every page, load → save) on a
 * text PDF of `pages` full pages, next to its baseline in the same run: pdf-lib loading and saving
 * the same file with no mark, the floor any pdf-lib based marker pays. Medians after warm-up.
 */
export async function watermarkPdfBench(opts: WatermarkPdfOptions) {
  const pdf = await buildPdf({ pages: opts.pages, paragraphs: 40 });
  const mark = sampleMark(COPY_ID.slice(0, 8));
  const bits = encodeCopyId(COPY_ID);
  const marked = await markPdf(pdf, mark, bits);
  const found = await readFingerprint(marked);
  if (found?.copyId !== COPY_ID) throw new Error("the benchmark's marked PDF does not trace back");

  const baseline = await time(
    async () => (await PDFDocument.load(pdf)).save({ useObjectStreams: false }),
    opts,
  );
  const marking = await time(() => markPdf(pdf, mark, bits), opts);
  const reading = await time(() => readFingerprint(marked), opts);
  const ok = marking.p50 < GOAL_MS;
  const row = (name: string, s: ReturnType<typeof summarize>) => [name, ms(s.p50), ms(s.p95), ms(s.min)];
  const report = [
    `${opts.pages}-page text PDF (${(pdf.length / 1024).toFixed(0)} KiB → ${(marked.length / 1024).toFixed(0)} KiB marked), ` +
      `${opts.runs} runs after ${opts.warmup} warm-up`,
    "",
    table(
      ["", "median", "p95", "min"],
      [
        row("baseline: pdf-lib load + save, no mark", baseline),
        row("markPdf (visible + pdf_vector + pdf_metadata)", marking),
        row("readFingerprint of the marked copy", reading),
      ],
    ),
    "",
    `markPdf overhead over the baseline: ${ms(marking.p50 - baseline.p50)}`,
    `goal: < ${GOAL_MS} ms for ${opts.pages} pages — median ${ms(marking.p50)} ${verdict(ok)}`,
  ].join("\n");
  return { ok, report };
}
