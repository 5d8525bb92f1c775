import { createHash } from "node:crypto";
import { buildOrg, buildPartner, buildUser, call, type Session, type TestEnv } from "../../test/harness.js";

export { auditActions, expectField, MISSING } from "../risks/risks.testkit.js";

/** Helpers shared by the invitations' integration tests (not loaded by the app). */

/** The cast of the invitation tests: one organization's roles, its partner, and another organization. */
export interface InvitationSessions {
  admin: Session;
  vendorManager: Session;
  riskManager: Session;
  viewer: Session;
  /** The admin of another organization, whose ids must answer 404. */
  other: Session;
  partner: { id: string; name: string };
  /** A portal user of `partner`. */
  partnerUser: Session;
}

/** Creates the organizations, partner and signed-in users the invitation tests start from. */
export async function buildInvitationSessions(env: TestEnv): Promise<InvitationSessions> {
  const admin = await buildOrg(env);
  const other = await buildOrg(env);
  const { id, name } = await buildPartner(env, admin);
  const partner = { id, name };
  return {
    admin,
    other,
    partner,
    vendorManager: await buildUser(env, admin.orgId, "vendor_manager"),
    riskManager: await buildUser(env, admin.orgId, "risk_manager"),
    viewer: await buildUser(env, admin.orgId, "viewer"),
    partnerUser: await buildUser(env, admin.orgId, "partner", partner.id),
  };
}

let n = 0;
/** A fresh email address for an invitee. */
export const inviteeEmail = () => `invitee.${Date.now().toString(36)}.${n++}@partner.example.test`;

/** The created invitation as the API answers it. */
export interface CreatedInvitationBody {
  id: string;
  email: string;
  name: string;
  status: string;
  emailStatus: string;
  acceptUrl: string;
  partner: { id: string; name: string };
  contactId: string | null;
  userId: string | null;
  expiresAt: string;
}

/** Invites someone through the API (asserting 201) and returns the body and the link's token. */
export async function invite(
  env: TestEnv,
  s: Session,
  partnerId: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedInvitationBody & { token: string }> {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/invitations",
    payload: { email: inviteeEmail(), name: "Priya Partner", partnerId, ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`invite: ${res.statusCode} ${res.body}`);
  const body = res.json() as CreatedInvitationBody;
  return { ...body, token: tokenOf(body.acceptUrl) };
}

/** The token at the end of an accept link. */
export const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** SHA-256 hex, as the server stores tokens. */
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Moves an invitation's expiry into the past, as if its days had run out. */
export async function expire(env: TestEnv, invitationId: string) {
  await env.ctx.database.pool.query(
    "UPDATE user_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1",
    [invitationId],
  );
}

/** Accepts an invitation through the public API (no session). */
export function accept(env: TestEnv, token: string, payload: Record<string, unknown>) {
  return env.app.inject({ method: "POST", url: `/api/v1/invitations/accept/${token}`, payload });
}

/** The session cookie header an answer set, if any. */
export function cookieOf(res: { cookies: { name: string; value: string }[] }): string | null {
  const c = res.cookies.find((k) => k.name === "outsight_session");
  return c ? `outsight_session=${c.value}` : null;
}
