import type { paths } from "./schema";

/** The JSON body of a successful response of `P`/`M`, derived from the generated OpenAPI types. */
type Ok<
  P extends keyof paths,
  M extends "get" | "post" | "patch",
  S extends number = 200,
> = paths[P][M] extends {
  responses: { [K in S]: { content: { "application/json": infer B } } };
}
  ? B
  : never;

/** The JSON request body of `P`/`M`. */
type Body<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

export type Me = Ok<"/api/v1/me", "get">;
export type PartnerListItem = Ok<"/api/v1/partners", "get">["items"][number];
export type Partner = Ok<"/api/v1/partners/{id}", "get">;
export type PartnerStats = Ok<"/api/v1/partners/stats", "get">;
export type PartnerStatus = Partner["status"];
export type PartnerCategory = Partner["category"];
export type CreatePartnerBody = Body<"/api/v1/partners", "post">;
export type UpdatePartnerBody = Body<"/api/v1/partners/{id}", "patch">;
export type Site = Ok<"/api/v1/partners/{id}/sites", "get">["items"][number];
export type Service = Ok<"/api/v1/partners/{id}/services", "get">["items"][number];
export type Contact = Ok<"/api/v1/partners/{id}/contacts", "get">["items"][number];
export type Subcontractor = Ok<"/api/v1/partners/{id}/subcontractors", "get">["items"][number];
export type User = Ok<"/api/v1/users", "get">["items"][number];
export type ApiToken = Ok<"/api/v1/api-tokens", "get">["items"][number];
export type CreatedApiToken = Ok<"/api/v1/api-tokens", "post", 201>;
export type AuditEvent = Ok<"/api/v1/audit-events", "get">["items"][number];
export type AuditQuery = NonNullable<paths["/api/v1/audit-events"]["get"]["parameters"]["query"]>;
export type PartnerQuery = NonNullable<paths["/api/v1/partners"]["get"]["parameters"]["query"]>;
export type PartnerSort = NonNullable<PartnerQuery["sort"]>;

/** The four kinds of partner sub-resources, by URL segment. */
export type PartKind = "sites" | "services" | "contacts" | "subcontractors";
export interface PartOf {
  sites: Site;
  services: Service;
  contacts: Contact;
  subcontractors: Subcontractor;
}
export type CreatePartBody<K extends PartKind> = Body<`/api/v1/partners/{id}/${K}`, "post">;
export type UpdatePartBody<K extends PartKind> = Body<`/api/v1/partners/{id}/${K}/{partId}`, "patch">;
