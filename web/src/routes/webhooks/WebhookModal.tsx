import { Button, Group, Modal, MultiSelect, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import { CreateWebhook, NOTIFICATION_TYPES, type NotificationType } from "../../../../domain/notifications";
import { FormActions, FormError } from "../../components/FormParts";
import { zodErrors } from "../../lib/forms";
import { notifyError, notifySuccess } from "../../lib/notify";
import { hasFieldErrors, useServerErrors } from "../../lib/useServerErrors";
import { TYPE_OPTIONS } from "../notifications/TypeIcon";
import { type CreatedWebhookItem, useWebhookMutations, type WebhookBody, type WebhookItem } from "./queries";

interface Values {
  url: string;
  description: string;
  events: string[];
  active: boolean;
}

const toValues = (w: WebhookItem | null): Values =>
  w
    ? { url: w.url, description: w.description ?? "", events: [...w.events], active: w.active }
    : { url: "", description: "", events: [...NOTIFICATION_TYPES], active: true };

const toBody = (v: Values): WebhookBody => ({
  url: v.url.trim(),
  description: v.description.trim() || null,
  events: v.events as NotificationType[],
  active: v.active,
});

/** The browser runs the server's own schema, reworded where zod speaks to developers. */
function validate(v: Values) {
  const errors = zodErrors(CreateWebhook, toBody(v));
  if (errors.events) errors.events = "Choose at least one event";
  if (errors.url && !v.url.trim()) errors.url = "Required";
  else if (errors.url === "Invalid URL")
    errors.url = "Enter a full URL, e.g. https://hooks.example.com/outsight";
  return errors;
}

/**
 * Creates or edits a webhook. The URL is checked as it is typed-then-left (https only, plain http
 * to localhost), so a typo shows before saving; after creation the caller shows the secret.
 */
export function WebhookModal(props: {
  opened: boolean;
  webhook: WebhookItem | null;
  onClose: () => void;
  onCreated: (w: CreatedWebhookItem) => void;
}) {
  const { create, update } = useWebhookMutations();
  const editing = props.webhook !== null;
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: toValues(props.webhook),
    validate,
    validateInputOnBlur: true,
  });
  const mutation = editing ? update : create;
  useServerErrors(form, mutation.error);

  // Start from the webhook being edited (or a blank form) every time the modal opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: opening is the trigger; form and mutations are stable enough
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(toValues(props.webhook));
    form.resetDirty();
    form.clearErrors();
    create.reset();
    update.reset();
  }, [props.opened, props.webhook]);
  const close = () => props.onClose();
  const submit = (v: Values) => {
    const onError = (e: unknown) => {
      if (!hasFieldErrors(e)) notifyError(e, "Could not save the webhook");
    };
    if (props.webhook)
      update.mutate(
        { id: props.webhook.id, body: toBody(v) },
        {
          onSuccess: () => {
            notifySuccess("Webhook saved");
            close();
          },
          onError,
        },
      );
    else
      create.mutate(toBody(v), {
        onSuccess: (created) => {
          close();
          props.onCreated(created);
        },
        onError,
      });
  };
  const allChosen = form.values.events.length === NOTIFICATION_TYPES.length;

  return (
    <Modal
      opened={props.opened}
      onClose={close}
      size="lg"
      title={<Text fw={600}>{editing ? "Edit webhook" : "Add a webhook"}</Text>}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <FormError error={mutation.error} />
          <TextInput
            label="Payload URL"
            description="Outsight POSTs a signed JSON body here. Use https; plain http only to localhost."
            placeholder="https://hooks.example.com/outsight"
            withAsterisk
            data-autofocus
            {...form.getInputProps("url")}
          />
          <Textarea
            label="Description"
            placeholder="What receives it, e.g. “Ticketing system”"
            autosize
            minRows={1}
            maxRows={3}
            {...form.getInputProps("description")}
          />
          <Stack gap={4}>
            <MultiSelect
              label="Events"
              description="The kinds of event sent to this URL"
              data={TYPE_OPTIONS}
              placeholder={form.values.events.length === 0 ? "Choose events" : undefined}
              withAsterisk
              searchable
              hidePickedOptions
              {...form.getInputProps("events")}
            />
            <Group justify="flex-end">
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => form.setFieldValue("events", allChosen ? [] : [...NOTIFICATION_TYPES])}
              >
                {allChosen ? "Clear all" : "Select all"}
              </Button>
            </Group>
          </Stack>
          <Switch
            label="Active"
            description="Inactive webhooks keep their settings but receive nothing"
            {...form.getInputProps("active", { type: "checkbox" })}
          />
          <FormActions onCancel={close} pending={mutation.isPending} mt="xs">
            {editing ? "Save webhook" : "Create webhook"}
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
