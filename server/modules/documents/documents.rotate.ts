import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { recordAudit, systemActor } from "../../platform/audit/audit.service.js";
import {
  dataKeyAad,
  evidenceKeyAad,
  newOrgKey,
  orgKeyAad,
  rewrap,
  unwrapKey,
} from "../../platform/crypto/envelope.js";
import type { MasterKey } from "../../platform/crypto/master-key.js";
import type { Db } from "../../platform/db/index.js";
import { assessmentEvidence } from "../assessments/assessments.tables.js";
import { documentVersions, orgKeys } from "./documents.tables.js";

/** What a rotation did, per organization. */
export interface RotationReport {
  orgId: string;
  rewrapped: number;
  newOrgKeyVersion: number | null;
  dataKeysRewrapped: number;
}

/** A key row wrapped by a master key we were not given: stop rather than guess. */
export class UnknownMasterKeyError extends Error {
  override name = "UnknownMasterKeyError";
}

/**
 * Key rotation without re-encrypting content, one transaction (and one `keys.rotate` audit event)
 * per organization:
 * 1. every org key wrapped by `previous` is re-wrapped by `current` (after OUTSIGHT_MASTER_KEY changed);
 * 2. with `newOrgKeys`, each organization gets a new org key version; every data key (document
 *    versions and encrypted evidence files) is re-wrapped from its old org key to the new one and
 *    the old versions are retired.
 * Rows already under `current` are left alone, so a rotation interrupted half-way can simply be re-run.
 */
export async function rotateKeys(
  db: Db,
  opts: { current: MasterKey; previous?: MasterKey; newOrgKeys?: boolean },
): Promise<RotationReport[]> {
  const { current, previous } = opts;
  const orgIds = [...new Set((await db.select({ orgId: orgKeys.orgId }).from(orgKeys)).map((r) => r.orgId))];
  const reports: RotationReport[] = [];
  for (const orgId of orgIds) {
    reports.push(
      await db.transaction(async (tx) => {
        const rows = await tx.select().from(orgKeys).where(eq(orgKeys.orgId, orgId)).for("update");
        const aad = orgKeyAad(orgId);
        const opened = new Map<number, Buffer>();
        let rewrapped = 0;
        for (const row of rows) {
          let wrapped = row.wrappedKey;
          if (row.masterKeyId !== current.id) {
            if (!previous || row.masterKeyId !== previous.id)
              throw new UnknownMasterKeyError(
                `org key v${row.version} of ${orgId} is wrapped by master key ${row.masterKeyId}; pass it with --old-master or --from-key-file`,
              );
            wrapped = rewrap(previous.key, current.key, row.wrappedKey, aad);
            await tx
              .update(orgKeys)
              .set({ wrappedKey: wrapped, masterKeyId: current.id })
              .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, row.version)));
            rewrapped++;
          }
          if (opts.newOrgKeys) opened.set(row.version, unwrapKey(current.key, wrapped, aad));
        }
        let newVersion: number | null = null;
        let dataKeys = 0;
        if (opts.newOrgKeys) {
          newVersion = Math.max(...rows.map((r) => r.version)) + 1;
          const fresh = newOrgKey(current, orgId);
          await tx
            .update(orgKeys)
            .set({ retiredAt: new Date() })
            .where(and(eq(orgKeys.orgId, orgId), isNull(orgKeys.retiredAt)));
          await tx.insert(orgKeys).values({
            orgId,
            version: newVersion,
            wrappedKey: fresh.wrapped,
            masterKeyId: fresh.masterKeyId,
          });
          const versions = await tx.select().from(documentVersions).where(eq(documentVersions.orgId, orgId));
          for (const v of versions) {
            const oldKey = opened.get(v.orgKeyVersion);
            if (!oldKey) throw new Error(`org key v${v.orgKeyVersion} of ${orgId} is missing`);
            const wrappedDataKey = rewrap(
              oldKey,
              fresh.key,
              v.wrappedDataKey,
              dataKeyAad(v.documentId, v.version),
            );
            await tx
              .update(documentVersions)
              .set({ wrappedDataKey, orgKeyVersion: newVersion })
              .where(
                and(eq(documentVersions.documentId, v.documentId), eq(documentVersions.version, v.version)),
              );
            dataKeys++;
          }
          // Questionnaire evidence files share the key hierarchy (see assessments/evidence.store.ts).
          const files = await tx
            .select({
              id: assessmentEvidence.id,
              wrappedDataKey: assessmentEvidence.wrappedDataKey,
              orgKeyVersion: assessmentEvidence.orgKeyVersion,
            })
            .from(assessmentEvidence)
            .where(and(eq(assessmentEvidence.orgId, orgId), isNotNull(assessmentEvidence.storageKey)))
            .for("update");
          for (const f of files) {
            if (f.wrappedDataKey == null || f.orgKeyVersion == null) continue;
            const oldKey = opened.get(f.orgKeyVersion);
            if (!oldKey) throw new Error(`org key v${f.orgKeyVersion} of ${orgId} is missing`);
            const wrappedDataKey = rewrap(oldKey, fresh.key, f.wrappedDataKey, evidenceKeyAad(f.id));
            await tx
              .update(assessmentEvidence)
              .set({ wrappedDataKey, orgKeyVersion: newVersion })
              .where(eq(assessmentEvidence.id, f.id));
            dataKeys++;
          }
          fresh.key.fill(0);
          for (const k of opened.values()) k.fill(0);
        }
        await recordAudit(tx, orgId, systemActor("cli"), {
          action: "keys.rotate",
          entityType: "organization",
          entityId: orgId,
          after: {
            masterKeyId: current.id,
            rewrapped,
            newOrgKeyVersion: newVersion,
            dataKeysRewrapped: dataKeys,
          },
        });
        return { orgId, rewrapped, newOrgKeyVersion: newVersion, dataKeysRewrapped: dataKeys };
      }),
    );
  }
  return reports;
}
