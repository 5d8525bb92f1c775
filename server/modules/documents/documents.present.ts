import { alias } from "drizzle-orm/pg-core";
import type { DocumentListItem, DocumentVersion } from "../../../domain/documents.js";
import { users } from "../users/users.tables.js";
import { documents, documentVersions } from "./documents.tables.js";

/** Uploaders are joined under their own alias, next to the document's creator. */
export const uploaders = alias(users, "uploaders");

/** Columns a presented document (list item) needs: the document, its current version, its creator. */
export const documentColumns = {
  id: documents.id,
  title: documents.title,
  classification: documents.classification,
  partnerId: documents.partnerId,
  contractId: documents.contractId,
  currentVersion: documents.currentVersion,
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
  creatorId: users.id,
  creatorName: users.name,
  fileName: documentVersions.fileName,
  contentType: documentVersions.contentType,
  size: documentVersions.size,
};

/** A row selected with {@link documentColumns} (creator may be null). */
export type DocumentRow = {
  [K in keyof typeof documentColumns]: (typeof documentColumns)[K]["_"]["data"] | null;
};

/** Whitelists a document row for the API. */
export function presentDocument(r: DocumentRow): DocumentListItem {
  return {
    id: r.id as string,
    title: r.title as string,
    classification: r.classification as DocumentListItem["classification"],
    partnerId: r.partnerId,
    contractId: r.contractId,
    currentVersion: r.currentVersion as number,
    fileName: r.fileName as string,
    contentType: r.contentType as string,
    size: r.size as number,
    createdBy: r.creatorId ? { id: r.creatorId, name: r.creatorName ?? "" } : null,
    createdAt: (r.createdAt as Date).toISOString(),
    updatedAt: (r.updatedAt as Date).toISOString(),
  };
}

/** Columns of a presented version (never the storage key or wrapped key). */
export const versionColumns = {
  version: documentVersions.version,
  fileName: documentVersions.fileName,
  contentType: documentVersions.contentType,
  size: documentVersions.size,
  sha256: documentVersions.sha256,
  createdAt: documentVersions.createdAt,
  uploaderId: uploaders.id,
  uploaderName: uploaders.name,
};

/** Whitelists a version row for the API. */
export function presentVersion(r: {
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  uploaderId: string | null;
  uploaderName: string | null;
}): DocumentVersion {
  return {
    version: r.version,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploaderId ? { id: r.uploaderId, name: r.uploaderName ?? "" } : null,
    createdAt: r.createdAt.toISOString(),
  };
}
