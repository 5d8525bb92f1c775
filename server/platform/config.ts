import path from "node:path";
import { z } from "zod";

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  OUTSIGHT_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  COOKIE_SECURE: z.enum(["true", "false", "auto"]).default("auto"),
  OUTSIGHT_WEB_DIST: z.string().optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  OUTSIGHT_JOBS: z.enum(["on", "off"]).default("on"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Outsight <outsight@localhost>"),
  PUBLIC_URL: z.string().url().optional(),
  DOCUMENT_MAX_MB: z.coerce.number().positive().max(10_240).default(50),
  OUTSIGHT_MASTER_KEY: z.string().optional(),
});

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  cookieSecure: "true" | "false" | "auto";
  webDist: string;
  /** Believe X-Forwarded-For/-Proto (only behind a reverse proxy: clients could forge them). */
  trustProxy: boolean;
  /** Run the background job workers and schedules in this process (off: serve HTTP only). */
  jobs: boolean;
  /** Where mail goes (`smtp://user:pass@host:port`); without it no email is sent (in-app only). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address users reach the web app at, for links in emails and webhooks. */
  publicUrl: string;
  /** Largest document upload in bytes (`DOCUMENT_MAX_MB`). */
  documentMaxBytes: number;
  /** Base64 master key (`OUTSIGHT_MASTER_KEY`); unset: `<dataDir>/master.key` (see crypto/master-key.ts). */
  masterKey: string | undefined;
}

/** Parses the environment into a `Config`; a bad value stops start-up with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.OUTSIGHT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    cookieSecure: e.COOKIE_SECURE,
    webDist: path.resolve(e.OUTSIGHT_WEB_DIST ?? "dist/web"),
    trustProxy: e.TRUST_PROXY === "true",
    jobs: e.OUTSIGHT_JOBS === "on",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    documentMaxBytes: Math.floor(e.DOCUMENT_MAX_MB * 1024 * 1024),
    masterKey: e.OUTSIGHT_MASTER_KEY || undefined,
  };
}
