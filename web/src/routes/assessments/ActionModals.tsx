import { Alert, Button, Group, Modal, MultiSelect, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconFlag } from "@tabler/icons-react";
import type { UseMutationResult } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  ASSESSMENT_CONCLUSIONS,
  type AssessmentConclusion,
  CancelAssessment,
  CompleteAssessment,
  RequestClarification,
} from "../../../../domain/assessments";
import { allQuestions } from "../../../../domain/questionnaire-answers";
import { FormActions, FormError } from "../../components/FormParts";
import { zodErrors } from "../../lib/forms";
import { useServerErrors } from "../../lib/useServerErrors";
import { CONCLUSION_LABELS, formatScore } from "./labels";
import type { Assessment } from "./types";

// biome-ignore lint/suspicious/noExplicitAny: the modals accept any of the assessment's moves
type Move<B> = UseMutationResult<any, Error, B>;

const CONCLUSION_HELP: Record<AssessmentConclusion, string> = {
  pass: "The partner meets the requirements.",
  pass_with_conditions: "Acceptable once the conditions you list are met.",
  fail: "The partner does not meet the requirements.",
};

/** Resets a modal's form and its mutation each time it opens. */
function useOpenReset(opened: boolean, reset: () => void) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (opened) reset();
  }, [opened]);
}

/** Cancel an open assessment, with the reason kept in its history. */
export function CancelModal(props: { opened: boolean; onClose: () => void; move: Move<{ reason: string }> }) {
  const form = useForm({
    initialValues: { reason: "" },
    validate: (v) => zodErrors(CancelAssessment, { reason: v.reason.trim() }),
  });
  useOpenReset(props.opened, () => {
    form.reset();
    props.move.reset();
  });
  useServerErrors(form, props.move.error);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Cancel the assessment?</Text>}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          props.move.mutate({ reason: v.reason.trim() }, { onSuccess: props.onClose }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">
            The partner can no longer answer and the assessment leaves the board. This cannot be undone.
          </Text>
          <FormError error={props.move.error} />
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={2}
            data-autofocus
            placeholder="Sent to the wrong contact; the partner is no longer considered…"
            {...form.getInputProps("reason")}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red" loading={props.move.isPending}>
              Cancel assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Send the assessment back to the partner with a message and the questions to look at again. */
export function ClarifyModal(props: {
  opened: boolean;
  onClose: () => void;
  assessment: Assessment;
  move: Move<RequestClarification>;
}) {
  const a = props.assessment;
  const visible = new Set(a.answers.filter((x) => x.visible).map((x) => x.questionKey));
  const options = allQuestions(a.content)
    .filter((q) => visible.has(q.key) || !a.answers.some((x) => x.questionKey === q.key))
    .map((q) => ({ value: q.key, label: q.text }));
  const flagged = a.answers.filter((x) => x.decision === "flagged").map((x) => x.questionKey);
  const form = useForm({
    initialValues: { message: "", questionKeys: [] as string[] },
    validate: (v) => zodErrors(RequestClarification, { ...v, message: v.message.trim() }),
  });
  useOpenReset(props.opened, () => {
    // The flagged answers are usually what needs clarifying: start from them.
    form.setValues({ message: "", questionKeys: flagged });
    form.clearErrors();
    props.move.reset();
  });
  useServerErrors(form, props.move.error, (p) => (p.startsWith("questionKeys") ? "questionKeys" : p));
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>Request clarification</Text>}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          props.move.mutate(
            { message: v.message.trim(), questionKeys: v.questionKeys },
            { onSuccess: props.onClose },
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The partner's recipients are told what to look at; they can change their answers and submit again.
          </Text>
          <FormError error={props.move.error} />
          <Textarea
            label="Message to the partner"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            placeholder="Please attach your current ISO 27001 certificate and explain…"
            {...form.getInputProps("message")}
          />
          <MultiSelect
            label="Questions to look at again"
            description={flagged.length ? "The flagged answers are preselected." : undefined}
            placeholder="Pick questions"
            searchable
            clearable
            data={options}
            maxDropdownHeight={260}
            {...form.getInputProps("questionKeys")}
          />
          <FormActions onCancel={props.onClose} pending={props.move.isPending} color="orange">
            Send back to partner
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** Conclude the assessment: pass, pass with conditions or fail (the last two need a note). */
export function CompleteModal(props: {
  opened: boolean;
  onClose: () => void;
  assessment: Assessment;
  move: Move<CompleteAssessment>;
}) {
  const a = props.assessment;
  const flagged = a.answers.filter((x) => x.decision === "flagged").length;
  const undecided = a.answers.filter((x) => x.visible && x.decision === null).length;
  const form = useForm({
    initialValues: { conclusion: "" as AssessmentConclusion | "", note: "" },
    validate: (v) => {
      if (!v.conclusion) return { conclusion: "Choose a conclusion" };
      return zodErrors(CompleteAssessment, { conclusion: v.conclusion, note: v.note.trim() || null });
    },
  });
  useOpenReset(props.opened, () => {
    form.reset();
    props.move.reset();
  });
  useServerErrors(form, props.move.error);
  const needsNote = form.values.conclusion === "pass_with_conditions" || form.values.conclusion === "fail";
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>Complete the assessment</Text>}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          props.move.mutate(
            { conclusion: v.conclusion as AssessmentConclusion, note: v.note.trim() || null },
            { onSuccess: props.onClose },
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm">
            Score {formatScore(a.computed.score)} / 100.{" "}
            {undecided > 0 && `${undecided} answer${undecided === 1 ? " is" : "s are"} not reviewed yet. `}
            The conclusion is final.
          </Text>
          {flagged > 0 && (
            <Alert color="red" variant="light" icon={<IconFlag size={16} />}>
              {flagged} answer{flagged === 1 ? " is" : "s are"} flagged.
            </Alert>
          )}
          <FormError error={props.move.error} />
          <Radio.Group label="Conclusion" withAsterisk {...form.getInputProps("conclusion")}>
            <Stack gap="sm" mt={8}>
              {ASSESSMENT_CONCLUSIONS.map((c) => (
                <Radio key={c} value={c} label={CONCLUSION_LABELS[c]} description={CONCLUSION_HELP[c]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={needsNote ? "Conditions or reasons" : "Note"}
            withAsterisk={needsNote}
            description={needsNote ? "Required: say what must change, or why the partner fails." : undefined}
            autosize
            minRows={3}
            {...form.getInputProps("note")}
          />
          <FormActions onCancel={props.onClose} pending={props.move.isPending}>
            Complete
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
