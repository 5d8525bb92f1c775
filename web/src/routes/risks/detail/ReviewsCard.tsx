import { Card, Modal, Stack, Text, Textarea, Timeline } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CreateRiskReview } from "../../../../../domain/risks";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { FormActions, FormError } from "../../../components/FormParts";
import { ReviewHistory } from "../../../components/ReviewHistory";
import { formatDate, formatDateTime } from "../../../lib/format";
import { zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { type Risk, riskKeys } from "../queries";

type Values = { notes: string; nextReviewDate: string | null };
// An empty next date is left out, so the server sets today + the risk's review interval.
const toBody = (v: Values) => ({ notes: v.notes.trim(), nextReviewDate: v.nextReviewDate || undefined });

function ReviewModal(props: { opened: boolean; risk: Risk; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { notes: "", nextReviewDate: null },
    validate: (v) => zodErrors(CreateRiskReview, toBody(v)),
  });
  const add = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST("/api/v1/risks/{id}/reviews", { params: { path: { id: props.risk.id } }, body: toBody(v) }),
      ),
    onSuccess: () => {
      notifySuccess("Review recorded");
      void queryClient.invalidateQueries({ queryKey: riskKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues({ notes: "", nextReviewDate: null });
    form.clearErrors();
    add.reset();
  }, [props.opened]);
  useServerErrors(form, add.error);
  const interval = props.risk.reviewIntervalDays;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Record a review</Text>}>
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
        <Stack gap="md">
          <FormError error={add.error} />
          <Textarea
            label="Notes"
            description="What you checked, what changed, whether the scores still hold"
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            {...form.getInputProps("notes")}
          />
          <DatePickerInput
            label="Next review"
            placeholder={interval ? `Today + ${interval} days` : "No next review"}
            clearable
            valueFormat="D MMM YYYY"
            {...form.getInputProps("nextReviewDate")}
          />
          <FormActions onCancel={props.onClose} pending={add.isPending}>
            Record review
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

/** Periodic reviews: record one (notes and the next date) and read the history, newest first. */
export function ReviewsCard({ risk }: { risk: Risk }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const reviews = useQuery({
    queryKey: riskKeys.reviews(risk.id),
    queryFn: () => unwrap(api.GET("/api/v1/risks/{id}/reviews", { params: { path: { id: risk.id } } })),
  });
  const items = reviews.data?.items ?? [];
  return (
    <Card>
      <ReviewHistory
        nextReviewDate={risk.nextReviewDate}
        overdue={risk.reviewOverdue}
        onRecord={can(me, "risk", "review") ? () => setOpened(true) : null}
        query={reviews}
        count={items.length}
      >
        {items.map((r) => (
          <Timeline.Item
            key={r.id}
            title={
              <Text size="sm" fw={600}>
                {r.reviewer?.name ?? "Someone"} · {formatDateTime(r.reviewedAt)}
              </Text>
            }
          >
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {r.notes}
            </Text>
            <Text size="xs" c="dimmed">
              Inherent {r.inherentScore} · residual {r.residualScore} · next review{" "}
              {formatDate(r.nextReviewDate)}
            </Text>
          </Timeline.Item>
        ))}
      </ReviewHistory>
      <ReviewModal opened={opened} risk={risk} onClose={() => setOpened(false)} />
    </Card>
  );
}
