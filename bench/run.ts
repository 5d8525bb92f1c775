import os from "node:os";
import { parseArgs } from "node:util";
import { concentrationBench } from "./concentration.js";
import { documentEncryptBench } from "./document-encrypt.js";
import { kpiEvaluateBench } from "./kpi-evaluate.js";
import { kpiIngestBench } from "./kpi-ingest.js";
import { partnersListBench } from "./partners-list.js";
import { risksBench } from "./risks.js";
import { signalsBench } from "./signals.js";
import { startupBench } from "./startup.js";
import { watermarkPdfBench } from "./watermark-pdf.js";

const HELP = `Usage: npm run bench [-- options]

  --only startup|partners|concentration|risks|signals|kpi-ingest|kpi|documents|watermark   run one benchmark (default: all)
  --runs N                  start-up repetitions (default 5)
  --idle S                  seconds idle before reading RSS (default 5)
  --partners N              partners to insert (default 10000)
  --requests N              measured requests per list query (default 300)
  --warmup N                warm-up requests per list query (default 30)
  --concurrency N           clients of the throughput run (default 8; 0 skips it)
  --seconds S               length of the throughput run (default 5)
  --explain                 print EXPLAIN ANALYZE of each list query
  --services N              concentration: services (default 10000, over N/5 partners); it runs
                            min(--requests, 100) requests after min(--warmup, 10) warm-up
  --risks N                 risks: risks to insert (default 50000, over 5000 partners); it runs
                            min(--requests, 50) requests after min(--warmup, 10) warm-up
  --signal-partners N       signals: partners to evaluate (default 5000, 3 services and 1–2 sites each)
  --document-mb N           documents: MiB of plaintext to encrypt, store and decrypt (default 256)

Everything runs on 127.0.0.1 against servers this command starts and stops. With DATABASE_URL
set, the partner list benchmark uses a scratch database on that server instead of the embedded one.`;

/** `npm run bench`: runs each benchmark and prints its figures next to baselines from the same run. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      runs: { type: "string", default: "5" },
      idle: { type: "string", default: "5" },
      partners: { type: "string", default: "10000" },
      requests: { type: "string", default: "300" },
      warmup: { type: "string", default: "30" },
      concurrency: { type: "string", default: "8" },
      seconds: { type: "string", default: "5" },
      services: { type: "string", default: "10000" },
      risks: { type: "string", default: "50000" },
      "signal-partners": { type: "string", default: "5000" },
      "document-mb": { type: "string", default: "256" },
      explain: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const n = (v: string | undefined, max: number) =>
    Math.min(max, Math.max(0, Number.parseInt(v ?? "0", 10) || 0));
  const only = values.only;
  const heading = (title: string) =>
    console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 90 - title.length))}\n`);

  console.log(
    `Outsight benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}`,
  );
  const load = os.loadavg()[0];
  console.log(`load average (1 min) at start: ${load.toFixed(2)}`);
  if (load > os.cpus().length * 0.5) {
    console.log("warning: the machine is busy; timings below include waiting for CPU. Re-run when idle.");
  }
  let ok = true;
  if (!only || only === "startup") {
    heading("Start-up and idle memory");
    const r = await startupBench({ runs: Math.max(1, n(values.runs, 50)), idleSeconds: n(values.idle, 60) });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "partners") {
    heading("GET /api/v1/partners, filtered and sorted");
    const r = await partnersListBench({
      partners: Math.max(1, n(values.partners, 200_000)),
      requests: Math.max(1, n(values.requests, 5_000)),
      warmup: n(values.warmup, 1_000),
      explain: values.explain ?? false,
      concurrency: n(values.concurrency, 64),
      concurrentSeconds: n(values.concurrency, 64) > 0 ? n(values.seconds, 60) : 0,
    });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "concentration") {
    heading("GET /api/v1/concentration");
    const services = Math.max(1, n(values.services, 200_000));
    const r = await concentrationBench({
      services,
      partners: Math.max(1, Math.round(services / 5)),
      requests: Math.max(1, Math.min(n(values.requests, 5_000), 100)),
      warmup: Math.min(n(values.warmup, 1_000), 10),
    });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "risks") {
    heading("Risk register: heat map and list at scale");
    const r = await risksBench({
      risks: Math.max(1, n(values.risks, 1_000_000)),
      partners: 5000,
      requests: Math.max(1, Math.min(n(values.requests, 5_000), 50)),
      warmup: Math.min(n(values.warmup, 1_000), 10),
      explain: values.explain ?? false,
    });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "signals") {
    heading("Risk signals: full re-evaluation");
    const r = await signalsBench({ partners: Math.max(1, n(values["signal-partners"], 100_000)) });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "kpi-ingest") {
    heading("POST /api/v1/measurements/bulk: KPI ingestion vs COPY");
    const r = await kpiIngestBench({ rowsPerRequest: 50_000, requests: 4, kpis: 50 });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "kpi") {
    heading("KPI evaluation: 100,000-point history (pure domain, no database)");
    const r = kpiEvaluateBench({ points: 100_000, runs: 15, warmup: 3 });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "documents") {
    heading("Documents: encrypt-and-store vs raw AES-256-GCM");
    const r = await documentEncryptBench({ megabytes: Math.max(1, n(values["document-mb"], 4096)) });
    console.log(r.report);
    ok &&= r.ok;
  }
  if (!only || only === "watermark") {
    heading("Watermarking a 20-page PDF (markPdf) vs pdf-lib load + save");
    const r = await watermarkPdfBench({ pages: 20, runs: 15, warmup: 3 });
    console.log(r.report);
    ok &&= r.ok;
  }
  console.log(`\n${ok ? "All goals met." : "Some goals were NOT met (see FAIL above)."}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
