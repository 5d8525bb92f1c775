import { Badge, Card, Group, Modal, Select, Stack, Text, Textarea, Timeline } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CreateContractReview, REVIEW_OUTCOMES } from "../../../../../domain/contracts";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { FormActions, FormError } from "../../../components/FormParts";
import { ReviewHistory } from "../../../components/ReviewHistory";
import { formatDate, formatDateTime } from "../../../lib/format";
import { nullIfBlank, zodErrors } from "../../../lib/forms";
import { notifySuccess } from "../../../lib/notify";
import { useServerErrors } from "../../../lib/useServerErrors";
import { REVIEW_OUTCOME_COLORS, REVIEW_OUTCOME_LABELS } from "../labels";
import { type Contract, type ContractReview, contractKeys, reviewsQuery } from "../queries";

type Values = { outcome: ContractReview["outcome"] | null; notes: string; nextReviewDate: string | null };
// An empty next date is left out, so the server sets today + the contract's review interval.
const toBody = (v: Values) => ({
  outcome: v.outcome ?? undefined,
  notes: nullIfBlank(v.notes),
  nextReviewDate: v.nextReviewDate || undefined,
});
const OUTCOME_OPTIONS = REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }));
const EMPTY: Values = { outcome: null, notes: "", nextReviewDate: null };

function ReviewModal(props: { opened: boolean; contract: Contract; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: (v) => ({
      ...zodErrors(CreateContractReview, toBody(v)),
      ...(v.outcome ? {} : { outcome: "Choose the outcome" }),
    }),
  });
  const add = useMutation({
    // Validation has required the outcome by the time a review is sent.
    mutationFn: (v: Values & { outcome: ContractReview["outcome"] }) =>
      unwrap(
        api.POST("/api/v1/contracts/{id}/reviews", {
          params: { path: { id: props.contract.id } },
          body: { ...toBody(v), outcome: v.outcome },
        }),
      ),
    onSuccess: () => {
      notifySuccess("Review recorded");
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(EMPTY);
    form.clearErrors();
    add.reset();
  }, [props.opened]);
  useServerErrors(form, add.error);
  const interval = props.contract.reviewIntervalDays;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>Record a review</Text>}>
      <form
        onSubmit={form.onSubmit((v) => {
          if (v.outcome) add.mutate({ ...v, outcome: v.outcome });
        })}
        noValidate
      >
        <Stack gap="md">
          <FormError error={add.error} />
          <Select
            label="Outcome"
            withAsterisk
            data={OUTCOME_OPTIONS}
            data-autofocus
            {...form.getInputProps("outcome")}
          />
          <Textarea
            label="Notes"
            description="What you checked: performance, clauses still fit, changes needed at renewal"
            autosize
            minRows={3}
            maxRows={10}
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

/** Periodic contract reviews: record one (outcome, notes, next date) and read the history. */
export function ReviewsCard({ contract }: { contract: Contract }) {
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const reviews = useQuery(reviewsQuery(contract.id));
  const items = reviews.data?.items ?? [];
  return (
    <Card h="100%">
      <ReviewHistory
        nextReviewDate={contract.nextReviewDate}
        overdue={contract.reviewOverdue}
        onRecord={can(me, "contract", "review") ? () => setOpened(true) : null}
        query={reviews}
        count={items.length}
      >
        {items.map((r) => (
          <Timeline.Item
            key={r.id}
            color={REVIEW_OUTCOME_COLORS[r.outcome]}
            title={
              <Group gap="xs">
                <Badge size="sm" variant="light" color={REVIEW_OUTCOME_COLORS[r.outcome]}>
                  {REVIEW_OUTCOME_LABELS[r.outcome]}
                </Badge>
                <Text size="sm" fw={600}>
                  {r.reviewer?.name ?? "Someone"} · {formatDateTime(r.reviewedAt)}
                </Text>
              </Group>
            }
          >
            {r.notes && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {r.notes}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Next review {formatDate(r.nextReviewDate)}
            </Text>
          </Timeline.Item>
        ))}
      </ReviewHistory>
      <ReviewModal opened={opened} contract={contract} onClose={() => setOpened(false)} />
    </Card>
  );
}
