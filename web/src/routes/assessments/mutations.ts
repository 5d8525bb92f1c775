import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CompleteAssessment,
  CreateAssessment,
  RequestClarification,
  ReviewAnswer,
  RiskFromAnswer,
} from "../../../../domain/assessments";
import { api, unwrap } from "../../api/client";
import { notifyError, notifySuccess } from "../../lib/notify";
import { assessmentKeys } from "./queries";
import type { Assessment } from "./types";

/** One status move: refreshes the assessment, the board and the counts when it succeeds. */
function useMove<B>(call: (body: B) => Promise<unknown>, done: string, notifyFailure = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      notifySuccess(done);
      // A status change moves a card on the board and changes the header's counts.
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
    onError: notifyFailure ? (e) => notifyError(e, "Could not do that") : undefined,
  });
}

/**
 * The status moves of one assessment. A refused move (409 wrong status, 403) of "Send" shows as a
 * notification; the others run from a modal that shows the problem inline, next to the fields.
 */
export function useAssessmentMutations(id: string) {
  const path = { params: { path: { id } } };
  return {
    send: useMove(
      (_: undefined) => unwrap(api.POST("/api/v1/assessments/{id}/send", path)),
      "Assessment sent: the recipients are invited",
      true,
    ),
    cancel: useMove(
      (body: { reason: string }) => unwrap(api.POST("/api/v1/assessments/{id}/cancel", { ...path, body })),
      "Assessment cancelled",
    ),
    clarify: useMove(
      (body: RequestClarification) =>
        unwrap(api.POST("/api/v1/assessments/{id}/clarification", { ...path, body })),
      "Sent back to the partner for clarification",
    ),
    complete: useMove(
      (body: CompleteAssessment) => unwrap(api.POST("/api/v1/assessments/{id}/complete", { ...path, body })),
      "Assessment completed",
    ),
  };
}

/**
 * Saves a reviewer's decision and comment on one answer. The saved answer is written into the
 * cached assessment at once (no refetch flicker while typing); the score and counts refresh after.
 */
export function useReviewAnswer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, body }: { questionKey: string; body: ReviewAnswer }) =>
      unwrap(
        api.PUT("/api/v1/assessments/{id}/answers/{questionKey}/review", {
          params: { path: { id, questionKey } },
          body,
        }),
      ),
    onSuccess: (_saved, { questionKey, body }) => {
      queryClient.setQueryData<Assessment>(assessmentKeys.detail(id), (a) =>
        a
          ? {
              ...a,
              answers: a.answers.map((x) =>
                x.questionKey === questionKey
                  ? { ...x, decision: body.decision, comment: body.comment ?? null }
                  : x,
              ),
            }
          : a,
      );
      // The status may have moved to under_review on the first decision.
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
    onError: (e) => notifyError(e, "Could not save the review"),
  });
}

/** Raises a risk from a flagged answer (once: a second call returns the same risk). */
export function useRiskFromAnswer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionKey, body }: { questionKey: string; body: RiskFromAnswer }) =>
      unwrap(
        api.POST("/api/v1/assessments/{id}/answers/{questionKey}/risk", {
          params: { path: { id, questionKey } },
          body,
        }),
      ),
    onSuccess: (r) => {
      notifySuccess(r.created ? "Risk created" : "This answer already has a risk");
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ["risks"] });
    },
    onError: (e) => notifyError(e, "Could not create the risk"),
  });
}

/** Creates a draft assessment; the caller decides whether to send it at once. */
export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessment) => unwrap(api.POST("/api/v1/assessments", { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}
