import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { type AssessmentsSearch, toListQuery } from "./search";
import type { Assessment, AssessmentListItem, AssessmentSummary } from "./types";

/** Query keys of the assessment area, so mutations can invalidate exactly what they touched. */
export const assessmentKeys = {
  all: ["assessments"] as const,
  list: (query: object, pageSize: number) => ["assessments", "list", query, pageSize] as const,
  summary: ["assessments", "summary"] as const,
  detail: (id: string) => ["assessments", "detail", id] as const,
};

/** Page size of the board and the table: a board of a few hundred cards stays readable. */
export const PAGE_SIZE = 50;

type ListQuery = ReturnType<typeof toListQuery>;

const fetchPage = (query: ListQuery, limit: number, cursor: string | undefined) =>
  unwrap(api.GET("/api/v1/assessments", { params: { query: { ...query, limit, cursor } } })) as Promise<{
    items: AssessmentListItem[];
    nextCursor: string | null;
  }>;

/**
 * The assessments matching the filters, a page at a time ("Load more"). The board asks for every
 * status but cancelled; the table for what the filters say.
 */
export const assessmentListQuery = (search: AssessmentsSearch, forBoard: boolean, pageSize = PAGE_SIZE) => {
  const query = toListQuery(search, forBoard);
  return infiniteQueryOptions({
    queryKey: assessmentKeys.list(query, pageSize),
    queryFn: ({ pageParam }) => fetchPage(query, pageSize, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the old cards on screen while a new filter loads, so the board does not flash empty.
    placeholderData: keepPreviousData,
  });
};

/** Counts per status and overdue, for the page header. */
export const summaryQuery = queryOptions({
  queryKey: assessmentKeys.summary,
  queryFn: () => unwrap(api.GET("/api/v1/assessments/summary")) as Promise<AssessmentSummary>,
});

/** One assessment with its questions, answers, review, recipients and computed score. */
export const assessmentQuery = (id: string) =>
  queryOptions({
    queryKey: assessmentKeys.detail(id),
    queryFn: () =>
      unwrap(api.GET("/api/v1/assessments/{id}", { params: { path: { id } } })) as Promise<Assessment>,
  });

/** The download address of an evidence file (the browser follows it with the session cookie). */
export const evidenceHref = (assessmentId: string, evidenceId: string) =>
  `/api/v1/assessments/${assessmentId}/evidence/${evidenceId}`;

/** The download address of the questionnaire as an XLSX workbook, for answering offline. */
export const exportHref = (assessmentId: string) => `/api/v1/assessments/${assessmentId}/export.xlsx`;
