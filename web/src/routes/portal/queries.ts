import { queryOptions } from "@tanstack/react-query";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { ApiError, api, type ProblemBody, unwrap } from "../../api/client";

/** Query keys of the partner portal, so mutations invalidate exactly what they touched. */
export const portalKeys = {
  all: ["portal"] as const,
  overview: ["portal", "overview"] as const,
  list: ["portal", "assessments"] as const,
  detail: (id: string) => ["portal", "assessments", id] as const,
};

const fetchOverview = () => unwrap(api.GET("/api/v1/portal/overview"));
const fetchAssessments = () => unwrap(api.GET("/api/v1/portal/assessments"));
const fetchAssessment = (id: string) =>
  unwrap(api.GET("/api/v1/portal/assessments/{id}", { params: { path: { id } } }));

/** Who the portal user answers for: their partner, our organization, open and overdue counts. */
export const overviewQuery = queryOptions({
  queryKey: portalKeys.overview,
  queryFn: fetchOverview,
  staleTime: 60_000,
});

/** The partner's questionnaires (every status but draft). */
export const assessmentsQuery = queryOptions({ queryKey: portalKeys.list, queryFn: fetchAssessments });

/** One questionnaire with its questions, the partner's answers, evidence and what blocks submitting. */
export const assessmentQuery = (id: string) =>
  queryOptions({ queryKey: portalKeys.detail(id), queryFn: () => fetchAssessment(id) });

export type PortalOverview = Awaited<ReturnType<typeof fetchOverview>>;
export type PortalAssessmentItem = Awaited<ReturnType<typeof fetchAssessments>>["items"][number];
export type PortalAssessment = Awaited<ReturnType<typeof fetchAssessment>>;
export type PortalQuestion = PortalAssessment["content"]["sections"][number]["questions"][number];
export type EvidenceFile = PortalAssessment["answers"][number]["evidence"][number];
export type SectionProgress = PortalAssessment["sections"][number];
export type MissingAnswer = PortalAssessment["missing"][number];

/** `PUT …/answers`: a partial save of the changed keys (null clears an answer). */
export const saveAnswers = (id: string, answers: Record<string, AnswerValue>) =>
  unwrap(api.PUT("/api/v1/portal/assessments/{id}/answers", { params: { path: { id } }, body: { answers } }));

export type SavedAnswers = Awaited<ReturnType<typeof saveAnswers>>;

/** `POST …/submit`: hands the answers to the reviewer (422 `answers_incomplete` lists what is missing). */
export const submitAssessment = (id: string) =>
  unwrap(api.POST("/api/v1/portal/assessments/{id}/submit", { params: { path: { id } } }));

/** `DELETE …/evidence/:evidenceId`. */
export const deleteEvidence = (id: string, evidenceId: string) =>
  unwrap(
    api.DELETE("/api/v1/portal/assessments/{id}/evidence/{evidenceId}", {
      params: { path: { id, evidenceId } },
    }),
  );

/** Where the browser downloads one evidence file (the server answers as an attachment). */
export const evidenceHref = (id: string, evidenceId: string) =>
  `/api/v1/portal/assessments/${id}/evidence/${evidenceId}`;

/** Where the browser downloads the questionnaire as an XLSX workbook to answer offline. */
export const exportHref = (id: string) => `/api/v1/portal/assessments/${id}/export.xlsx`;

/** The problem body of a failed raw `fetch`, as the typed client would have thrown it. */
async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: Partial<ProblemBody> = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status line below.
  }
  return new ApiError({
    status: response.status,
    code: body.code ?? `http_${response.status}`,
    title: body.title ?? (response.statusText || "Request failed"),
    detail: body.detail,
    requestId: body.requestId,
    errors: body.errors,
  });
}

/** `fetch`, turning a network failure or a non-2xx answer into an `ApiError` like `unwrap` does. */
async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch (e) {
    throw new ApiError({
      status: 0,
      code: "network_error",
      title: "Cannot reach the server",
      detail: e instanceof Error ? e.message : "Check your connection and try again",
    });
  }
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}

/**
 * `POST …/evidence` as multipart. Sent with `fetch` rather than the typed client because the
 * server reads the fields as a stream: `questionKey` must come BEFORE the file, which only a
 * hand-built FormData guarantees.
 */
export async function uploadEvidence(id: string, questionKey: string, file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append("questionKey", questionKey);
  form.append("file", file, file.name);
  const response = await send(`/api/v1/portal/assessments/${id}/evidence`, { method: "POST", body: form });
  return (await response.json()) as EvidenceFile;
}

/** What an XLSX import did (or, in a dry run, would do). */
export interface ImportAnswersResult {
  dryRun: boolean;
  updated: number;
  unchanged: number;
  cleared: number;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * `POST …/import?dryRun=` with the workbook as the raw body. All or nothing: a 422
 * `import_rejected` carries one error per bad row, which `ImportErrorsAlert` shows.
 */
export async function importAnswers(id: string, file: File, dryRun: boolean): Promise<ImportAnswersResult> {
  const response = await send(`/api/v1/portal/assessments/${id}/import?dryRun=${dryRun}`, {
    method: "POST",
    headers: { "content-type": XLSX },
    body: await file.arrayBuffer(),
  });
  return (await response.json()) as ImportAnswersResult;
}
