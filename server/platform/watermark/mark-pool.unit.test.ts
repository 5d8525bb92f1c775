import { afterAll, describe, expect, it } from "vitest";
import { encodeCopyId } from "../../../domain/fingerprint.js";
import { markCopyOffThread, readFingerprintOffThread, stopMarkWorker } from "./mark-pool.js";
import { PdfNotMarkable } from "./pdf.js";
import { buildPdf, sampleMark } from "./pdf-testkit.js";

afterAll(() => stopMarkWorker());

describe("marking on the worker thread", () => {
  it("marks and reads back like the in-process functions, and keeps typed errors", async () => {
    const copyId = "00c0ffee12345678";
    const marked = await markCopyOffThread(
      await buildPdf(),
      "application/pdf",
      sampleMark(copyId.slice(0, 8)),
      encodeCopyId(copyId),
    );
    expect(Buffer.from(marked.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(await readFingerprintOffThread(marked)).toMatchObject({ copyId });
    const broken = markCopyOffThread(
      Buffer.from("%PDF-1.4\n%%EOF\n"),
      "application/pdf",
      sampleMark("x"),
      encodeCopyId(copyId),
    );
    await expect(broken).rejects.toBeInstanceOf(PdfNotMarkable);
    // Several jobs in flight at once each get their own answer.
    const all = await Promise.all(
      ["1111111111111111", "2222222222222222"].map(async (id) => {
        const out = await markCopyOffThread(
          await buildPdf(),
          "application/pdf",
          sampleMark(id),
          encodeCopyId(id),
        );
        return (await readFingerprintOffThread(out))?.copyId;
      }),
    );
    expect(all).toEqual(["1111111111111111", "2222222222222222"]);
  }, 60_000);
});
