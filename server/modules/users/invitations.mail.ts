import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Invitation } from "../../../domain/invitations.js";
import { digest } from "../../platform/auth/tokens.js";
import type { AppContext } from "../../platform/context.js";
import { mailerFor } from "../../platform/mail/mailer.js";
import { userInvitations } from "../assessments/assessments.tables.js";
import { organizations } from "../organizations/organizations.tables.js";
import { partners } from "../partners/partners.tables.js";
import { acceptUrl } from "./invitations.present.js";
import { users } from "./users.tables.js";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** The words of an invitation email: plain text and the same in simple HTML. */
export function composeInvitationEmail(m: {
  organization: string;
  partner: string;
  name: string;
  inviter: string | null;
  url: string;
  expiresAt: Date;
}): { subject: string; text: string; html: string } {
  const expires = m.expiresAt.toUTCString().replace(/:\d\d GMT$/, " UTC");
  const who = m.inviter ? `${m.inviter} of ${m.organization}` : m.organization;
  const lines = [
    `Hello ${m.name},`,
    `${who} invites you to answer questionnaires in Outsight on behalf of ${m.partner}.`,
    `Open this link to choose your password and sign in (it works once, until ${expires}):`,
  ];
  const text = [...lines, m.url, "--", "If you did not expect this invitation, ignore this email."].join(
    "\n\n",
  );
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(m.url)}">${escapeHtml(m.url)}</a></p>`,
    `<hr><p style="color:#666;font-size:12px">If you did not expect this invitation, ignore this email.</p>`,
  ].join("\n");
  return { subject: `${m.organization} invites you to answer in Outsight`, text, html };
}

/** What became of one invitation's email. */
export interface InvitationEmailResult {
  invitationId: string;
  emailStatus: Invitation["emailStatus"];
}

const inviter = alias(users, "inviter");

/** Where failures are logged: a request's pino logger (`req.log`), or the console from jobs. */
export interface MailLog {
  warn(obj: unknown, msg?: string): void;
}

/**
 * Mails invitations after their transaction committed (a rolled-back invitation must never be
 * mailed) and records how each fared: `sent`, or `failed` (logged; the admin sees it and can pass
 * the link on or resend). Never throws: the invitation exists whatever the mail server says.
 * Without SMTP nothing is sent and the status stays `not_configured`. A token that no longer
 * matches (re-issued meanwhile) is skipped: that link is dead and the newer one gets its own mail.
 */
export async function sendInvitationEmails(
  ctx: AppContext,
  items: { invitationId: string; token: string }[],
  log: MailLog = console,
): Promise<InvitationEmailResult[]> {
  const mailer = mailerFor(ctx.config);
  if (!mailer || items.length === 0)
    return items.map((i) => ({ invitationId: i.invitationId, emailStatus: "not_configured" as const }));
  const { db } = ctx.database;
  const rows = await db
    .select({
      row: userInvitations,
      partner: partners.name,
      organization: organizations.name,
      inviter: inviter.name,
    })
    .from(userInvitations)
    .innerJoin(partners, eq(partners.id, userInvitations.partnerId))
    .innerJoin(organizations, eq(organizations.id, userInvitations.orgId))
    .leftJoin(inviter, eq(inviter.id, userInvitations.invitedBy))
    .where(
      inArray(
        userInvitations.id,
        items.map((i) => i.invitationId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  const results: InvitationEmailResult[] = [];
  for (const item of items) {
    const r = byId.get(item.invitationId);
    if (!r || r.row.tokenHash !== digest(item.token)) continue;
    let status: "sent" | "failed" = "sent";
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: { name: r.row.name, address: r.row.email },
        ...composeInvitationEmail({
          organization: r.organization,
          partner: r.partner,
          name: r.row.name,
          inviter: r.inviter,
          url: acceptUrl(ctx.config.publicUrl, item.token),
          expiresAt: r.row.expiresAt,
        }),
      });
    } catch (e) {
      status = "failed";
      log.warn({ err: e, invitationId: r.row.id }, "invitation email failed");
    }
    try {
      await db
        .update(userInvitations)
        .set({ emailStatus: status, updatedAt: new Date() })
        .where(eq(userInvitations.id, r.row.id));
    } catch (e) {
      log.warn({ err: e, invitationId: r.row.id }, "could not record the invitation email status");
    }
    results.push({ invitationId: r.row.id, emailStatus: status });
  }
  return results;
}
