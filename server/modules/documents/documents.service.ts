import { randomUUID } from "node:crypto";
import { and, desc, eq, exists, ilike, or, type SQL, sql } from "drizzle-orm";
import { CreateDocumentFields, type ListDocumentsQuery } from "../../../domain/documents.js";
import type { Actor } from "../../platform/access.js";
import { auditActorOf, recordAudit } from "../../platform/audit/audit.service.js";
import type { AppContext } from "../../platform/context.js";
import type { Queryable } from "../../platform/db/index.js";
import { AppError, conflict, invalid, notFound } from "../../platform/errors.js";
import { LocalStorage } from "../../platform/storage/local-storage.js";
import { assertPartner } from "../contracts/contracts.checks.js";
import { contracts } from "../contracts/contracts.tables.js";
import { keysetOrdering } from "../partners/partners.query.js";
import { users } from "../users/users.tables.js";
import { currentOrgKey, masterKeyOf } from "./documents.keys.js";
import {
  type DocumentRow,
  documentColumns,
  presentDocument,
  presentVersion,
  uploaders,
  versionColumns,
} from "./documents.present.js";
import { type StoredVersion, storeVersion } from "./documents.store.js";
import { documentShares, documents, documentVersions } from "./documents.tables.js";
import type { DocumentUpload } from "./documents.upload.js";

const ordering = (cursor: string | undefined) =>
  keysetOrdering(
    { createdAt: { expr: sql`${documents.createdAt}`, cast: "timestamptz" } },
    documents.id,
    "-createdAt",
    cursor,
  );

/**
 * Documents (issue 7): encrypted upload, versions, listing and deletion (delivery of content:
 * documents.deliver.ts).
 * Content is stored before its row commits and deleted after its row is gone, so a crash in
 * between can only leave orphan ciphertext (unreadable without its wrapped key), never a row
 * pointing to nothing.
 */
export function createDocumentService(ctx: AppContext) {
  const { db } = ctx.database;
  const storage = new LocalStorage(ctx.config.dataDir);
  const maxBytes = ctx.config.documentMaxBytes;

  const selectDocuments = (q: Queryable, extra: Record<string, SQL.Aliased> = {}) =>
    q
      .select({ ...documentColumns, ...extra })
      .from(documents)
      .innerJoin(
        documentVersions,
        and(
          eq(documentVersions.documentId, documents.id),
          eq(documentVersions.version, documents.currentVersion),
        ),
      )
      .leftJoin(users, eq(users.id, documents.createdBy));

  async function get(actor: Actor, id: string) {
    const [doc] = await selectDocuments(db).where(
      and(eq(documents.id, id), eq(documents.orgId, actor.orgId)),
    );
    if (!doc) throw notFound("Document");
    const versions = await db
      .select(versionColumns)
      .from(documentVersions)
      .leftJoin(uploaders, eq(uploaders.id, documentVersions.uploadedBy))
      .where(and(eq(documentVersions.documentId, id), eq(documentVersions.orgId, actor.orgId)))
      .orderBy(desc(documentVersions.version));
    return { ...presentDocument(doc as DocumentRow), versions: versions.map(presentVersion) };
  }

  /** Streams the upload into storage, then runs `commit`; removes the object if the commit fails. */
  async function storeThenCommit<T>(
    actor: Actor,
    id: string,
    version: number,
    upload: DocumentUpload,
    commit: (s: StoredVersion) => Promise<T>,
  ) {
    const master = await masterKeyOf(ctx);
    const orgKey = await currentOrgKey(db, master, actor.orgId);
    const stored = await storeVersion(storage, actor.orgId, id, version, orgKey, upload, maxBytes);
    orgKey.key.fill(0);
    try {
      return await commit(stored);
    } catch (e) {
      await storage.delete(stored.storageKey).catch(() => undefined);
      throw e;
    }
  }

  const versionRow = (
    actor: Actor,
    id: string,
    version: number,
    upload: DocumentUpload,
    s: StoredVersion,
  ) => ({
    documentId: id,
    orgId: actor.orgId,
    version,
    ...s,
    contentType: upload.contentType,
    fileName: upload.fileName,
    uploadedBy: actor.userId,
  });

  return {
    get,

    async list(actor: Actor, q: ListDocumentsQuery) {
      const order = ordering(q.cursor);
      const where: SQL[] = [eq(documents.orgId, actor.orgId)];
      if (q.q) where.push(ilike(documents.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      // A partner's document room: what is filed under the partner and what was shared with it.
      if (q.partnerId)
        where.push(
          or(
            eq(documents.partnerId, q.partnerId),
            exists(
              db
                .select({ one: sql`1` })
                .from(documentShares)
                .where(
                  and(eq(documentShares.documentId, documents.id), eq(documentShares.partnerId, q.partnerId)),
                ),
            ),
          ) as SQL,
        );
      if (q.classification) where.push(eq(documents.classification, q.classification));
      if (order.after) where.push(order.after);
      const rows = await selectDocuments(db, { sortValue: order.sortValue })
        .where(and(...where))
        .orderBy(...order.orderBy)
        .limit(q.limit + 1);
      return order.page(
        rows as (DocumentRow & { sortValue: string })[],
        q.limit,
        (r) => r.id as string,
        presentDocument,
      );
    },

    /** `POST /documents`: fields checked before a byte is stored; 400 on bad fields, 422 on unknown links. */
    async create(actor: Actor, upload: DocumentUpload) {
      const parsed = CreateDocumentFields.safeParse(upload.fields);
      if (!parsed.success) {
        upload.discard();
        throw new AppError(
          400,
          "validation_failed",
          "Bad request",
          "Invalid document fields",
          parsed.error.issues.map((i) => ({ path: `body.${i.path.join(".")}`, message: i.message })),
        );
      }
      const input = parsed.data;
      try {
        if (input.partnerId) await assertPartner(db, actor.orgId, input.partnerId);
        if (input.contractId) {
          const [c] = await db
            .select({ partnerId: contracts.partnerId })
            .from(contracts)
            .where(and(eq(contracts.id, input.contractId), eq(contracts.orgId, actor.orgId)));
          if (!c || (input.partnerId && c.partnerId !== input.partnerId))
            throw invalid("Unknown contract", [
              { path: "body.contractId", message: "Unknown contract (or another partner's)" },
            ]);
        }
      } catch (e) {
        upload.discard();
        throw e;
      }
      const id = randomUUID();
      await storeThenCommit(actor, id, 1, upload, (s) =>
        db.transaction(async (tx) => {
          await tx.insert(documents).values({
            id,
            orgId: actor.orgId,
            title: input.title,
            classification: input.classification,
            partnerId: input.partnerId ?? null,
            contractId: input.contractId ?? null,
            currentVersion: 1,
            createdBy: actor.userId,
          });
          await tx.insert(documentVersions).values(versionRow(actor, id, 1, upload, s));
          await recordAudit(tx, actor.orgId, auditActorOf(actor), {
            action: "document.create",
            entityType: "document",
            entityId: id,
            relatedIds: [input.partnerId, input.contractId].filter((x): x is string => !!x),
            after: {
              ...input,
              version: 1,
              fileName: upload.fileName,
              contentType: upload.contentType,
              size: s.size,
              sha256: s.sha256,
            },
          });
        }),
      );
      return get(actor, id);
    },

    /** `POST /documents/:id/versions`: a new current version; 409 when another upload won the race. */
    async addVersion(actor: Actor, id: string, upload: DocumentUpload) {
      const [doc] = await db
        .select({ v: documents.currentVersion })
        .from(documents)
        .where(and(eq(documents.id, id), eq(documents.orgId, actor.orgId)));
      if (!doc) {
        upload.discard();
        throw notFound("Document");
      }
      const version = doc.v + 1;
      await storeThenCommit(actor, id, version, upload, (s) =>
        db.transaction(async (tx) => {
          const [locked] = await tx
            .select({ v: documents.currentVersion })
            .from(documents)
            .where(and(eq(documents.id, id), eq(documents.orgId, actor.orgId)))
            .for("update");
          if (!locked) throw notFound("Document");
          if (locked.v !== version - 1)
            throw conflict("Another version was uploaded at the same time; try again");
          await tx.insert(documentVersions).values(versionRow(actor, id, version, upload, s));
          await tx
            .update(documents)
            .set({ currentVersion: version, updatedAt: new Date() })
            .where(eq(documents.id, id));
          await recordAudit(tx, actor.orgId, auditActorOf(actor), {
            action: "document.version",
            entityType: "document",
            entityId: id,
            after: {
              version,
              fileName: upload.fileName,
              contentType: upload.contentType,
              size: s.size,
              sha256: s.sha256,
            },
          });
        }),
      );
      return get(actor, id);
    },

    /**
     * Deletes the rows in one transaction, then the stored objects after the commit. A crash
     * between the two leaves orphan ciphertext only (its data keys went with the rows, so it can
     * never be opened again); the reverse order could leave rows pointing to nothing.
     */
    async remove(actor: Actor, id: string) {
      const keys = await db.transaction(async (tx) => {
        const [doc] = await tx
          .select()
          .from(documents)
          .where(and(eq(documents.id, id), eq(documents.orgId, actor.orgId)))
          .for("update");
        if (!doc) throw notFound("Document");
        const versions = await tx
          .select({ key: documentVersions.storageKey })
          .from(documentVersions)
          .where(eq(documentVersions.documentId, id));
        await tx.delete(documents).where(eq(documents.id, id));
        await recordAudit(tx, actor.orgId, auditActorOf(actor), {
          action: "document.delete",
          entityType: "document",
          entityId: id,
          relatedIds: [doc.partnerId, doc.contractId].filter((x): x is string => !!x),
          before: { title: doc.title, classification: doc.classification, versions: versions.length },
        });
        return versions.map((v) => v.key);
      });
      for (const key of keys) await storage.delete(key).catch(() => undefined);
    },
  };
}
