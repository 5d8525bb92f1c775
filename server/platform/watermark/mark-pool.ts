import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Bits } from "../../../domain/fingerprint.js";
import { ImageNotMarkable } from "./image.js";
import type { FoundFingerprint } from "./index.js";
import type { MarkJob } from "./mark.worker.js";
import { PdfNotMarkable } from "./pdf.js";
import type { VisibleMark } from "./types.js";

/**
 * Marks copies on a worker thread. Marking is CPU-bound and synchronous (pdf-lib, and jimp's
 * pure-JS JPEG codec takes seconds on a large photo): on the main thread it would stall every
 * other request meanwhile. One long-lived worker, started on first use and unref'd so it never
 * keeps the process alive; jobs queue in its message port. A crashed worker fails its pending
 * jobs and is replaced on the next job.
 */

type Reply =
  | { id: number; ok: true; out: unknown }
  | { id: number; ok: false; name: string; message: string; reason?: string };

interface Pending {
  resolve: (out: unknown) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

/** Rebuilds the typed error the worker threw, so callers can map it to a problem response. */
function errorOf(reply: Extract<Reply, { ok: false }>): Error {
  if (reply.name === "PdfNotMarkable")
    return new PdfNotMarkable(reply.message, reply.reason === "encrypted" ? "encrypted" : "unreadable");
  if (reply.name === "ImageNotMarkable") return new ImageNotMarkable(reply.message);
  return new Error(`marking failed: ${reply.message}`);
}

function start(): Worker {
  // The server runs TypeScript through tsx, whose loader does not reach a worker's entry module:
  // a tiny JavaScript entry registers tsx in the worker, then imports the TypeScript worker.
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href; // its ESM "./esm/api"
  const entry = new URL("./mark.worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  const w = new Worker(boot, { eval: true });
  w.unref();
  w.on("message", (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.out);
    else p.reject(errorOf(reply));
  });
  w.on("error", (e) => failAll(e));
  w.on("exit", (code) => failAll(new Error(`marking worker exited with code ${code}`)));
  return w;
}

/** Runs one job on the worker (started on first use). */
function run(job: DistributiveOmit<MarkJob, "id">): Promise<unknown> {
  worker ??= start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage({ ...job, id });
  });
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** `markCopy` on the marking worker: same arguments, same result and typed errors. */
export async function markCopyOffThread(
  content: Uint8Array,
  contentType: string,
  mark: VisibleMark,
  bits: Bits,
): Promise<Uint8Array> {
  return (await run({ kind: "mark", content, contentType, mark, bits })) as Uint8Array;
}

/** `readFingerprint` on the marking worker (decoding a large image takes seconds). */
export async function readFingerprintOffThread(content: Uint8Array): Promise<FoundFingerprint | null> {
  return (await run({ kind: "read", content })) as FoundFingerprint | null;
}

/**
 * Starts the worker ahead of the first copy: loading pdf-lib and jimp in it takes a second or
 * two, which should not fall on the first partner to open a document.
 */
export function warmMarkWorker(): void {
  worker ??= start();
}

/** Stops the worker (tests, shutdown); pending jobs fail. */
export async function stopMarkWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
