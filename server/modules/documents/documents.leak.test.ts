import { beforeAll, describe, expect, it } from "vitest";
import {
  cairoResave,
  pdfText,
  renderPages,
  stripTextAndMetadata,
} from "../../platform/watermark/pdf-testkit.js";
import { call, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions } from "../contracts/contracts.testkit.js";
import { buildNda } from "../ndas/ndas.testkit.js";
import {
  accessRows,
  buildDocument,
  buildShare,
  content,
  multipart,
  realPdf,
  tempDataDir,
} from "./documents.testkit.js";

/**
 * The whole leak story of issue 7 through the API: a confidential PDF shared under an NDA, the
 * copy a partner user downloads rendered by poppler (`pdftoppm`) with its visible mark read back
 * (`pdftotext`), then "leaked" after re-saving and deleting the visible mark, and traced to that
 * user, share and delivery.
 */

const env = useTestApp({ OUTSIGHT_DATA_DIR: tempDataDir() });
let s: ContractSessions;

const trace = (who: Session, data: Uint8Array) =>
  call(env, who, {
    method: "POST",
    url: "/api/v1/documents/trace",
    ...multipart({}, { name: "found-on-a-forum.pdf", data: Buffer.from(data) }),
  });

beforeAll(async () => {
  s = await buildContractSessions(env);
  await buildNda(env, s.admin, s.partnerId);
});

describe("a leaked copy leads back to its recipient", () => {
  it("renders the partner's marked copy, reads its mark, and traces it after the mark is removed", async () => {
    const original = await realPdf("Settlement interface specification, version 2");
    const doc = await buildDocument(
      env,
      s.admin,
      { title: "Settlement API", classification: "confidential", partnerId: s.partnerId },
      original,
    );
    const share = await buildShare(env, s.admin, doc.id, { partnerId: s.partnerId, allowDownload: true });
    const res = await content(env, s.partnerUser, doc.id, "disposition=attachment");
    expect(res.statusCode).toBe(200);
    const copy = new Uint8Array(res.rawPayload);

    // Visible: poppler renders each page, the marked page differs from the original's, and its
    // text layer names the recipient and the classification.
    const [markedPage] = await renderPages(copy);
    const [originalPage] = await renderPages(original);
    expect(markedPage.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(markedPage.equals(originalPage)).toBe(false);
    const [text] = await pdfText(copy);
    expect(text).toContain(s.partnerUser.email);
    expect(text).toContain("CONFIDENTIAL");
    expect(text).toContain("Settlement interface specification");

    // The leak: re-saved through cairo, then every text object and the metadata deleted.
    const leaked = await stripTextAndMetadata(await cairoResave(copy));
    expect((await pdfText(leaked)).join("")).not.toContain(s.partnerUser.email);

    const found = await trace(s.compliance, leaked);
    expect(found.statusCode).toBe(200);
    const [row] = await accessRows(env, doc.id);
    expect(found.json()).toMatchObject({
      found: true,
      copyId: row.copyId,
      carriers: ["pdf_vector"],
      document: { id: doc.id, title: "Settlement API", classification: "confidential" },
      version: 1,
      recipient: { id: s.partnerUser.userId, email: s.partnerUser.email },
      partner: { id: s.partnerId },
      share: { id: share.id, status: "live" },
      action: "download",
    });

    // The untouched original carries nothing.
    expect((await trace(s.compliance, original)).json()).toMatchObject({
      found: false,
      reason: "no_fingerprint",
    });
  });
});
