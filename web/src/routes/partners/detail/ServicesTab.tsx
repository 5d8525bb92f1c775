import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { IconBuildingFactory2 } from "@tabler/icons-react";
import { DATA_CATEGORY_LABELS } from "../../../../../domain/partner-parts";
import { can } from "../../../api/session";
import type { Service } from "../../../api/types";
import { useMe } from "../../../api/useMe";
import { CriticalityBadge } from "../../../components/Badges";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { flagEmoji, formatDate } from "../../../lib/format";
import { partnerRoute } from "../../../router";
import { PartsCard, RowActions } from "./PartsCard";
import { usePartMutations, useParts } from "./parts";
import { type ServiceBody, ServiceModal } from "./ServiceModal";
import { usePartEditor } from "./usePartEditor";

const SENSITIVE = new Set(["personal_data", "sensitive_personal_data", "health", "financial"]);

/** The services outsourced to the partner, with criticality and the data they touch. */
export function ServicesTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const services = useParts(partnerId, "services");
  const { create, update, remove } = usePartMutations(partnerId, "services", "Service");
  const editor = usePartEditor<Service>();
  const canEdit = can(me, "partner", "update");
  const items = services.data?.items ?? [];
  const active = editor.editing ? update : create;
  const submit = (body: ServiceBody) => {
    const done = { onSuccess: editor.close };
    if (editor.editing) update.mutate({ partId: editor.editing.id, body }, done);
    else create.mutate(body, done);
  };
  return (
    <>
      <PartsCard
        title="Services"
        description="What you outsource to this partner, how critical it is and which data it involves."
        addLabel="Add service"
        canEdit={canEdit}
        onAdd={() => {
          create.reset();
          editor.add();
        }}
        query={services}
        count={items.length}
        columnCount={5}
        columns={
          <>
            <Table.Th>Service</Table.Th>
            <Table.Th>Criticality</Table.Th>
            <Table.Th>Data shared</Table.Th>
            <Table.Th>Data locations</Table.Th>
            <Table.Th>Since</Table.Th>
          </>
        }
        emptyIcon={<IconBuildingFactory2 size={26} />}
        emptyTitle="No services yet"
        emptyText="Record each service the partner provides; criticality and data drive the risk picture."
      >
        {items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td maw={280}>
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {s.function}
                  {s.description ? ` · ${s.description}` : ""}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <CriticalityBadge value={s.criticality} />
            </Table.Td>
            <Table.Td maw={260}>
              <Group gap={4}>
                {s.dataCategories.length === 0 && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
                {s.dataCategories.map((c) => (
                  <Badge key={c} size="sm" color={SENSITIVE.has(c) ? "violet" : "gray"}>
                    {DATA_CATEGORY_LABELS[c]}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td fz="sm">
              {s.dataLocations.length ? (
                <Group gap={6}>
                  {s.dataLocations.map((c) => (
                    <span key={c} title={c}>
                      {flagEmoji(c)} {c}
                    </span>
                  ))}
                </Group>
              ) : (
                <Text c="dimmed" size="sm">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td fz="sm">{formatDate(s.startDate)}</Table.Td>
            {canEdit && (
              <RowActions
                onEdit={() => {
                  update.reset();
                  editor.edit(s);
                }}
                onDelete={() => editor.askDelete(s)}
              />
            )}
          </Table.Tr>
        ))}
      </PartsCard>
      <ServiceModal
        opened={editor.opened}
        service={editor.editing}
        pending={active.isPending}
        error={active.error}
        onClose={editor.close}
        onSubmit={submit}
      />
      <ConfirmModal
        opened={editor.deleting !== null}
        onClose={editor.cancelDelete}
        onConfirm={() =>
          editor.deleting && remove.mutate(editor.deleting.id, { onSuccess: editor.cancelDelete })
        }
        loading={remove.isPending}
        title={`Remove ${editor.deleting?.name ?? "service"}?`}
        confirmLabel="Remove service"
      >
        The service is removed from this partner, including its links to sub-contractors.
      </ConfirmModal>
    </>
  );
}
