import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The repository root (this file lives in e2e/support). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WEB_DIST = path.join(ROOT, "dist", "web");

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Newest modification time of any file below `target` (0 when absent). */
function newest(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (stat.isFile()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) max = Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return max;
}

/** True when dist/web exists and is newer than every web, domain and Vite config source file. */
export function webBuildIsFresh(): boolean {
  const index = path.join(WEB_DIST, "index.html");
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(
    newest(path.join(ROOT, "web")),
    newest(path.join(ROOT, "domain")),
    newest(path.join(ROOT, "vite.config.ts")),
  );
  return builtAt > 0 && builtAt >= sourcesAt;
}

/**
 * Builds the web app into dist/web when it is missing or older than its sources (the same rule as
 * `npm start`, plus the Vite config), so the server under test serves the current UI.
 */
export function ensureWebBuild(log: (msg: string) => void = console.log): void {
  if (webBuildIsFresh()) return;
  log("Building the web app (vite build)…");
  const started = performance.now();
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  if (r.status !== 0) {
    const output = `${r.stdout}\n${r.stderr}`.trim();
    const shown =
      output.length > 6_000
        ? `${output.slice(0, 6_000)}\n… (${output.length - 6_000} more characters)`
        : output;
    throw new Error(`vite build failed (exit ${r.status}):\n${shown}`);
  }
  log(`Web app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A fresh temporary data directory PostgreSQL (running as `postgres` when we are root) can enter. */
export async function makeDataDir(prefix: string): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  await fsp.chmod(dir, 0o755);
  return dir;
}

/** The server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates a fresh, empty database on the server behind `serverUrl`; returns its URL and a drop. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface ServerOptions {
  port: number;
  /** Used when `databaseUrl` is not given (embedded PostgreSQL under it). */
  dataDir?: string;
  /** External PostgreSQL; when absent any inherited DATABASE_URL is removed. */
  databaseUrl?: string;
  /** Where the server's stdout/stderr go (appended). */
  logFile?: string;
  env?: Record<string, string>;
}

/** A running `outsight serve` child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Last lines the server printed (for error messages). */
  tail(lines?: number): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then wait up to `timeoutMs` (SIGKILL after that); returns how it ended. */
  stop(
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean }>;
}

/**
 * Starts the real server (`node --import tsx server/cli.ts serve`, what `npm start` runs after
 * building) as a child process. Does not wait for readiness: see `waitForReady`.
 */
export function startServer(opts: ServerOptions): ServerProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(opts.port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    OUTSIGHT_WEB_DIST: WEB_DIST,
    ...opts.env,
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // vitest's worker options must not leak into the server
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.OUTSIGHT_DATA_DIR = opts.dataDir;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "cli.ts"), "serve"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: "a" }) : null;
  const onData = (d: Buffer) => {
    const s = d.toString();
    chunks.push(s);
    if (chunks.length > 500) chunks.splice(0, chunks.length - 500);
    log?.write(s);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  // Should this process end without stopping the server (a crash, an early process.exit), take
  // the server, and with it its embedded PostgreSQL, along instead of leaving them running.
  const orphanGuard = () => child.kill("SIGTERM");
  process.once("exit", orphanGuard);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      process.removeListener("exit", orphanGuard);
      log?.end();
      resolve({ code, signal });
    });
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    child,
    pid: child.pid ?? -1,
    exited,
    tail: (lines = 40) => chunks.join("").split("\n").slice(-lines).join("\n"),
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), timedOut: false };
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((r) => {
        timer = setTimeout(() => r("timeout"), timeoutMs);
      });
      const first = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (first === "timeout") {
        child.kill("SIGKILL");
        return { ...(await exited), timedOut: true };
      }
      return { ...first, timedOut: false };
    },
  };
}

/**
 * Polls `/readyz` until it answers 200. Fails early, with the server's last output, when the
 * process exits or `timeoutMs` passes.
 */
export async function waitForReady(
  server: ServerProcess,
  timeoutMs = 60_000,
  intervalMs = 50,
): Promise<number> {
  const started = performance.now();
  let dead = false;
  void server.exited.then(() => {
    dead = true;
  });
  while (performance.now() - started < timeoutMs) {
    if (dead) throw new Error(`The server exited before it was ready:\n${server.tail()}`);
    try {
      const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`The server was not ready within ${timeoutMs / 1000} s:\n${server.tail()}`);
}
