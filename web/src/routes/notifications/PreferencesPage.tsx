import { Alert, Button, Card, Group, Stack, Switch, Table, Text } from "@mantine/core";
import { IconDeviceDesktop, IconInfoCircle, IconMail } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import {
  NOTIFICATION_TYPE_LABELS,
  NOTIFICATION_TYPES,
  type NotificationPreference,
  type NotificationType,
} from "../../../../domain/notifications";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden, TableSkeleton } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { preferencesQuery, useSavePreferences } from "./queries";
import { TypeIcon } from "./TypeIcon";

type Choices = Record<NotificationType, { inApp: boolean; email: boolean }>;
type Channel = "inApp" | "email";

const toChoices = (items: NotificationPreference[]): Choices =>
  Object.fromEntries(items.map((p) => [p.type, { inApp: p.inApp, email: p.email }])) as Choices;

/** The lines whose switches differ from what the server holds: only those are sent. */
function changedLines(saved: Choices, draft: Choices): NotificationPreference[] {
  return NOTIFICATION_TYPES.filter(
    (t) => draft[t] && (draft[t].inApp !== saved[t]?.inApp || draft[t].email !== saved[t]?.email),
  ).map((t) => ({ type: t, ...draft[t] }));
}

/** The signed-in user's choice of channels (in-app, email) for each type of notification. */
export function PreferencesPage() {
  const me = useMe();
  const allowed = can(me, "notification", "read");
  const prefs = useQuery({ ...preferencesQuery, enabled: allowed });
  const save = useSavePreferences();
  const [draft, setDraft] = useState<Choices | null>(null);
  // The draft restarts from the server's answer after a load or a save.
  useEffect(() => {
    if (prefs.data) setDraft(toChoices(prefs.data.items));
  }, [prefs.data]);
  if (!allowed) return <Forbidden />;

  const saved = prefs.data ? toChoices(prefs.data.items) : null;
  const changes = saved && draft ? changedLines(saved, draft) : [];
  const types = NOTIFICATION_TYPES.filter((t) => draft?.[t]);
  const set = (type: NotificationType, channel: Channel, value: boolean) =>
    setDraft((d) => (d ? { ...d, [type]: { ...d[type], [channel]: value } } : d));
  const setColumn = (channel: Channel, value: boolean) =>
    setDraft((d) =>
      d ? (Object.fromEntries(types.map((t) => [t, { ...d[t], [channel]: value }])) as Choices) : d,
    );
  const columnState = (channel: Channel) => {
    const on = types.filter((t) => draft?.[t][channel]).length;
    return on === types.length && on > 0;
  };
  const submit = () =>
    save.mutate(
      { items: changes },
      {
        onSuccess: () => notifySuccess("Preferences saved"),
        onError: (e) => notifyError(e, "Could not save your preferences"),
      },
    );

  const columnHeader = (channel: Channel, label: string, icon: ReactNode) => {
    return (
      <Table.Th w={130}>
        <Stack gap={6} align="center">
          <Group gap={6} wrap="nowrap">
            {icon}
            <span>{label}</span>
          </Group>
          <Switch
            size="xs"
            checked={columnState(channel)}
            aria-label={`${label}: all types`}
            onChange={(e) => setColumn(channel, e.currentTarget.checked)}
            disabled={!draft}
          />
        </Stack>
      </Table.Th>
    );
  };

  return (
    <>
      <PageHeader
        title="Notification settings"
        description="Choose how Outsight tells you about each kind of event. These settings are yours alone."
        crumbs={[{ label: "Account", to: "/account" }, { label: "Notifications" }]}
      />
      {prefs.data && !prefs.data.emailEnabled && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md" title="Email is off">
          No mail server configured (SMTP_URL): email choices are kept and apply once one is set.
        </Alert>
      )}
      <Card p={0} className="table-card">
        {prefs.isError ? (
          <Stack p="md">
            <ErrorState
              error={prefs.error}
              onRetry={() => prefs.refetch()}
              title="Could not load your settings"
            />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table className="data-table" verticalSpacing="sm">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  {columnHeader("inApp", "In-app", <IconDeviceDesktop size={16} />)}
                  {columnHeader("email", "Email", <IconMail size={16} />)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!draft ? (
                  <TableSkeleton rows={NOTIFICATION_TYPES.length} cols={3} />
                ) : (
                  types.map((t) => (
                    <Table.Tr key={t}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <TypeIcon type={t} size={32} />
                          <Stack gap={0}>
                            <Text size="sm" fw={600}>
                              {NOTIFICATION_TYPE_LABELS[t].label}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {NOTIFICATION_TYPE_LABELS[t].description}
                            </Text>
                          </Stack>
                        </Group>
                      </Table.Td>
                      {(["inApp", "email"] as const).map((channel) => (
                        <Table.Td key={channel}>
                          <Group justify="center">
                            <Switch
                              checked={draft[t][channel]}
                              onChange={(e) => set(t, channel, e.currentTarget.checked)}
                              aria-label={`${NOTIFICATION_TYPE_LABELS[t].label}: ${channel === "inApp" ? "in-app" : "email"}`}
                            />
                          </Group>
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group
          justify="space-between"
          px="md"
          py="sm"
          style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }}
        >
          <Text size="sm" c="dimmed">
            {changes.length > 0
              ? `${changes.length} unsaved ${changes.length === 1 ? "change" : "changes"}`
              : "Changes apply to notifications from now on."}
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              disabled={changes.length === 0}
              onClick={() => saved && setDraft(saved)}
            >
              Discard
            </Button>
            <Button onClick={submit} disabled={changes.length === 0} loading={save.isPending}>
              Save preferences
            </Button>
          </Group>
        </Group>
      </Card>
    </>
  );
}
