import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, inject } from "vitest";
import type { Role } from "../../domain/roles.js";
import { buildApp } from "../app.js";
import { createOrganization } from "../modules/organizations/create-organization.js";
import { users } from "../modules/users/users.tables.js";
import { recordAudit, systemActor } from "../platform/audit/audit.service.js";
import { hashPassword } from "../platform/auth/passwords.js";
import { loadConfig } from "../platform/config.js";
import type { AppContext } from "../platform/context.js";
import { openDatabase } from "../platform/db/index.js";
import { cloneTestDatabase } from "./test-db.js";

export const PASSWORD = "correct horse battery staple";

/** A running test app on its own fresh database. */
export interface TestEnv {
  app: FastifyInstance;
  ctx: AppContext;
}

/**
 * Gives a test file its own app on its own cloned database (created before, dropped after).
 * Use inside `describe` or at file top level; read `env.app` in tests, not at collection time.
 */
export function useTestApp(env: Partial<Record<string, string>> = {}): TestEnv {
  const holder = {} as TestEnv;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const db = await cloneTestDatabase(inject("dbServerUrl"));
    drop = db.drop;
    const config = loadConfig({
      OUTSIGHT_DATA_DIR: "/tmp/outsight-test-unused",
      DATABASE_URL: db.url,
      OUTSIGHT_WEB_DIST: "/nonexistent",
      ...env,
    });
    holder.ctx = { config, database: openDatabase(db.url, 5) };
    holder.app = await buildApp(holder.ctx);
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.ctx?.database.close();
    await drop();
  });
  return holder;
}

let counter = 0;
const unique = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A signed-in user: ids plus the cookie header to send. */
export interface Session {
  orgId: string;
  userId: string;
  email: string;
  role: Role;
  cookie: string;
}

/** Signs in through the API and returns the session cookie header value. */
export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "outsight_session");
  if (!cookie) throw new Error("no session cookie");
  return `outsight_session=${cookie.value}`;
}

/** Creates an organization with an admin (directly, as /setup works only once per installation). */
export async function buildOrg(env: TestEnv, name = `Org ${unique()}`): Promise<Session> {
  const { db } = env.ctx.database;
  const org = await db.transaction(async (tx) => {
    const created = await createOrganization(tx, name);
    await recordAudit(tx, created.id, systemActor("test"), {
      action: "organization.create",
      entityType: "organization",
      entityId: created.id,
    });
    return created;
  });
  return buildUser(env, org.id, "admin");
}

/** Creates a user of `role` in `orgId` (optionally scoped to a partner) and signs them in. */
export async function buildUser(
  env: TestEnv,
  orgId: string,
  role: Role,
  partnerId: string | null = null,
): Promise<Session> {
  const email = `${role}.${unique()}@example.test`;
  const [u] = await env.ctx.database.db
    .insert(users)
    .values({
      orgId,
      email,
      name: `${role} ${unique()}`,
      role,
      partnerId,
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning();
  return { orgId, userId: u.id, email, role, cookie: await login(env.app, email) };
}

/** `app.inject` with the session's cookie. */
export function call(
  env: TestEnv,
  session: Session | null,
  opts: InjectOptions,
): Promise<LightMyRequestResponse> {
  return env.app.inject({
    ...opts,
    headers: { ...(opts.headers ?? {}), ...(session ? { cookie: session.cookie } : {}) },
  });
}

/** Creates a partner through the API (a factory for tests). */
export async function buildPartner(env: TestEnv, session: Session, overrides: Record<string, unknown> = {}) {
  const res = await call(env, session, {
    method: "POST",
    url: "/api/v1/partners",
    payload: { name: `Partner ${unique()}`, country: "IN", category: "software_development", ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`buildPartner: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; status: string };
}

/** Asserts a problem+json response and returns its body. */
export function problem(res: LightMyRequestResponse, status: number, code?: string) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  if (!String(res.headers["content-type"]).startsWith("application/problem+json"))
    throw new Error(`not problem+json: ${res.headers["content-type"]}`);
  const body = res.json();
  if (code && body.code !== code) throw new Error(`expected code ${code}, got ${body.code}`);
  if (String(res.body).includes("    at ")) throw new Error("stack trace leaked to the client");
  return body as {
    code: string;
    detail?: string;
    errors?: { path: string; message: string; row?: number }[];
  };
}
