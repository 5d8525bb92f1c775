import { Box, Grid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { allQuestions, isAnswered, visibleQuestions } from "../../../../domain/questionnaire-answers";
import type { AnswerValue } from "../../../../domain/questionnaires";
import { isApiError } from "../../api/client";
import { notifyError } from "../../lib/notify";
import { FormHeader } from "./FormHeader";
import { QuestionCard } from "./QuestionCard";
import {
  type EvidenceFile,
  overviewQuery,
  type PortalAssessment,
  portalKeys,
  type SavedAnswers,
  submitAssessment,
} from "./queries";
import { SectionNav, type SectionStat, SectionStrip, scrollToId } from "./SectionNav";
import { StatusBanners } from "./StatusBanners";
import { type MissingItem, SubmitPanel, type SubmitStage } from "./SubmitPanel";
import { answerKeyOf, useAutosave } from "./useAutosave";

/**
 * The answering form: section list on the left, the visible questions on the right, autosave,
 * evidence, and the submit flow. Visibility and per-section progress are computed here from the
 * local answers (the same `visibleQuestions` rule as the server) so a conditional question
 * appears the moment the partner picks the answer that opens it, not after the save returns.
 */
export function AssessmentForm({
  assessment: a,
  reload,
}: {
  assessment: PortalAssessment;
  reload: () => void;
}) {
  const queryClient = useQueryClient();
  const overview = useQuery(overviewQuery);
  const organization = overview.data?.organization.name ?? "The reviewer";
  const detailKey = portalKeys.detail(a.id);
  const editable = a.editable;
  const questions = useMemo(() => new Map(allQuestions(a.content).map((q) => [q.key, q])), [a.content]);

  // Local answers start from the server's once; afterwards the form is the source of truth.
  const [initial] = useState(() => Object.fromEntries(a.answers.map((x) => [x.questionKey, x.value])));
  const onSaved = (r: SavedAnswers) => {
    queryClient.setQueryData(detailKey, (old) =>
      old
        ? { ...old, status: r.status, progress: r.progress, sections: r.sections, missing: r.missing }
        : old,
    );
    void queryClient.invalidateQueries({ queryKey: portalKeys.list });
  };
  const autosave = useAutosave(a.id, initial, { onSaved, onConflict: reload });

  // A file question's answer is its newest upload, which only the server knows.
  const evidence = useMemo(() => {
    const byKey = new Map<string, EvidenceFile[]>();
    for (const x of a.answers) if (x.evidence.length) byKey.set(x.questionKey, x.evidence);
    return byKey;
  }, [a.answers]);
  const answers = useMemo(() => {
    const merged: Record<string, AnswerValue | undefined> = { ...autosave.answers };
    for (const q of questions.values())
      if (q.type === "file") merged[q.key] = a.answers.find((x) => x.questionKey === q.key)?.value;
    return merged;
  }, [autosave.answers, a.answers, questions]);
  const visible = useMemo(() => visibleQuestions(a.content, answers), [a.content, answers]);
  const stats: SectionStat[] = a.content.sections.map((s) => {
    const shown = s.questions.filter((q) => visible.has(q.key));
    return {
      key: s.key,
      title: s.title,
      visible: shown.length,
      answered: shown.filter((q) => isAnswered(answers[q.key])).length,
    };
  });
  const total = stats.reduce(
    (t, s) => ({ answered: t.answered + s.answered, visible: t.visible + s.visible }),
    {
      answered: 0,
      visible: 0,
    },
  );

  const [focused, setFocused] = useState<string | null>(null);
  const focusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const jump = (key: string) => {
    scrollToId(`q-${key}`);
    setFocused(key);
    clearTimeout(focusTimer.current);
    focusTimer.current = setTimeout(() => setFocused(null), 2500);
  };

  const flagged = new Set(
    a.status === "clarification_requested" ? (a.clarification?.questionKeys ?? []) : [],
  );
  const textOf = (key: string) => questions.get(key)?.text ?? key;
  // "An answer is required" reads oddly under an upload button: say what to do instead.
  const reword = (m: { questionKey: string; message: string }) =>
    questions.get(m.questionKey)?.type === "file" && m.message === "An answer is required"
      ? "Upload a file to answer this question"
      : m.message;
  const missing: MissingItem[] = a.missing.map((m) => ({
    ...m,
    message: reword(m),
    text: textOf(m.questionKey),
  }));
  const [attempted, setAttempted] = useState(false);
  const [stage, setStage] = useState<SubmitStage>("closed");
  const [preparing, setPreparing] = useState(false);
  const missingByKey = new Map(missing.map((m) => [m.questionKey, m.message]));
  const errorOf = (key: string) => autosave.errors[key] ?? (attempted ? missingByKey.get(key) : undefined);

  const requestSubmit = async () => {
    setPreparing(true);
    const saved = await autosave.flush();
    setPreparing(false);
    if (!saved) return notifyError(new Error("Your latest answers are not saved yet: retry saving first."));
    const latest = queryClient.getQueryData<PortalAssessment>(detailKey)?.missing ?? a.missing;
    setAttempted(latest.length > 0);
    setStage(latest.length > 0 ? "missing" : "confirm");
  };
  const submit = useMutation({
    mutationFn: () => submitAssessment(a.id),
    onSuccess: (result) => {
      queryClient.setQueryData(detailKey, result);
      void queryClient.invalidateQueries({ queryKey: portalKeys.list });
      void queryClient.invalidateQueries({ queryKey: portalKeys.overview });
      setStage("closed");
      window.scrollTo({ top: 0, behavior: "smooth" });
    },
    onError: (e) => {
      if (isApiError(e, 422)) {
        // The server found something missing the form did not know of yet (e.g. evidence).
        const keys = e.errors.map((x) => answerKeyOf(x.path)).filter(Boolean);
        setAttempted(true);
        void queryClient.invalidateQueries({ queryKey: detailKey });
        setStage(keys.length > 0 ? "missing" : "closed");
        if (keys.length === 0) notifyError(e, "Could not submit");
      } else if (isApiError(e, 409)) {
        setStage("closed");
        notifyError(e, "Could not submit");
        reload();
      } else notifyError(e, "Could not submit");
    },
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
        <Box style={{ position: "sticky", top: 76 }}>
          <SectionNav sections={stats} />
        </Box>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md">
          <FormHeader
            assessment={a}
            progress={total}
            autosave={autosave}
            beforeImport={autosave.flush}
            onImported={async () => reload()}
          />
          <StatusBanners assessment={a} organization={organization} questionText={textOf} onJump={jump} />
          <Box hiddenFrom="md">
            <SectionStrip sections={stats} />
          </Box>
          {a.content.description && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {a.content.description}
            </Text>
          )}
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="xl">
              {a.content.sections.map((section) => {
                const shown = section.questions.filter((q) => visible.has(q.key));
                return (
                  <Stack
                    key={section.key}
                    gap="sm"
                    id={`section-${section.key}`}
                    style={{ scrollMarginTop: 76 }}
                  >
                    <div>
                      <Title order={3} size="h4">
                        {section.title}
                      </Title>
                      {section.description && (
                        <Text size="sm" c="dimmed">
                          {section.description}
                        </Text>
                      )}
                    </div>
                    {shown.length === 0 && (
                      <Text size="sm" c="dimmed">
                        No question of this section applies with your answers so far.
                      </Text>
                    )}
                    {shown.map((q) => (
                      <QuestionCard
                        key={q.key}
                        assessmentId={a.id}
                        question={q}
                        value={answers[q.key]}
                        onChange={(v) => autosave.setAnswer(q.key, v)}
                        error={errorOf(q.key)}
                        files={evidence.get(q.key) ?? []}
                        editable={editable}
                        flagged={flagged.has(q.key)}
                        focused={focused === q.key}
                        onEvidenceChanged={() => queryClient.invalidateQueries({ queryKey: detailKey })}
                      />
                    ))}
                  </Stack>
                );
              })}
            </Stack>
          </fieldset>
          {editable && (
            <SubmitPanel
              missing={missing}
              stage={stage}
              setStage={setStage}
              onRequest={() => void requestSubmit()}
              onSubmit={() => submit.mutate()}
              onJump={jump}
              submitting={preparing || submit.isPending}
              organization={organization}
            />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
