import { Anchor, Avatar, Badge, Button, Group, Table, Text } from "@mantine/core";
import { IconAddressBook, IconMailForward } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { can } from "../../../api/session";
import type { Contact } from "../../../api/types";
import { useMe } from "../../../api/useMe";
import { initials } from "../../../components/ActivityFeed";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { partnerRoute } from "../../../router";
import { type InviteContact, InviteModal } from "../../users/InviteModal";
import { partnerQuery } from "../queries";
import { type ContactBody, ContactModal } from "./ContactModal";
import { PartsCard, RowActions } from "./PartsCard";
import { usePartMutations, useParts } from "./parts";
import { usePartEditor } from "./usePartEditor";

/** The people at the partner: who to call, with the primary contact first. */
export function ContactsTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const contacts = useParts(partnerId, "contacts");
  const { create, update, remove } = usePartMutations(partnerId, "contacts", "Contact");
  const editor = usePartEditor<Contact>();
  const canEdit = can(me, "partner", "update");
  // Contacts with an email can be invited to answer questionnaires in the partner portal.
  const canInvite = can(me, "invitation", "create");
  const partner = useQuery({ ...partnerQuery(partnerId), enabled: canInvite });
  const [inviting, setInviting] = useState<InviteContact | null>(null);
  const items = [...(contacts.data?.items ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const active = editor.editing ? update : create;
  const submit = (body: ContactBody) => {
    const done = { onSuccess: editor.close };
    if (editor.editing) update.mutate({ partId: editor.editing.id, body }, done);
    else create.mutate(body, done);
  };
  const dash = (
    <Text c="dimmed" size="sm">
      —
    </Text>
  );
  return (
    <>
      <PartsCard
        title="Contacts"
        description="People at the partner you work with."
        addLabel="Add contact"
        canEdit={canEdit}
        onAdd={() => {
          create.reset();
          editor.add();
        }}
        query={contacts}
        count={items.length}
        columnCount={canInvite ? 5 : 4}
        columns={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Phone</Table.Th>
            {canInvite && <Table.Th w={150}>Portal</Table.Th>}
          </>
        }
        emptyIcon={<IconAddressBook size={26} />}
        emptyTitle="No contacts yet"
        emptyText="Add the account manager, delivery lead and security contact."
      >
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Group gap="sm" wrap="nowrap">
                <Avatar size={30} radius="xl" color="brand">
                  {initials(c.name)}
                </Avatar>
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                {c.isPrimary && (
                  <Badge size="xs" color="brand">
                    Primary
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td fz="sm">{c.role ?? dash}</Table.Td>
            <Table.Td fz="sm">
              {c.email ? (
                <Anchor href={`mailto:${c.email}`} size="sm">
                  {c.email}
                </Anchor>
              ) : (
                dash
              )}
            </Table.Td>
            <Table.Td fz="sm">
              {c.phone ? (
                <Anchor href={`tel:${c.phone.replace(/[^+\d]/g, "")}`} size="sm">
                  {c.phone}
                </Anchor>
              ) : (
                dash
              )}
            </Table.Td>
            {canInvite && (
              <Table.Td>
                {c.email && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconMailForward size={14} />}
                    onClick={() => setInviting({ id: c.id, name: c.name, email: c.email })}
                  >
                    Invite to portal
                  </Button>
                )}
              </Table.Td>
            )}
            {canEdit && (
              <RowActions
                onEdit={() => {
                  update.reset();
                  editor.edit(c);
                }}
                onDelete={() => editor.askDelete(c)}
              />
            )}
          </Table.Tr>
        ))}
      </PartsCard>
      <ContactModal
        opened={editor.opened}
        contact={editor.editing}
        pending={active.isPending}
        error={active.error}
        onClose={editor.close}
        onSubmit={submit}
      />
      {canInvite && partner.data && (
        <InviteModal
          opened={inviting !== null}
          onClose={() => setInviting(null)}
          partner={{ id: partner.data.id, name: partner.data.name }}
          contact={inviting}
        />
      )}
      <ConfirmModal
        opened={editor.deleting !== null}
        onClose={editor.cancelDelete}
        onConfirm={() =>
          editor.deleting && remove.mutate(editor.deleting.id, { onSuccess: editor.cancelDelete })
        }
        loading={remove.isPending}
        title={`Remove ${editor.deleting?.name ?? "contact"}?`}
        confirmLabel="Remove contact"
      >
        The contact is removed from this partner.
      </ConfirmModal>
    </>
  );
}
