import type { TestProject } from "vitest/node";
import { startTestDatabase } from "./test-db.js";

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
