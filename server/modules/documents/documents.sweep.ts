import { LocalStorage } from "../../platform/storage/local-storage.js";

/** Where the sweep reports: the server's logger, or anything with the same two methods. */
export interface SweepLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Removes the temp files of uploads a crash abandoned in document storage (`documents/.tmp`),
 * once per server process at start-up (`serve`), and logs how many went. Only files older than an
 * hour go (see `LocalStorage.sweepTemp`), so instances sharing the directory mid-upload are safe.
 * Never throws: a failed sweep must not stop the server; it is retried at the next start.
 */
export async function sweepDocumentTemp(dataDir: string, log: SweepLog): Promise<number> {
  try {
    const removed = await new LocalStorage(dataDir).sweepTemp();
    log.info({ removed }, `document storage: removed ${removed} abandoned temp upload file(s)`);
    return removed;
  } catch (err) {
    log.error({ err }, "document storage: sweeping abandoned temp uploads failed");
    return 0;
  }
}
