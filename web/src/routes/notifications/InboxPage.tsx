import { Badge, Button, Card, Checkbox, Group, Select, Stack, Tabs, Text } from "@mantine/core";
import { IconBellOff, IconChecks, IconConfetti, IconSettings } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { NotificationType } from "../../../../domain/notifications";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches } from "../../components/States";
import { notifyError } from "../../lib/notify";
import { InboxList, InboxSkeleton } from "./InboxList";
import { type InboxFilters, inboxQuery, type Notification, unreadCountQuery, useMarkRead } from "./queries";
import { TYPE_OPTIONS } from "./TypeIcon";

const PAGE_SIZE = 25;

/**
 * The inbox: unread or all notifications, filtered by type, with single, selected and
 * mark-all-read actions and cursor pages.
 */
export function InboxPage() {
  const me = useMe();
  const navigate = useNavigate();
  const allowed = can(me, "notification", "read");
  const [filters, setFilters] = useState<InboxFilters>({ unread: true, type: null });
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const pages = useCursorPages(JSON.stringify([filters, pageSize]));
  const list = useQuery({ ...inboxQuery(filters, pages.cursor, pageSize), enabled: allowed });
  const count = useQuery({ ...unreadCountQuery, enabled: allowed });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pendingIds, setPendingIds] = useState<Set<string>>(new Set());
  const markRead = useMarkRead();
  if (!allowed) return <Forbidden />;

  const items = list.data?.items ?? [];
  const unread = count.data?.unread ?? list.data?.unread ?? 0;
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;
  // Selection only ever covers rows on screen; ids from another page or filter are dropped.
  const visibleSelected = items.filter((n) => selected.has(n.id)).map((n) => n.id);
  const selectedUnread = items.filter((n) => selected.has(n.id) && !n.readAt).map((n) => n.id);

  const setFilter = (patch: Partial<InboxFilters>) => {
    setSelected(new Set());
    setFilters((f) => ({ ...f, ...patch }));
  };
  const mark = (ids: string[]) => {
    setPendingIds(new Set(ids));
    markRead.mutate(
      { ids },
      {
        onSuccess: () => setSelected(new Set()),
        onError: (e) => notifyError(e, "Could not mark them read"),
        onSettled: () => setPendingIds(new Set()),
      },
    );
  };
  const markAll = () =>
    markRead.mutate(
      { all: true },
      {
        // On the Unread tab every row is about to vanish: start again from the first page.
        onSuccess: () => {
          setSelected(new Set());
          pages.reset();
        },
        onError: (e) => notifyError(e, "Could not mark all read"),
      },
    );
  const open = (n: Notification) => {
    if (!n.readAt) mark([n.id]);
    if (n.link) void navigate({ href: n.link });
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allChecked = items.length > 0 && visibleSelected.length === items.length;

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Deadlines, due reviews and KPI alerts that concern you."
        actions={
          <>
            <Button
              component={Link}
              to="/account/notifications"
              variant="default"
              leftSection={<IconSettings size={16} />}
            >
              Preferences
            </Button>
            <Button
              leftSection={<IconChecks size={16} />}
              onClick={markAll}
              disabled={unread === 0}
              loading={markRead.isPending && pendingIds.size === 0}
            >
              Mark all read
            </Button>
          </>
        }
      />
      <Card p={0} className="table-card">
        <Group justify="space-between" px="md" pt="xs" wrap="wrap" gap="sm">
          <Tabs
            value={filters.unread ? "unread" : "all"}
            onChange={(v) => setFilter({ unread: v === "unread" })}
            variant="default"
          >
            <Tabs.List style={{ borderBottom: 0 }}>
              <Tabs.Tab
                value="unread"
                rightSection={
                  unread > 0 && (
                    <Badge size="sm" variant="filled" circle={unread < 10}>
                      {unread > 99 ? "99+" : unread}
                    </Badge>
                  )
                }
              >
                Unread
              </Tabs.Tab>
              <Tabs.Tab value="all">All</Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <Select
            size="sm"
            w={230}
            placeholder="All types"
            aria-label="Type"
            data={TYPE_OPTIONS}
            value={filters.type}
            onChange={(v) => setFilter({ type: (v as NotificationType | null) ?? null })}
            clearable
          />
        </Group>
        {items.length > 0 && (
          <Group
            px="md"
            py={8}
            gap="sm"
            bg="gray.0"
            style={{ borderBlock: "1px solid var(--mantine-color-gray-2)" }}
          >
            <Checkbox
              size="sm"
              checked={allChecked}
              indeterminate={visibleSelected.length > 0 && !allChecked}
              onChange={() => setSelected(new Set(allChecked ? [] : items.map((n) => n.id)))}
              aria-label="Select all on this page"
            />
            <Text size="sm" c="dimmed">
              {visibleSelected.length > 0 ? `${visibleSelected.length} selected` : "Select"}
            </Text>
            {visibleSelected.length > 0 && (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconChecks size={14} />}
                disabled={selectedUnread.length === 0}
                loading={markRead.isPending && pendingIds.size > 1}
                onClick={() => mark(selectedUnread)}
              >
                Mark selected read
              </Button>
            )}
          </Group>
        )}
        {list.isError ? (
          <Stack p="md">
            <ErrorState
              error={list.error}
              onRetry={() => list.refetch()}
              title="Could not load notifications"
            />
          </Stack>
        ) : firstLoad ? (
          <InboxSkeleton />
        ) : isEmpty && filters.type ? (
          <NoMatches
            title="Nothing of this type"
            description={filters.unread ? "No unread notification of this type." : undefined}
            onClear={() => setFilter({ type: null })}
          />
        ) : isEmpty && filters.unread && pages.page === 1 ? (
          <Empty
            icon={<IconConfetti size={28} />}
            title="You're all caught up"
            description="No unread notifications. New deadlines and alerts will appear here."
            actions={
              <Button variant="default" onClick={() => setFilter({ unread: false })}>
                Show all
              </Button>
            }
          />
        ) : isEmpty && pages.page === 1 ? (
          <Empty
            icon={<IconBellOff size={28} />}
            title="No notifications yet"
            description="Outsight tells you here about notice deadlines, due obligations and reviews, and KPI alerts."
          />
        ) : (
          <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}>
            <InboxList
              items={items}
              selected={selected}
              onToggle={toggle}
              onOpen={open}
              onMarkRead={(n) => mark([n.id])}
              pendingIds={pendingIds}
            />
            <CursorPager
              pages={pages}
              nextCursor={list.data?.nextCursor}
              count={items.length}
              pageSize={pageSize}
              onPageSize={setPageSize}
              loading={list.isFetching}
            />
          </div>
        )}
      </Card>
    </>
  );
}
