import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CreateInvitation } from "../../../../domain/invitations";
import { api, unwrap } from "../../api/client";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { zodErrors } from "../../lib/forms";
import { useServerErrors } from "../../lib/useServerErrors";
import { InviteLink } from "./InviteResult";
import type { CreatedInvitation, CreateInvitationBody } from "./types";

/** A contact to invite, when the modal is opened from a partner's contacts. */
export interface InviteContact {
  id: string;
  name: string;
  email: string | null;
}

const blank = (partnerId: string | null, contact?: InviteContact | null) => ({
  partnerId: partnerId ?? "",
  contactId: contact?.id ?? "",
  name: contact?.name ?? "",
  email: contact?.email ?? "",
});

type Values = ReturnType<typeof blank>;

const toBody = (v: Values): CreateInvitationBody => ({
  email: v.email.trim(),
  name: v.name.trim(),
  partnerId: v.partnerId,
  ...(v.contactId ? { contactId: v.contactId } : {}),
});

/** The partner's contacts, to pick the invitee from (their name and email fill the form). */
function ContactPicker({
  partnerId,
  value,
  onPick,
}: {
  partnerId: string;
  value: string;
  onPick: (c: InviteContact | null) => void;
}) {
  const contacts = useQuery({
    queryKey: ["partners", partnerId, "contacts"],
    queryFn: () => unwrap(api.GET("/api/v1/partners/{id}/contacts", { params: { path: { id: partnerId } } })),
  });
  const items = contacts.data?.items ?? [];
  return (
    <Select
      label="Contact"
      description="Optional: one of the partner's contacts (fills in name and email)."
      placeholder={contacts.isPending ? "Loading…" : items.length ? "Pick a contact" : "No contacts recorded"}
      data={items.map((c) => ({ value: c.id, label: c.email ? `${c.name} · ${c.email}` : c.name }))}
      value={value || null}
      disabled={!items.length}
      clearable
      onChange={(id) => onPick(items.find((c) => c.id === id) ?? null)}
    />
  );
}

/**
 * Invites a person to the partner portal: they get an email with a one-time link to set their
 * password. After inviting, the link is shown once (to pass on when mail is not set up or failed).
 */
export function InviteModal({
  opened,
  onClose,
  partner,
  contact,
  onInvited,
}: {
  opened: boolean;
  onClose: () => void;
  /** Called once an invitation was created (the modal then shows its link). */
  onInvited?: () => void;
  /** A fixed partner (opened from a partner's page); otherwise one is picked. */
  partner?: { id: string; name: string };
  contact?: InviteContact | null;
}) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const form = useForm<Values>({
    initialValues: blank(partner?.id ?? null, contact),
    validate: (v) => {
      const errors = zodErrors(CreateInvitation, toBody(v));
      if (!v.partnerId) errors.partnerId = "Pick the partner they answer for";
      return errors;
    },
  });
  const invite = useMutation({
    mutationFn: (body: CreateInvitationBody) => unwrap(api.POST("/api/v1/invitations", { body })),
    onSuccess: (inv) => {
      void queryClient.invalidateQueries({ queryKey: ["invitations"] });
      setCreated(inv);
      onInvited?.();
    },
  });
  useServerErrors(form, invite.error);
  const close = () => {
    form.setValues(blank(partner?.id ?? null, contact));
    form.resetDirty();
    form.clearErrors();
    invite.reset();
    setCreated(null);
    onClose();
  };
  // Opened (again) for a contact: start from that contact, not from the last one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new opening resets the form
  useEffect(() => {
    if (opened) form.setValues(blank(partner?.id ?? null, contact));
  }, [opened, partner?.id, contact?.id]);
  return (
    <Modal
      opened={opened}
      onClose={close}
      size={created ? "lg" : "md"}
      closeOnClickOutside={!created}
      title={<Text fw={600}>{created ? "Invitation created" : "Invite a partner user"}</Text>}
    >
      {created ? (
        <Stack gap="md">
          <InviteLink invitation={created} />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((v) => invite.mutate(toBody(v)))} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              They get an email with a link to choose a password. Partner users see only their own partner's
              questionnaires, in the partner portal.
            </Text>
            <FormError error={invite.error} />
            {partner ? (
              <TextInput label="Partner" value={partner.name} readOnly variant="filled" />
            ) : (
              <PartnerSelect
                label="Partner"
                placeholder="Search partners"
                withAsterisk
                value={form.values.partnerId || null}
                error={form.errors.partnerId}
                onChange={(id) => {
                  form.setFieldValue("partnerId", id ?? "");
                  form.setFieldValue("contactId", "");
                }}
              />
            )}
            {form.values.partnerId && (
              <ContactPicker
                partnerId={form.values.partnerId}
                value={form.values.contactId}
                onPick={(c) => {
                  form.setFieldValue("contactId", c?.id ?? "");
                  if (c) {
                    form.setFieldValue("name", c.name);
                    if (c.email) form.setFieldValue("email", c.email);
                  }
                }}
              />
            )}
            <TextInput label="Full name" withAsterisk {...form.getInputProps("name")} />
            <TextInput label="Email" type="email" withAsterisk {...form.getInputProps("email")} />
            <FormActions onCancel={close} pending={invite.isPending} mt="xs">
              Send invitation
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
