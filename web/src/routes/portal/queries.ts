import { queryOptions } from "@tanstack/react-query";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { api, sendRaw, unwrap } from "../../api/client";

/** Query keys of the partner portal, so mutations invalidate exactly what they touched. */
export const portalKeys = {
  all: ["portal"] as const,
  overview: ["portal", "overview"] as const,
  list: ["portal", "assessments"] as const,
  detail: (id: string) => ["portal", "assessments", id] as const,
  documents: ["portal", "documents"] as const,
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

const fetchDocuments = () => unwrap(api.GET("/api/v1/portal/documents"));

/** Documents shared with the partner user, with what they may do with each. */
export const sharedDocumentsQuery = queryOptions({ queryKey: portalKeys.documents, queryFn: fetchDocuments });

/**
 * Where the browser opens (`inline`, the browser's viewer) or downloads (`attachment`) a shared
 * document: the server marks each copy for the signed-in user on the way out.
 */
export const documentContentHref = (id: string, disposition: "inline" | "attachment") =>
  `/api/v1/documents/${id}/content?disposition=${disposition}`;

export type PortalOverview = Awaited<ReturnType<typeof fetchOverview>>;
export type PortalAssessmentItem = Awaited<ReturnType<typeof fetchAssessments>>["items"][number];
export type PortalAssessment = Awaited<ReturnType<typeof fetchAssessment>>;
export type PortalQuestion = PortalAssessment["content"]["sections"][number]["questions"][number];
export type EvidenceFile = PortalAssessment["answers"][number]["evidence"][number];
export type SharedDocument = Awaited<ReturnType<typeof fetchDocuments>>["items"][number];
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

/**
 * `POST …/evidence` as multipart. Sent with `fetch` rather than the typed client because the
 * server reads the fields as a stream: `questionKey` must come BEFORE the file, which only a
 * hand-built FormData guarantees.
 */
export async function uploadEvidence(id: string, questionKey: string, file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append("questionKey", questionKey);
  form.append("file", file, file.name);
  const response = await sendRaw(`/api/v1/portal/assessments/${id}/evidence`, { method: "POST", body: form });
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
  const response = await sendRaw(`/api/v1/portal/assessments/${id}/import?dryRun=${dryRun}`, {
    method: "POST",
    headers: { "content-type": XLSX },
    body: await file.arrayBuffer(),
  });
  return (await response.json()) as ImportAnswersResult;
}
