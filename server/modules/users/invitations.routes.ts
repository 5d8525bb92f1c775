import type { FastifyInstance } from "fastify";
import { Me } from "../../../domain/auth.js";
import { IdParams, page } from "../../../domain/common.js";
import {
  AcceptInvitation,
  CreatedInvitation,
  CreateInvitation,
  Invitation,
  InvitationPreview,
  InvitationTokenParams,
  ListInvitationsQuery,
} from "../../../domain/invitations.js";
import type { Role } from "../../../domain/roles.js";
import { authorize, guard } from "../../platform/access.js";
import type { AppContext } from "../../platform/context.js";
import { NoContent, problems, typed } from "../../platform/http/typed.js";
import { invitationPolicy } from "../assessments/assessments.policy.js";
import { setSessionCookie } from "../auth/auth.routes.js";
import { allAbilities } from "../policies.js";
import { createInvitationAcceptance } from "./invitations.accept.js";
import { createInvitationAdmin } from "./invitations.manage.js";

/** Partner-user invitations: `/api/v1/invitations…` (admins) and the public accept endpoints. */
export function invitationRoutes(ctx: AppContext) {
  const admin = createInvitationAdmin(ctx);
  const acceptance = createInvitationAcceptance(ctx);
  return async (base: FastifyInstance) => {
    const app = typed(base);
    const tags = ["invitations"];

    app.get(
      "/api/v1/invitations",
      {
        preValidation: guard(invitationPolicy.read),
        schema: {
          tags,
          summary: "Invitations of partner users, newest first",
          querystring: ListInvitationsQuery,
          response: { 200: page(Invitation), ...problems(400, 401, 403) },
        },
      },
      async (req) => admin.list(authorize(req.actor, invitationPolicy.read), req.query),
    );

    app.post(
      "/api/v1/invitations",
      {
        preValidation: guard(invitationPolicy.create),
        schema: {
          tags,
          summary: "Invite a partner user (mails the link; the link is also answered once)",
          body: CreateInvitation,
          response: { 201: CreatedInvitation, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const created = await admin.create(authorize(req.actor, invitationPolicy.create), req.body, req.log);
        return reply.code(201).send(created);
      },
    );

    app.post(
      "/api/v1/invitations/:id/resend",
      {
        preValidation: guard(invitationPolicy.create),
        schema: {
          tags,
          summary: "Issue and mail a new link (the old one stops working)",
          params: IdParams,
          response: { 201: CreatedInvitation, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const actor = authorize(req.actor, invitationPolicy.create);
        return reply.code(201).send(await admin.resend(actor, req.params.id, req.log));
      },
    );

    app.delete(
      "/api/v1/invitations/:id",
      {
        preValidation: guard(invitationPolicy.revoke),
        schema: {
          tags,
          summary: "Revoke an invitation",
          params: IdParams,
          response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await admin.revoke(authorize(req.actor, invitationPolicy.revoke), req.params.id);
        return reply.code(204).send(null);
      },
    );

    // Public: the token is the credential. Only its hash is stored and it carries 256 random bits,
    // so guessing is hopeless; unknown, used and revoked links all answer the same 404.
    app.get(
      "/api/v1/invitations/accept/:token",
      {
        schema: {
          tags,
          summary: "What an invitation link is for (public)",
          params: InvitationTokenParams,
          response: { 200: InvitationPreview, ...problems(400, 404, 410) },
        },
      },
      async (req) => acceptance.preview(req.params.token),
    );

    app.post(
      "/api/v1/invitations/accept/:token",
      {
        schema: {
          tags,
          summary: "Accept an invitation: set a password, create the portal user and sign in (public)",
          params: InvitationTokenParams,
          body: AcceptInvitation,
          response: { 200: Me, ...problems(400, 404, 409, 410, 422) },
        },
      },
      async (req, reply) => {
        const { user, org, session } = await acceptance.accept(req.params.token, req.body, {
          ip: req.ip,
          userAgent: req.headers["user-agent"],
          requestId: req.id,
        });
        setSessionCookie(ctx, req, reply, session);
        const role = user.role as Role;
        return {
          user: { id: user.id, name: user.name, email: user.email, role, partnerId: user.partnerId },
          organization: { id: org.id, name: org.name, createdAt: org.createdAt.toISOString() },
          via: "session" as const,
          limits: { documentMaxBytes: ctx.config.documentMaxBytes },
          abilities: allAbilities({
            kind: "user",
            orgId: org.id,
            userId: user.id,
            name: user.name,
            email: user.email,
            role,
            partnerId: user.partnerId,
            sessionId: null,
            tokenId: null,
            requestId: req.id,
            ip: req.ip,
          }),
        };
      },
    );
  };
}
