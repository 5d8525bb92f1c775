import { Alert, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ConfirmModal } from "../../components/ConfirmModal";
import { fromNow } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { OverrideModal } from "./OverrideModal";
import { type CountryProfile, countryKeys } from "./queries";

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {value}
      </Text>
    </div>
  );
}

/** The organization's own rating and notes, beside (never instead of) the source figures. */
export function OverrideCard({ country, canEdit }: { country: CountryProfile; canEdit: boolean }) {
  const o = country.override;
  const [editOpened, edit] = useDisclosure();
  const [deleteOpened, confirmDelete] = useDisclosure();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE("/api/v1/countries/{code}/override", { params: { path: { code: country.code } } })),
    onSuccess: () => {
      notifySuccess("Country note removed", country.name);
      confirmDelete.close();
      void queryClient.invalidateQueries({ queryKey: countryKeys.all });
    },
    onError: (e) => notifyError(e, "Could not remove the note"),
  });

  return (
    <Card p="md" withBorder h="100%">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Our organization's view</Text>
        {canEdit && (
          <Group gap={4}>
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={edit.open}>
              {o ? "Edit" : "Add note"}
            </Button>
            {o && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={confirmDelete.open}
              >
                Delete
              </Button>
            )}
          </Group>
        )}
      </Group>
      {o ? (
        <Stack gap="xs">
          <Group gap="xs">
            {o.internalRating && (
              <Badge variant="light" color="grape">
                Internal: {o.internalRating}
              </Badge>
            )}
            {o.sanctioned && <Badge color="red">Sanctions</Badge>}
          </Group>
          {o.travelWarning && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
              <Text size="sm">{o.travelWarning}</Text>
            </Alert>
          )}
          <Field label="Sanctions" value={o.sanctionsNote} />
          <Field label="Notes" value={o.notes} />
          <Text size="xs" c="dimmed">
            Updated {fromNow(o.updatedAt)}. The World Bank figures above are shown unchanged.
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No internal rating, sanctions or travel notes recorded.
          {canEdit ? "" : " Risk managers and compliance officers can add them."}
        </Text>
      )}
      {canEdit && <OverrideModal opened={editOpened} onClose={edit.close} country={country} />}
      <ConfirmModal
        opened={deleteOpened}
        onClose={confirmDelete.close}
        onConfirm={() => remove.mutate()}
        title="Delete the note?"
        confirmLabel="Delete"
        loading={remove.isPending}
      >
        Your organization's rating and notes for {country.name} will be removed. The World Bank figures are
        not affected.
      </ConfirmModal>
    </Card>
  );
}
