import { randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { evidenceKeyAad } from "../../platform/crypto/envelope.js";
import type { Queryable } from "../../platform/db/index.js";
import { LocalStorage } from "../../platform/storage/local-storage.js";
import { currentOrgKey, masterKeyOf } from "../documents/documents.keys.js";
import { openEncrypted } from "../documents/documents.open.js";
import { storeEncrypted } from "../documents/documents.store.js";
import { assessmentEvidence } from "./assessments.tables.js";

/**
 * Evidence files at rest (issue 6 on issue 7's store): each file is encrypted under its own data
 * key, wrapped by the organization's key with the AAD `evidence:<id>`, into document storage.
 * As for documents, the object is written BEFORE its row commits and deleted AFTER its row is
 * gone, so a crash can only leave orphan ciphertext, never a row pointing to nothing. Rows from
 * before (plaintext `content`) are converted by `encryptLegacyEvidence` at start-up.
 */

/** Where an evidence file's ciphertext lives and how its data key is wrapped. */
export interface StoredEvidence {
  id: string;
  storageKey: string;
  wrappedDataKey: string;
  orgKeyVersion: number;
}

/** The document storage of this app (evidence shares it with documents). */
export const evidenceStorage = (ctx: AppContext) => new LocalStorage(ctx.config.dataDir);

/** Encrypts one evidence file's bytes into storage for the evidence row `id` (which need not exist yet). */
export async function encryptEvidence(
  ctx: AppContext,
  orgId: string,
  id: string,
  data: Buffer,
): Promise<StoredEvidence> {
  const master = await masterKeyOf(ctx);
  const orgKey = await currentOrgKey(ctx.database.db, master, orgId);
  const storageKey = `${orgId}/evidence/${id}-${randomBytes(6).toString("hex")}`;
  try {
    const wrappedDataKey = await storeEncrypted(
      evidenceStorage(ctx),
      storageKey,
      orgKey,
      evidenceKeyAad(id),
      Readable.from([data]),
    );
    return { id, storageKey, wrappedDataKey, orgKeyVersion: orgKey.version };
  } finally {
    orgKey.key.fill(0);
  }
}

/**
 * Stores the file encrypted under a new evidence id, then runs `commit` (the transaction that
 * inserts the row); the object is removed if the commit fails.
 */
export async function storeEvidenceThenCommit<T>(
  ctx: AppContext,
  orgId: string,
  data: Buffer,
  commit: (stored: StoredEvidence) => Promise<T>,
): Promise<T> {
  const stored = await encryptEvidence(ctx, orgId, randomUUID(), data);
  try {
    return await commit(stored);
  } catch (e) {
    await deleteEvidenceObject(ctx, stored.storageKey);
    throw e;
  }
}

/** Removes an evidence object after its row is gone; a failure only leaves orphan ciphertext. */
export async function deleteEvidenceObject(ctx: AppContext, storageKey: string | null): Promise<void> {
  if (storageKey)
    await evidenceStorage(ctx)
      .delete(storageKey)
      .catch(() => undefined);
}

/** The columns a download needs. */
export const evidenceContentColumns = {
  id: assessmentEvidence.id,
  orgId: assessmentEvidence.orgId,
  fileName: assessmentEvidence.fileName,
  contentType: assessmentEvidence.contentType,
  size: assessmentEvidence.size,
  sha256: assessmentEvidence.sha256,
  content: assessmentEvidence.content,
  storageKey: assessmentEvidence.storageKey,
  wrappedDataKey: assessmentEvidence.wrappedDataKey,
  orgKeyVersion: assessmentEvidence.orgKeyVersion,
};
type EvidenceContentRow = {
  [K in keyof typeof evidenceContentColumns]: (typeof evidenceContentColumns)[K]["_"]["data"] | null;
};

/** An evidence file ready to send: metadata and its plaintext (decrypting stream, or legacy bytes). */
export interface EvidenceDownload {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Readable | Buffer;
}

/** Opens an evidence row's content: decrypted from storage, or the legacy plaintext column. */
export async function openEvidence(
  ctx: AppContext,
  q: Queryable,
  r: EvidenceContentRow,
): Promise<EvidenceDownload> {
  const meta = {
    fileName: r.fileName as string,
    contentType: r.contentType as string,
    size: r.size as number,
    sha256: r.sha256 as string,
  };
  if (r.storageKey && r.wrappedDataKey && r.orgKeyVersion != null) {
    const content = await openEncrypted(
      ctx,
      q,
      evidenceStorage(ctx),
      {
        orgId: r.orgId as string,
        orgKeyVersion: r.orgKeyVersion,
        wrappedDataKey: r.wrappedDataKey,
        storageKey: r.storageKey,
      },
      evidenceKeyAad(r.id as string),
    );
    return { ...meta, content };
  }
  if (!r.content) throw new Error(`evidence ${r.id} has neither stored nor legacy content`);
  return { ...meta, content: r.content };
}

/** What `encryptLegacyEvidence` reports to: the server's logger or anything alike. */
export interface LegacyLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Moves legacy evidence (plaintext `content`) into encrypted storage, in small batches: each file
 * is encrypted and stored, then its row takes the storage columns and loses `content` in one
 * UPDATE guarded by `content IS NOT NULL` (so concurrent instances, or a row deleted meanwhile,
 * never leave two objects named: the loser deletes its own). Run once in the background at
 * start-up; idempotent. Answers how many rows were converted.
 */
export async function encryptLegacyEvidence(
  ctx: AppContext,
  log?: LegacyLog,
  batchSize = 20,
): Promise<number> {
  const { db } = ctx.database;
  let converted = 0;
  let failed = 0;
  let after: string | null = null;
  try {
    for (;;) {
      const rows = await db
        .select({ id: assessmentEvidence.id, orgId: assessmentEvidence.orgId })
        .from(assessmentEvidence)
        .where(
          and(isNotNull(assessmentEvidence.content), after ? gt(assessmentEvidence.id, after) : undefined),
        )
        .orderBy(asc(assessmentEvidence.id))
        .limit(batchSize);
      if (!rows.length) break;
      for (const { id, orgId } of rows) {
        after = id;
        // Content read one row at a time, so a batch never holds more than one file in memory.
        const [row] = await db
          .select({ content: assessmentEvidence.content })
          .from(assessmentEvidence)
          .where(and(eq(assessmentEvidence.id, id), isNotNull(assessmentEvidence.content)));
        if (!row?.content) continue;
        let stored: StoredEvidence | null = null;
        try {
          stored = await encryptEvidence(ctx, orgId, id, row.content);
          const s = stored;
          const done = await db.transaction((tx) =>
            tx
              .update(assessmentEvidence)
              .set({
                storageKey: s.storageKey,
                wrappedDataKey: s.wrappedDataKey,
                orgKeyVersion: s.orgKeyVersion,
                content: null,
              })
              .where(and(eq(assessmentEvidence.id, id), isNotNull(assessmentEvidence.content)))
              .returning({ id: assessmentEvidence.id }),
          );
          if (done.length) converted++;
          else await deleteEvidenceObject(ctx, s.storageKey);
        } catch (err) {
          failed++;
          if (stored) await deleteEvidenceObject(ctx, stored.storageKey);
          log?.error({ err, evidenceId: id }, "evidence storage: encrypting a legacy evidence file failed");
        }
      }
    }
    log?.info(
      { converted, failed },
      `evidence storage: moved ${converted} legacy evidence file(s) into encrypted storage`,
    );
  } catch (err) {
    log?.error({ err, converted }, "evidence storage: converting legacy evidence failed");
  }
  return converted;
}
