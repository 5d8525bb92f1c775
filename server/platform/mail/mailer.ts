import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config.js";

/** A ready SMTP transport and the sender address every message uses. */
export interface Mailer {
  transport: Transporter;
  from: string;
}

// One transport per SMTP URL for the whole process: nodemailer keeps no pool by default, but
// building a transport parses the URL and sets up TLS options, and tests build several apps.
const transports = new Map<string, Transporter>();

/**
 * The process's mail transport for `config`, created on first use; `null` without `SMTP_URL`
 * (then nothing is emailed, notifications stay in-app only).
 */
export function mailerFor(config: Config): Mailer | null {
  if (!config.smtpUrl) return null;
  let transport = transports.get(config.smtpUrl);
  if (!transport) {
    // Short timeouts (nodemailer waits 2 minutes to connect by default): the mail job holds its
    // claimed rows while it sends, and a dead server should fail fast and be retried next run.
    // Options in the URL's query string (e.g. `?tls.rejectUnauthorized=false`) still win.
    transport = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(config.smtpUrl, transport);
  }
  return { transport, from: config.mailFrom };
}
