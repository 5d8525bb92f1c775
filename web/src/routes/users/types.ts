import type { paths } from "../../api/schema";

/** API aliases of the users and invitations pages, derived from the generated OpenAPI types. */

type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;

/** One invitation as listed (`GET /api/v1/invitations`). */
export type Invitation = Json<paths["/api/v1/invitations"]["get"]["responses"][200]>["items"][number];
/** A created or re-sent invitation: the listed fields plus the accept link, shown once. */
export type CreatedInvitation = Json<paths["/api/v1/invitations"]["post"]["responses"][201]>;
/** The body of `POST /api/v1/invitations`. */
export type CreateInvitationBody = Json<NonNullable<paths["/api/v1/invitations"]["post"]["requestBody"]>>;
/** What an invitation link is for (public preview). */
export type InvitationPreview = Json<paths["/api/v1/invitations/accept/{token}"]["get"]["responses"][200]>;
/** Derived status of an invitation. */
export type InvitationStatus = Invitation["status"];
