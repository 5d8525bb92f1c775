import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import {
  freePort,
  makeDataDir,
  ROOT,
  type ServerProcess,
  startServer,
  waitForReady,
  webBuildIsFresh,
} from "../e2e/support/server.js";
import { descendants, mb, median, ms, procPssKb, procStatusKb, sleep, table, verdict } from "./lib.js";

const STARTUP_GOAL_MS = 5_000;
const RSS_GOAL_KB = 250 * 1024;

export interface StartupOptions {
  runs: number;
  idleSeconds: number;
}

/** Time from spawn to exit of a bare node command. */
async function timeExit(args: string[]): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`node ${args.join(" ")} exited ${code}`)),
    );
  });
  return performance.now() - started;
}

/** Polls `url` until it answers 200; returns the ms since `started`. */
async function until200(
  url: string,
  started: number,
  isDead: () => boolean,
  timeoutMs = 30_000,
): Promise<number> {
  while (performance.now() - started < timeoutMs) {
    if (isDead()) throw new Error(`process serving ${url} exited`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

const HELLO = `
import Fastify from "fastify";
const app = Fastify();
app.get("/", async () => ({ hello: "world" }));
await app.listen({ port: Number(process.argv[1]), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
`;

/** Bare Fastify hello-world: time to first 200 and (optionally) idle RSS. */
async function fastifyHello(idleSeconds: number | null): Promise<{ readyMs: number; rssKb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", HELLO, String(port)], {
    cwd: ROOT,
    stdio: "ignore",
  });
  let dead = false;
  child.once("exit", () => {
    dead = true;
  });
  try {
    const readyMs = await until200(`http://127.0.0.1:${port}/`, started, () => dead);
    let rssKb = Number.NaN;
    if (idleSeconds !== null) {
      await sleep(idleSeconds * 1000);
      rssKb = procStatusKb(child.pid!);
    }
    return { readyMs, rssKb };
  } finally {
    child.kill("SIGTERM");
    if (!dead) await new Promise((r) => child.once("exit", r));
  }
}

/** Memory of the server's embedded PostgreSQL processes (PSS: shared memory counted once). */
function postgresMemory(server: ServerProcess): { processes: number; pssKb: number } {
  const pids = descendants(server.pid);
  return { processes: pids.length, pssKb: pids.reduce((sum, pid) => sum + (procPssKb(pid) || 0), 0) };
}

async function stopCleanly(server: ServerProcess): Promise<void> {
  const r = await server.stop(30_000);
  if (r.timedOut || r.code !== 0) {
    throw new Error(`server did not stop cleanly (code ${r.code}, signal ${r.signal}):\n${server.tail()}`);
  }
}

/**
 * Startup benchmark: `outsight serve` on an existing data directory until /readyz answers 200, and
 * the idle RSS of its node process, next to bare node and a bare Fastify hello-world measured in
 * the same run.
 */
export async function startupBench(opts: StartupOptions): Promise<{ ok: boolean; report: string }> {
  const runs = Math.max(1, opts.runs);
  const nodeExit: number[] = [];
  const tsxExit: number[] = [];
  const hello: number[] = [];
  let helloRss = Number.NaN;
  await timeExit(["-e", "0"]); // warm the page cache
  for (let i = 0; i < runs; i++) {
    nodeExit.push(await timeExit(["-e", "0"]));
    tsxExit.push(await timeExit(["--import", "tsx", "-e", "0"]));
    const h = await fastifyHello(i === 0 ? opts.idleSeconds : null);
    hello.push(h.readyMs);
    if (i === 0) helloRss = h.rssKb;
  }

  // An existing data directory: the first start initialises the cluster and migrates; not timed.
  const dataDir = await makeDataDir("outsight-bench-startup-");
  const logFile = path.join(dataDir, "server.log");
  const ready: number[] = [];
  const inServe: number[] = [];
  const viaStart: number[] = [];
  let serverRss = Number.NaN;
  let serverHwm = Number.NaN;
  let pgMem = { processes: 0, pssKb: Number.NaN };
  try {
    const first = startServer({ port: await freePort(), dataDir, logFile });
    await waitForReady(first, 120_000);
    await stopCleanly(first);

    for (let i = 0; i < runs; i++) {
      const server = startServer({ port: await freePort(), dataDir, logFile });
      try {
        ready.push(await waitForReady(server, 60_000, 10));
        // main.ts reports its own time from serve() to listening (after modules have loaded).
        const own = server.tail(400).match(/ready on .* in (\d+) ms/);
        if (own) inServe.push(Number(own[1]));
        if (i === 0) {
          await sleep(opts.idleSeconds * 1000);
          serverRss = procStatusKb(server.pid, "VmRSS");
          serverHwm = procStatusKb(server.pid, "VmHWM");
          pgMem = postgresMemory(server);
        }
      } finally {
        await stopCleanly(server);
      }
    }

    // What `npm start` runs, when the web build is current (otherwise it would time a vite build).
    if (webBuildIsFresh()) {
      for (let i = 0; i < runs; i++) {
        const port = await freePort();
        const started = performance.now();
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          OUTSIGHT_DATA_DIR: dataDir,
        };
        delete env.DATABASE_URL;
        const child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.mjs")], {
          cwd: ROOT,
          env,
          stdio: "ignore",
        });
        let dead = false;
        const exited = new Promise((r) => child.once("exit", r));
        void exited.then(() => {
          dead = true;
        });
        try {
          viaStart.push(await until200(`http://127.0.0.1:${port}/readyz`, started, () => dead, 60_000));
        } finally {
          child.kill("SIGTERM");
          await exited;
        }
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }

  const readyMedian = median(ready);
  const readyWorst = Math.max(...ready);
  const ok = readyWorst < STARTUP_GOAL_MS && serverRss < RSS_GOAL_KB;
  const row = (label: string, v: number[], goal = "", pass = "") => [
    label,
    ms(median(v)),
    ms(Math.min(...v)),
    ms(Math.max(...v)),
    goal,
    pass,
  ];
  const rows = [
    row("baseline: node -e 0 (spawn → exit)", nodeExit),
    row("baseline: node --import tsx -e 0", tsxExit),
    row("baseline: Fastify hello-world → first 200", hello),
    row("outsight serve → /readyz 200", ready, "< 5000 ms", verdict(readyWorst < STARTUP_GOAL_MS)),
  ];
  if (inServe.length === ready.length) {
    rows.push(row("  of which serve(): PostgreSQL, migrations, app, listen", inServe));
    rows.push(
      row(
        "  of which process start and module loading (rest)",
        ready.map((r, i) => r - inServe[i]),
      ),
    );
  }
  if (viaStart.length) rows.push(row("npm start (scripts/start.mjs) → /readyz 200", viaStart));
  const startTable = table(["start-up, existing data directory", "median", "min", "max", "goal", ""], rows);
  const memTable = table(
    [`memory after ${opts.idleSeconds} s idle`, "value", "goal", ""],
    [
      ["baseline: Fastify hello-world, RSS", mb(helloRss), "", ""],
      ["outsight serve node process, RSS", mb(serverRss), "< 250 MB", verdict(serverRss < RSS_GOAL_KB)],
      ["outsight serve node process, peak RSS (VmHWM)", mb(serverHwm), "", ""],
      [`embedded PostgreSQL, ${pgMem.processes} processes, PSS (info)`, mb(pgMem.pssKb), "", ""],
    ],
  );
  const note = viaStart.length
    ? ""
    : "\n(npm start row skipped: dist/web is stale, it would time a vite build)";
  return {
    ok,
    report: `${startTable}\n  runs: ${runs} (median ${ms(readyMedian)})\n\n${memTable}${note}`,
  };
}
