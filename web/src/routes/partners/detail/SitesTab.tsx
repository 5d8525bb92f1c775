import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { IconMapPin } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { can } from "../../../api/session";
import type { Site } from "../../../api/types";
import { useMe } from "../../../api/useMe";
import { CountryLabel } from "../../../components/Badges";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { describeDays, siteClock } from "../../../lib/siteClock";
import { partnerRoute } from "../../../router";
import { PartsCard, RowActions } from "./PartsCard";
import { usePartMutations, useParts } from "./parts";
import { type SiteBody, SiteModal } from "./SiteModal";
import { usePartEditor } from "./usePartEditor";

/** Re-renders every 30 s so "local time now" stays true while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  const interval = useInterval(() => setNow(new Date()), 30_000);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start once, stop on unmount
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, []);
  return now;
}

/** The partner's sites, with local time and whether they are working right now. */
export function SitesTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const sites = useParts(partnerId, "sites");
  const { create, update, remove } = usePartMutations(partnerId, "sites", "Site");
  const editor = usePartEditor<Site>();
  const now = useNow();
  const canEdit = can(me, "partner", "update");
  const items = sites.data?.items ?? [];
  const active = editor.editing ? update : create;
  const submit = (body: SiteBody) => {
    const done = { onSuccess: editor.close };
    if (editor.editing) update.mutate({ partId: editor.editing.id, body }, done);
    else create.mutate(body, done);
  };
  return (
    <>
      <PartsCard
        title="Sites"
        description="Where the partner's people work; time zones drive working-hours overlap."
        addLabel="Add site"
        canEdit={canEdit}
        onAdd={() => {
          create.reset();
          editor.add();
        }}
        query={sites}
        count={items.length}
        columnCount={5}
        columns={
          <>
            <Table.Th>Site</Table.Th>
            <Table.Th>Location</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>Working hours</Table.Th>
            <Table.Th>Local time now</Table.Th>
          </>
        }
        emptyIcon={<IconMapPin size={26} />}
        emptyTitle="No sites yet"
        emptyText="Add the offices and delivery centres where work for you happens."
      >
        {items.map((s) => {
          const clock = siteClock(s.timeZone, s.workingHours, now);
          return (
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
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text fz="sm" fw={500}>
                    {clock.weekday} {clock.time}
                  </Text>
                  <Badge size="sm" color={clock.open ? "teal" : "gray"} variant="light">
                    {clock.open ? "Working" : "Off hours"}
                  </Badge>
                </Group>
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
          );
        })}
      </PartsCard>
      <SiteModal
        opened={editor.opened}
        site={editor.editing}
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
        The site is removed from this partner. The audit trail keeps a record.
      </ConfirmModal>
    </>
  );
}
