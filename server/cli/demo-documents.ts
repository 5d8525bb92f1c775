import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { CreateShare, checkDocumentType } from "../../domain/documents.js";
import { CreateNda } from "../../domain/ndas.js";
import { addDays, todayUtc } from "../../domain/time.js";
import { createDocumentService } from "../modules/documents/documents.service.js";
import { createShareService } from "../modules/documents/documents.shares.js";
import type { DocumentUpload } from "../modules/documents/documents.upload.js";
import { createNdaService, ndaInForce } from "../modules/ndas/ndas.service.js";
import type { Actor } from "../platform/access.js";
import type { Runtime } from "../platform/runtime.js";
import { DEMO_PARTNER_USER } from "./demo-assessments.js";
import { architecturePng, requirementsPdf, specificationPdf, testDataCsv } from "./demo-files.js";

/**
 * An upload built from bytes in memory, typed exactly as the HTTP path would type it (content
 * sniffing against the name), so the demo stores documents through the real service.
 */
async function uploadOf(
  fileName: string,
  data: Buffer,
  fields: Record<string, string>,
): Promise<DocumentUpload> {
  const ext = fileName.split(".").pop() ?? "";
  const check = checkDocumentType(ext, data.subarray(0, 4100), await fileTypeFromBuffer(data));
  if (!check.ok) throw new Error(`demo document ${fileName}: ${check.detail}`);
  return {
    fields,
    fileName,
    contentType: check.contentType,
    open: () => Readable.from([data]),
    discard: () => undefined,
    done: () => ({
      size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      truncated: false,
    }),
  };
}

/** The demo's documents: what they are, how classified, which partner they belong to. */
const DOCUMENTS = [
  {
    key: "spec",
    title: "Payments API v2 – interface specification",
    fileName: "payments-api-v2-specification.pdf",
    classification: "confidential",
    partner: DEMO_PARTNER_USER.partner,
    make: specificationPdf,
  },
  {
    key: "diagram",
    title: "Payments platform architecture",
    fileName: "payments-architecture.png",
    classification: "restricted",
    partner: DEMO_PARTNER_USER.partner,
    make: architecturePng,
  },
  {
    key: "testdata",
    title: "Anonymised test transactions (March)",
    fileName: "test-transactions-2026-03.csv",
    classification: "internal",
    partner: DEMO_PARTNER_USER.partner,
    make: async () => testDataCsv(),
  },
  {
    key: "policy",
    title: "Supplier security requirements",
    fileName: "supplier-security-requirements.pdf",
    classification: "internal",
    partner: "Cluj Digital",
    make: requirementsPdf,
  },
] as const;

/**
 * Makes sure the demo portal user's partner has an NDA in force (confidential documents may only
 * be shared under one), creating a mutual NDA when none is.
 */
async function ensureNda(runtime: Runtime, admin: Actor, partnerId: string) {
  if (await ndaInForce(runtime.database.db, admin.orgId, partnerId, todayUtc())) return;
  await createNdaService(runtime).create(
    admin,
    CreateNda.parse({
      partnerId,
      type: "mutual",
      scope: "Payments platform specifications, architecture, source code and test data",
      effectiveDate: addDays(todayUtc(), -120),
      expiryDate: addDays(todayUtc(), 610),
      consequences: "Liquidated damages of EUR 100,000 per breach, and termination for cause",
      signatories: [
        {
          name: "Claire Dubois",
          role: "Chief Procurement Officer",
          party: "ours",
          signedOn: addDays(todayUtc(), -121),
        },
        {
          name: "Martín Acosta",
          role: "Managing Director",
          party: "theirs",
          signedOn: addDays(todayUtc(), -120),
        },
      ],
    }),
  );
}

/**
 * `demo`: four documents uploaded (encrypted) through the documents service, linked to partners,
 * and the confidential specification (downloadable) and the internal CSV shared with the demo
 * portal user's partner under an NDA in force, so the portal and the leak tracing have something
 * to show. Returns the number of documents.
 */
export async function loadDemoDocuments(
  runtime: Runtime,
  admin: Actor,
  partnerIds: Map<string, string>,
): Promise<number> {
  const documents = createDocumentService(runtime);
  const ids = new Map<string, string>();
  for (const d of DOCUMENTS) {
    const upload = await uploadOf(d.fileName, await d.make(), {
      title: d.title,
      classification: d.classification,
      partnerId: partnerIds.get(d.partner)!,
    });
    ids.set(d.key, (await documents.create(admin, upload)).id);
  }
  const partnerId = partnerIds.get(DEMO_PARTNER_USER.partner)!;
  await ensureNda(runtime, admin, partnerId);
  const shares = createShareService(runtime);
  const expiresAt = new Date(`${addDays(todayUtc(), 60)}T17:00:00Z`).toISOString();
  await shares.create(
    admin,
    ids.get("spec")!,
    CreateShare.parse({
      partnerId,
      expiresAt,
      allowDownload: true,
      note: "For the Payments v2 build; do not forward outside the project team.",
    }),
  );
  await shares.create(
    admin,
    ids.get("testdata")!,
    CreateShare.parse({ partnerId, expiresAt, allowDownload: true }),
  );
  return DOCUMENTS.length;
}
