import { Anchor, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconBuildingCommunity, IconPlus } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useMe } from "../../api/useMe";
import { CountryLabel } from "../../components/Badges";
import { ConfirmModal } from "../../components/ConfirmModal";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, TableSkeleton } from "../../components/States";
import { describeDays } from "../../lib/siteClock";
import { RowActions } from "../partners/detail/PartsCard";
import { type SiteBody, SiteModal } from "../partners/detail/SiteModal";
import { usePartEditor } from "../partners/detail/usePartEditor";
import { canEditOrgSites, type OrgSite, useOrgSiteMutations, useOrgSites } from "./queries";

/** Our own offices: the other end of every partner's working-time overlap. */
export function OurSitesPage() {
  const me = useMe();
  const sites = useOrgSites();
  const { create, update, remove } = useOrgSiteMutations();
  const editor = usePartEditor<OrgSite>();
  const canEdit = canEditOrgSites(me);
  const items = sites.data?.items ?? [];
  const active = editor.editing ? update : create;
  const submit = (body: SiteBody) => {
    const done = { onSuccess: editor.close };
    if (editor.editing) update.mutate({ id: editor.editing.id, body }, done);
    else create.mutate(body, done);
  };
  const addButton = canEdit && (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => {
        create.reset();
        editor.add();
      }}
    >
      Add site
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Our sites"
        description="Where our own people work. Partner sites are compared with these for working-time overlap."
        crumbs={[{ label: "Administration" }, { label: "Our sites" }]}
        actions={items.length > 0 ? addButton : undefined}
      />
      <Card p={0} className="table-card">
        {sites.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={sites.error} onRetry={() => sites.refetch()} />
          </div>
        ) : !sites.isPending && items.length === 0 ? (
          <Empty
            icon={<IconBuildingCommunity size={26} />}
            title="No sites of ours yet"
            description={
              <>
                Working-time overlap compares each partner site with our sites, so it needs at least one. Add
                the offices your teams work from, with their time zone and working hours.
                {!canEdit && " Ask an administrator or vendor manager to add them."}
              </>
            }
            actions={addButton || undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Site</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Time zone</Table.Th>
                  <Table.Th>Working hours</Table.Th>
                  {canEdit && <Table.Th w={48} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sites.isPending ? (
                  <TableSkeleton rows={3} cols={canEdit ? 5 : 4} />
                ) : (
                  items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td fw={600} fz="sm">
                        {s.name}
                      </Table.Td>
                      <Table.Td fz="sm">
                        <Stack gap={0}>
                          <span>{s.city}</span>
                          <Text size="xs" c="dimmed">
                            <CountryLabel code={s.country} name={s.countryName} />
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td fz="sm" className="mono">
                        {s.timeZone}
                      </Table.Td>
                      <Table.Td fz="sm">
                        <Stack gap={0}>
                          <span>
                            {s.workingHours.start}–{s.workingHours.end}
                          </span>
                          <Text size="xs" c="dimmed">
                            {describeDays(s.workingHours.days)}
                          </Text>
                        </Stack>
                      </Table.Td>
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
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {items.length > 0 && (
        <Group mt="md" gap={6}>
          <Text size="sm" c="dimmed">
            Compare any two sites or hand-entered hours in the
          </Text>
          <Anchor component={Link} to="/overlap" size="sm">
            overlap planner
          </Anchor>
        </Group>
      )}
      <SiteModal
        opened={editor.opened}
        site={editor.editing}
        namePlaceholder="London HQ"
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
        title={`Remove ${editor.deleting?.name ?? "site"}?`}
        confirmLabel="Remove site"
      >
        The site no longer counts in any partner's working-time overlap. The audit trail keeps a record.
      </ConfirmModal>
    </>
  );
}
