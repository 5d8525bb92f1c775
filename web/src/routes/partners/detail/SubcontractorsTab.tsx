import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { IconHierarchy2 } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { PARTNER_STATUSES, type PartnerStatus } from "../../../../../domain/lifecycle";
import { can } from "../../../api/session";
import type { Subcontractor } from "../../../api/types";
import { useMe } from "../../../api/useMe";
import { CountryLabel, StatusBadge } from "../../../components/Badges";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { countryName } from "../../../lib/countries";
import { partnerRoute } from "../../../router";
import { PartsCard, RowActions } from "./PartsCard";
import { usePartMutations, useParts } from "./parts";
import { type SubcontractorBody, SubcontractorModal } from "./SubcontractorModal";
import { usePartEditor } from "./usePartEditor";

/** Fourth parties: other partners this one relies on to serve you. */
export function SubcontractorsTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const links = useParts(partnerId, "subcontractors");
  const services = useParts(partnerId, "services");
  const { create, update, remove } = usePartMutations(partnerId, "subcontractors", "Sub-contractor");
  const editor = usePartEditor<Subcontractor>();
  const canEdit = can(me, "partner", "update");
  const items = links.data?.items ?? [];
  const serviceName = new Map((services.data?.items ?? []).map((s) => [s.id, s.name]));
  const active = editor.editing ? update : create;
  const submit = (body: SubcontractorBody) => {
    const done = { onSuccess: editor.close };
    if (editor.editing)
      update.mutate(
        { partId: editor.editing.id, body: { description: body.description, serviceIds: body.serviceIds } },
        done,
      );
    else create.mutate(body, done);
  };
  return (
    <>
      <PartsCard
        title="Sub-contractors"
        description="Fourth parties this partner relies on to deliver your services."
        addLabel="Add sub-contractor"
        canEdit={canEdit}
        onAdd={() => {
          create.reset();
          editor.add();
        }}
        query={links}
        count={items.length}
        columnCount={4}
        columns={
          <>
            <Table.Th>Sub-contractor</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Services involved</Table.Th>
            <Table.Th>What they do</Table.Th>
          </>
        }
        emptyIcon={<IconHierarchy2 size={26} />}
        emptyTitle="No sub-contractors recorded"
        emptyText="Record who else touches your services or data through this partner."
      >
        {items.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td>
              <Anchor component={Link} to={`/partners/${l.subcontractor.id}`} fw={600} size="sm">
                {l.subcontractor.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                <CountryLabel code={l.subcontractor.country} name={countryName(l.subcontractor.country)} />
              </Text>
            </Table.Td>
            <Table.Td>
              {PARTNER_STATUSES.includes(l.subcontractor.status as PartnerStatus) ? (
                <StatusBadge status={l.subcontractor.status as PartnerStatus} />
              ) : (
                l.subcontractor.status
              )}
            </Table.Td>
            <Table.Td maw={260}>
              <Group gap={4}>
                {l.serviceIds.length === 0 && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
                {l.serviceIds.map((id) => (
                  <Badge key={id} size="sm" color="gray">
                    {serviceName.get(id) ?? "Unknown service"}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td fz="sm" maw={320}>
              <Text size="sm" lineClamp={2} c={l.description ? undefined : "dimmed"}>
                {l.description ?? "—"}
              </Text>
            </Table.Td>
            {canEdit && (
              <RowActions
                onEdit={() => {
                  update.reset();
                  editor.edit(l);
                }}
                onDelete={() => editor.askDelete(l)}
              />
            )}
          </Table.Tr>
        ))}
      </PartsCard>
      <SubcontractorModal
        partnerId={partnerId}
        services={services.data?.items ?? []}
        opened={editor.opened}
        link={editor.editing}
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
        title={`Remove ${editor.deleting?.subcontractor.name ?? "sub-contractor"}?`}
        confirmLabel="Remove link"
      >
        Only the link is removed; the partner itself stays in the registry.
      </ConfirmModal>
    </>
  );
}
