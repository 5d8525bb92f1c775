import { sql } from "drizzle-orm";
import type { AppContext } from "../../platform/context.js";
import { mailerFor } from "../../platform/mail/mailer.js";
import { notificationEvents, notifications } from "./notifications.tables.js";

/** Sending attempts before an email is given up (`failed`). */
export const EMAIL_MAX_ATTEMPTS = 5;

/** Where people change which emails they get (named in every email's footer). */
export const PREFERENCES_PATH = "/account/notifications";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** The words of one notification email: plain text and a simple HTML version of the same. */
export function composeEmail(
  publicUrl: string,
  e: { title: string; body: string; link: string | null },
): { subject: string; text: string; html: string } {
  const url = e.link ? `${publicUrl}${e.link}` : null;
  const prefs = `${publicUrl}${PREFERENCES_PATH}`;
  const footer = `You get this email because of your Outsight notification preferences. Change them at ${prefs}`;
  const text = [e.body, url ? `Open in Outsight: ${url}` : null, "--", footer].filter(Boolean).join("\n\n");
  const html = [
    `<p>${escapeHtml(e.body).replace(/\n/g, "<br>")}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">Open in Outsight</a></p>` : "",
    `<hr><p style="color:#666;font-size:12px">You get this email because of your Outsight notification preferences. <a href="${escapeHtml(prefs)}">Change them</a>.</p>`,
  ].join("\n");
  return { subject: e.title, text, html };
}

/** What one run did. */
export interface EmailRunResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

interface Pending extends Record<string, unknown> {
  id: string;
  attempts: number;
  email: string;
  name: string;
  active: boolean;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Sends pending notification emails, oldest first, at most `limit` a run. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` inside one transaction held while sending, so several instances never
 * send the same email (a crash mid-run rolls the batch back and may resend a few, once). A failure
 * counts an attempt and keeps the email pending for the next run, until `EMAIL_MAX_ATTEMPTS`,
 * then `failed` with the error.
 *
 * Without `SMTP_URL` nothing is sent: what is pending is set to `none` rather than kept, so
 * configuring SMTP later does not mail people a backlog of stale reminders. Emails of users
 * deactivated since are dropped the same way.
 */
export async function deliverPendingEmails(
  ctx: AppContext,
  opts: { limit: number },
): Promise<EmailRunResult> {
  const mailer = mailerFor(ctx.config);
  const result: EmailRunResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  await ctx.database.db.transaction(async (tx) => {
    const { rows } = await tx.execute<Pending>(sql`
      SELECT n.id, n.email_attempts AS attempts, u.email, u.name, u.active, e.title, e.body, e.link
        FROM ${notifications} n
        JOIN users u ON u.id = n.user_id
        JOIN ${notificationEvents} e ON e.id = n.event_id
       WHERE n.email_status = 'pending'
       ORDER BY n.created_at, n.id
       LIMIT ${opts.limit}
       FOR UPDATE OF n SKIP LOCKED`);
    for (const n of rows) {
      if (!mailer || !n.active) {
        await tx.execute(sql`UPDATE ${notifications} SET email_status = 'none' WHERE id = ${n.id}`);
        result.skipped += 1;
        continue;
      }
      try {
        await mailer.transport.sendMail({
          from: mailer.from,
          to: { name: n.name, address: n.email },
          ...composeEmail(ctx.config.publicUrl, n),
        });
        await tx.execute(sql`
          UPDATE ${notifications}
             SET email_status = 'sent', email_sent_at = now(), email_attempts = email_attempts + 1,
                 email_error = NULL
           WHERE id = ${n.id}`);
        result.sent += 1;
      } catch (e) {
        const attempts = n.attempts + 1;
        const status = attempts >= EMAIL_MAX_ATTEMPTS ? "failed" : "pending";
        await tx.execute(sql`
          UPDATE ${notifications}
             SET email_status = ${status}, email_attempts = ${attempts},
                 email_error = ${String((e as Error).message ?? e).slice(0, 500)}
           WHERE id = ${n.id}`);
        result[status === "failed" ? "failed" : "retrying"] += 1;
      }
    }
  });
  return result;
}
