import { writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** Helpers shared by the notifications' integration tests (not loaded by the app). */

/** One message the SMTP sink accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message with quoted-printable soft line breaks and escapes undone. */
  text: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives, or refuses recipients. */
export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** While true every recipient is refused (550), as a misconfigured relay would. */
  rejecting: boolean;
  close(): Promise<void>;
}

/** Undoes quoted-printable (enough to search the message for a subject, link or text). */
const unQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));

/**
 * Starts an SMTP sink on a free port (no TLS, no authentication, as a local relay). With `dir`, each
 * message is also written there as `<n>.eml` (the e2e tests read mail from another process).
 */
export async function startSmtpSink(opts: { dir?: string } = {}): Promise<SmtpSink> {
  const sink = { received: [] as ReceivedMail[], rejecting: false } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    // Offering STARTTLS with its self-signed certificate would make nodemailer refuse the server.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!sink.rejecting) return callback();
      const err = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          text: unQuotedPrintable(Buffer.concat(chunks).toString("utf8")),
        };
        sink.received.push(mail);
        if (opts.dir)
          writeFileSync(
            path.join(opts.dir, `${sink.received.length}.eml`),
            `To: ${mail.to.join(", ")}\n${mail.text}`,
          );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** One request a webhook receiver got. */
export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1 answering `status` (changeable) to every POST. */
export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  status: number;
  close(): Promise<void>;
}

/** Starts a webhook receiver on a free port. */
export async function startReceiver(status = 204): Promise<WebhookReceiver> {
  const receiver = { calls: [] as ReceivedCall[], status } as WebhookReceiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      receiver.calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = receiver.status;
      res.end(receiver.status >= 400 ? "receiver broke" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
