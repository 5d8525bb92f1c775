import { Button, Card, Stack } from "@mantine/core";
import { IconPlus, IconWebhook } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { DeliveriesDrawer } from "./DeliveriesDrawer";
import {
  type CreatedWebhookItem,
  type TestResult,
  useWebhookMutations,
  type WebhookItem,
  webhookListQuery,
} from "./queries";
import { SecretModal } from "./SecretModal";
import { TestResultModal } from "./TestResultModal";
import { WebhookModal } from "./WebhookModal";
import { WebhooksTable, WebhooksTableHead } from "./WebhooksTable";

/**
 * Outgoing webhooks (admins): where the organization's events are POSTed, signed with a secret
 * shown once at creation; each can be paused, tested and its delivery log inspected.
 */
export function WebhooksPage() {
  const me = useMe();
  const allowed = can(me, "webhook", "manage");
  const pages = useCursorPages("webhooks");
  const list = useQuery({ ...webhookListQuery(pages.cursor), enabled: allowed });
  const { update, remove, test } = useWebhookMutations();
  // `undefined`: modal closed; `null`: creating; a webhook: editing it.
  const [editing, setEditing] = useState<WebhookItem | null | undefined>(undefined);
  const [created, setCreated] = useState<CreatedWebhookItem | null>(null);
  const [deleting, setDeleting] = useState<WebhookItem | null>(null);
  const [viewing, setViewing] = useState<WebhookItem | null>(null);
  const [testResult, setTestResult] = useState<{ webhook: WebhookItem; outcome: TestResult } | null>(null);
  if (!allowed) return <Forbidden />;

  const items = list.data?.items ?? [];
  const toggle = (w: WebhookItem, active: boolean) =>
    update.mutate(
      { id: w.id, body: { active } },
      {
        onSuccess: () => notifySuccess(active ? "Webhook activated" : "Webhook paused", w.url),
        onError: (e) => notifyError(e, "Could not change the webhook"),
      },
    );
  const sendTest = (w: WebhookItem) =>
    test.mutate(w.id, {
      onSuccess: (outcome) => setTestResult({ webhook: w, outcome }),
      onError: (e) => notifyError(e, "Could not send the test"),
    });
  const confirmDelete = () =>
    deleting &&
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifySuccess("Webhook deleted", deleting.url);
        setDeleting(null);
      },
      onError: (e) => notifyError(e, "Could not delete the webhook"),
    });
  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      Add webhook
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send the organization's events (deadlines, reviews, KPI alerts) to other systems as signed HTTP POSTs."
        actions={addButton}
      />
      <Card p={0} className="table-card">
        {list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load webhooks" />
          </Stack>
        ) : !list.isPending && items.length === 0 && pages.page === 1 ? (
          <Empty
            icon={<IconWebhook size={28} />}
            title="No webhooks yet"
            description="Add one to push notice deadlines, due reviews and KPI alerts into your ticketing or chat tools."
            actions={addButton}
          />
        ) : (
          <PagedTable
            minWidth={980}
            head={<WebhooksTableHead />}
            firstLoad={list.isPending}
            stale={list.isPlaceholderData}
            columns={6}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              loading: list.isFetching,
            }}
          >
            <WebhooksTable
              items={items}
              togglingId={update.isPending ? (update.variables?.id ?? null) : null}
              onToggle={toggle}
              onEdit={setEditing}
              onTest={sendTest}
              onDeliveries={setViewing}
              onDelete={setDeleting}
            />
          </PagedTable>
        )}
      </Card>
      <WebhookModal
        opened={editing !== undefined}
        webhook={editing ?? null}
        onClose={() => setEditing(undefined)}
        onCreated={setCreated}
      />
      <SecretModal webhook={created} onClose={() => setCreated(null)} />
      <DeliveriesDrawer
        webhook={viewing}
        onClose={() => setViewing(null)}
        onTest={sendTest}
        testing={test.isPending}
      />
      <TestResultModal result={testResult} onClose={() => setTestResult(null)} />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={confirmDelete}
        loading={remove.isPending}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
      >
        {deleting?.url} stops receiving events immediately and its delivery log is deleted. This cannot be
        undone.
      </ConfirmModal>
    </>
  );
}
