import { parentPort } from "node:worker_threads";
import { markCopy, readFingerprint } from "./index.js";
import type { VisibleMark } from "./types.js";

/**
 * The marking worker (see `mark-pool.ts`): marks one copy, or reads the fingerprint of a suspected
 * one, per message, off the server's event loop. Errors travel back by name so the pool can
 * rebuild the typed ones the service maps.
 */
export type MarkJob =
  | {
      id: number;
      kind: "mark";
      content: Uint8Array;
      contentType: string;
      mark: VisibleMark;
      bits: Uint8Array;
    }
  | { id: number; kind: "read"; content: Uint8Array };

parentPort?.on("message", async (job: MarkJob) => {
  try {
    if (job.kind === "read") {
      parentPort?.postMessage({ id: job.id, ok: true, out: await readFingerprint(job.content) });
      return;
    }
    const out = await markCopy(job.content, job.contentType, job.mark, job.bits);
    parentPort?.postMessage({ id: job.id, ok: true, out }, [out.buffer as ArrayBuffer]);
  } catch (e) {
    const err = e as Error & { reason?: string };
    parentPort?.postMessage({
      id: job.id,
      ok: false,
      name: err.name,
      message: err.message,
      reason: err.reason,
    });
  }
});
