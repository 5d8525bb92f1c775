import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { IconCircleCheck, IconSend } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import {
  ASSESSMENT_PURPOSES,
  type AssessmentPurpose,
  CreateAssessment,
} from "../../../../domain/assessments";
import { addDays, todayUtc } from "../../../../domain/time";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { nullIfBlank, zodErrors } from "../../lib/forms";
import { useServerErrors } from "../../lib/useServerErrors";
import { PURPOSE_LABELS } from "./labels";
import { useAssessmentMutations, useCreateAssessment } from "./mutations";
import { RecipientPicker } from "./RecipientPicker";

/** Days a partner is given to answer unless the sender says otherwise. */
const DEFAULT_ANSWER_DAYS = 30;
const PURPOSE_OPTIONS = ASSESSMENT_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }));

interface Values {
  partnerId: string | null;
  partnerName: string | null;
  templateId: string | null;
  dueDate: string | null;
  recipientContactIds: string[];
  purpose: AssessmentPurpose;
  note: string;
}

const initial = (partner?: { id: string; name: string }): Values => ({
  partnerId: partner?.id ?? null,
  partnerName: partner?.name ?? null,
  templateId: null,
  dueDate: addDays(todayUtc(), DEFAULT_ANSWER_DAYS),
  recipientContactIds: [],
  purpose: "due_diligence",
  note: "",
});

const toBody = (v: Values) => ({
  partnerId: v.partnerId ?? "",
  templateId: v.templateId ?? "",
  dueDate: v.dueDate ?? "",
  recipientContactIds: v.recipientContactIds,
  purpose: v.purpose,
  note: nullIfBlank(v.note),
});

/** The shared schema's errors, in words for the fields a person picks rather than types. */
function validate(v: Values) {
  const errors = zodErrors(CreateAssessment, toBody(v));
  if (!v.partnerId) errors.partnerId = "Choose a partner";
  if (!v.templateId) errors.templateId = "Choose a questionnaire";
  if (!v.dueDate) errors.dueDate = "Choose a due date";
  if (v.recipientContactIds.length === 0) errors.recipientContactIds = "Choose at least one recipient";
  return errors;
}

/**
 * Start an assessment: which partner, which questionnaire, by when and who answers. It is saved
 * as a draft (nothing reaches the partner yet); the modal then offers to send it at once.
 */
export function NewAssessmentModal(props: {
  opened: boolean;
  onClose: () => void;
  /** Preselects the partner (from a partner page). */
  partner?: { id: string; name: string };
}) {
  const navigate = useNavigate();
  const form = useForm<Values>({ initialValues: initial(props.partner), validate });
  const create = useCreateAssessment();
  const [created, setCreated] = useState<{ id: string } | null>(null);
  const templates = useQuery({
    queryKey: ["questionnaire-templates", "picker"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/questionnaire-templates", {
          params: { query: { archived: "false", limit: 200, sort: "title" } },
        }),
      ),
    enabled: props.opened,
    staleTime: 60_000,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(initial(props.partner));
    form.clearErrors();
    create.reset();
    setCreated(null);
  }, [props.opened]);
  useServerErrors(form, create.error, (path) =>
    path.startsWith("recipientContactIds") ? "recipientContactIds" : path,
  );

  const v = form.values;
  const open = (id: string) => {
    props.onClose();
    void navigate({ to: "/assessments/$assessmentId", params: { assessmentId: id } });
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>{created ? "Assessment created" : "New assessment"}</Text>}
    >
      {created ? (
        <SendNow id={created.id} onOpen={() => open(created.id)} />
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            create.mutate(toBody(values), { onSuccess: (a) => setCreated({ id: a.id }) }),
          )}
        >
          <Stack gap="md">
            <FormError error={create.error} />
            <PartnerSelect
              label="Partner"
              placeholder="Type to search partners"
              withAsterisk
              disabled={Boolean(props.partner)}
              value={v.partnerId}
              selectedName={v.partnerName}
              error={form.errors.partnerId}
              onChange={(id, name) =>
                form.setValues({ partnerId: id, partnerName: name, recipientContactIds: [] })
              }
            />
            <Select
              label="Questionnaire"
              withAsterisk
              searchable
              placeholder={templates.isPending ? "Loading…" : "Choose a questionnaire template"}
              nothingFoundMessage="No active template: add one under Questionnaires"
              data={(templates.data?.items ?? []).map((t) => ({
                value: t.id,
                label: `${t.title} (v${t.currentVersion})`,
              }))}
              {...form.getInputProps("templateId")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DatePickerInput
                label="Due date"
                withAsterisk
                valueFormat="D MMM YYYY"
                minDate={todayUtc()}
                {...form.getInputProps("dueDate")}
              />
              <Select
                label="Purpose"
                data={PURPOSE_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps("purpose")}
              />
            </SimpleGrid>
            <RecipientPicker
              partnerId={v.partnerId}
              value={v.recipientContactIds}
              onChange={(ids) => form.setFieldValue("recipientContactIds", ids)}
              error={form.errors.recipientContactIds}
              onAddContacts={() => {
                props.onClose();
                if (v.partnerId)
                  void navigate({ to: "/partners/$partnerId/contacts", params: { partnerId: v.partnerId } });
              }}
            />
            <Textarea
              label="Note"
              description="Internal: why this assessment, what to look at. Partners do not see it."
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("note")}
            />
            <FormActions onCancel={props.onClose} pending={create.isPending}>
              Create draft
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The step after creating: send now (invites the recipients) or open the draft to send later. */
function SendNow({ id, onOpen }: { id: string; onOpen: () => void }) {
  const { send } = useAssessmentMutations(id);
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
        The assessment is saved as a draft. Nothing has reached the partner yet.
      </Alert>
      <Text size="sm">
        Send it now to email each recipient an invitation to the partner portal, or open the draft to check it
        first.
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onOpen}>
          Open draft
        </Button>
        <Button
          leftSection={<IconSend size={16} />}
          loading={send.isPending}
          data-autofocus
          onClick={() => send.mutate(undefined, { onSuccess: onOpen })}
        >
          Send now
        </Button>
      </Group>
    </Stack>
  );
}
