import { Button, Group, Modal, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { notifyError, notifySuccess } from "../../lib/notify";
import { type CountryProfile, countryKeys, type OverrideBody } from "./queries";

const empty = (o: CountryProfile["override"]): Required<OverrideBody> => ({
  internalRating: o?.internalRating ?? "",
  sanctioned: o?.sanctioned ?? false,
  sanctionsNote: o?.sanctionsNote ?? "",
  travelWarning: o?.travelWarning ?? "",
  notes: o?.notes ?? "",
});

/** Edits the organization's own rating, sanctions, travel warning and notes for a country. */
export function OverrideModal(props: { opened: boolean; onClose: () => void; country: CountryProfile }) {
  const { country } = props;
  const [form, setForm] = useState(() => empty(country.override));
  useEffect(() => {
    if (props.opened) setForm(empty(country.override));
  }, [props.opened, country.override]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT("/api/v1/countries/{code}/override", {
          params: { path: { code: country.code } },
          body: form,
        }),
      ),
    onSuccess: () => {
      notifySuccess("Country note saved", country.name);
      void queryClient.invalidateQueries({ queryKey: countryKeys.all });
      props.onClose();
    },
    onError: (e) => notifyError(e, "Could not save the note"),
  });
  const set = <K extends keyof OverrideBody>(key: K, value: OverrideBody[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>Our view of {country.name}</Text>}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Your organization's annotation sits beside the World Bank figures; it never changes them.
          </Text>
          <TextInput
            label="Internal rating"
            placeholder="e.g. Restricted, Approved with conditions"
            maxLength={100}
            value={form.internalRating ?? ""}
            onChange={(e) => set("internalRating", e.currentTarget.value)}
            data-autofocus
          />
          <Switch
            label="Subject to sanctions"
            checked={form.sanctioned ?? false}
            onChange={(e) => set("sanctioned", e.currentTarget.checked)}
          />
          <Textarea
            label="Sanctions note"
            autosize
            minRows={2}
            maxLength={2000}
            value={form.sanctionsNote ?? ""}
            onChange={(e) => set("sanctionsNote", e.currentTarget.value)}
          />
          <Textarea
            label="Travel warning"
            autosize
            minRows={2}
            maxLength={2000}
            value={form.travelWarning ?? ""}
            onChange={(e) => set("travelWarning", e.currentTarget.value)}
          />
          <Textarea
            label="Notes"
            autosize
            minRows={3}
            maxLength={5000}
            value={form.notes ?? ""}
            onChange={(e) => set("notes", e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
