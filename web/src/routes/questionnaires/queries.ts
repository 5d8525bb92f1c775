import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

/** Query keys of the questionnaire templates, so mutations can invalidate exactly what they touched. */
export const templateKeys = {
  all: ["questionnaire-templates"] as const,
  library: ["questionnaire-templates", "library"] as const,
  page: (archived: boolean, limit: number, cursor: string | undefined) =>
    ["questionnaire-templates", "page", archived, limit, cursor] as const,
  detail: (id: string) => ["questionnaire-templates", "detail", id] as const,
  version: (id: string, version: number) =>
    ["questionnaire-templates", "detail", id, "version", version] as const,
};

const fetchLibrary = () => unwrap(api.GET("/api/v1/questionnaire-templates/library"));

/** The bundled templates an organization can copy; they only change with a release. */
export const libraryQuery = queryOptions({
  queryKey: templateKeys.library,
  queryFn: fetchLibrary,
  staleTime: 10 * 60_000,
});

const fetchPage = (archived: boolean, limit: number, cursor: string | undefined) =>
  unwrap(
    api.GET("/api/v1/questionnaire-templates", {
      params: { query: { archived: archived ? "true" : "false", limit, cursor, sort: "title" } },
    }),
  );

/** One page of the organization's templates, active or archived. */
export const templatePageQuery = (archived: boolean, limit: number, cursor: string | undefined) =>
  queryOptions({
    queryKey: templateKeys.page(archived, limit, cursor),
    queryFn: () => fetchPage(archived, limit, cursor),
    // Keep the old page on screen while the next loads, so the table does not flash empty.
    placeholderData: keepPreviousData,
  });

const fetchTemplate = (id: string) =>
  unwrap(api.GET("/api/v1/questionnaire-templates/{id}", { params: { path: { id } } }));

/** One template with its current content and versions. */
export const templateQuery = (id: string) =>
  queryOptions({ queryKey: templateKeys.detail(id), queryFn: () => fetchTemplate(id) });

/** Copies a bundled template into the organization (a new template at version 1). */
export const addFromLibrary = (libraryKey: LibraryItem["key"]) =>
  unwrap(api.POST("/api/v1/questionnaire-templates", { body: { libraryKey } }));

/** Archives or restores a template; content and versions stay untouched. */
export const setArchived = (id: string, archived: boolean) =>
  unwrap(api.PATCH("/api/v1/questionnaire-templates/{id}", { params: { path: { id } }, body: { archived } }));

/**
 * Saves edited content: the server replaces the current version while no assessment uses it,
 * else stores it as the next version (the returned `currentVersion` tells which).
 */
export const saveContent = (id: string, content: TemplateContent) =>
  unwrap(api.PATCH("/api/v1/questionnaire-templates/{id}", { params: { path: { id } }, body: { content } }));

/** Creates a template of the organization's own from content (version 1). */
export const createTemplate = (content: TemplateContent) =>
  unwrap(api.POST("/api/v1/questionnaire-templates", { body: { content } }));

const fetchVersion = (id: string, version: number) =>
  unwrap(
    api.GET("/api/v1/questionnaire-templates/{id}/versions/{version}", { params: { path: { id, version } } }),
  );

/** One stored version's content; versions never change once in use, so they are cached for long. */
export const versionQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: templateKeys.version(id, version),
    queryFn: () => fetchVersion(id, version),
    staleTime: 5 * 60_000,
  });

export type LibraryItem = Awaited<ReturnType<typeof fetchLibrary>>["items"][number];
export type TemplateListItem = Awaited<ReturnType<typeof fetchPage>>["items"][number];
export type Template = Awaited<ReturnType<typeof fetchTemplate>>;
export type TemplateContent = Template["content"];
export type TemplateSection = TemplateContent["sections"][number];
export type TemplateQuestion = TemplateSection["questions"][number];
export type TemplateVersionSummary = Template["versions"][number];
