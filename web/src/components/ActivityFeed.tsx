import { Avatar, Button, Group, Skeleton, Stack, Text, Timeline, Tooltip } from "@mantine/core";
import { IconActivity, IconKey, IconRobot } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import type { AuditEvent, AuditQuery } from "../api/types";
import { describeAction } from "../lib/audit";
import { formatDateTime, fromNow } from "../lib/format";
import { AuditChanges } from "./AuditChanges";
import { Empty, ErrorState } from "./States";

/** Initials for an avatar ("Ada Lovelace" → "AL"). */
export function initials(name: string | null | undefined): string {
  if (!name) return "?";
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
}

function ActorAvatar({ actor }: { actor: AuditEvent["actor"] }) {
  if (actor.type === "system") {
    return (
      <Avatar size={26} radius="xl" color="gray">
        <IconRobot size={14} />
      </Avatar>
    );
  }
  if (actor.type === "token") {
    return (
      <Avatar size={26} radius="xl" color="violet">
        <IconKey size={14} />
      </Avatar>
    );
  }
  return (
    <Avatar size={26} radius="xl" color="brand" name={actor.name ?? undefined}>
      {initials(actor.name)}
    </Avatar>
  );
}

/** A record with its own history endpoint (readable by everyone who may read the record). */
export type HistoryOf = { kind: "risks" | "contracts" | "kpis" | "assessments"; id: string };

/** One page of a record's history. */
function loadHistory(of: HistoryOf, limit: number, cursor: string | undefined) {
  const params = { path: { id: of.id }, query: { limit, cursor } };
  if (of.kind === "kpis") return unwrap(api.GET("/api/v1/kpis/{id}/history", { params }));
  if (of.kind === "assessments") return unwrap(api.GET("/api/v1/assessments/{id}/history", { params }));
  return of.kind === "risks"
    ? unwrap(api.GET("/api/v1/risks/{id}/history", { params }))
    : unwrap(api.GET("/api/v1/contracts/{id}/history", { params }));
}

/**
 * A timeline of audit events matching `filter` (e.g. `{ relatedTo: partnerId }`), or of one
 * record's history (`historyOf`): who did what, when, and which fields changed. Loads more on
 * demand.
 */
export function ActivityFeed({
  filter = {},
  historyOf,
  pageSize = 20,
  showChanges = true,
  hideSignIns = false,
}: {
  filter?: AuditQuery;
  historyOf?: HistoryOf;
  pageSize?: number;
  showChanges?: boolean;
  /** Leave out sign-in/sign-out events, which drown changes in a short feed. */
  hideSignIns?: boolean;
}) {
  const query = useInfiniteQuery({
    queryKey: ["audit-events", "feed", filter, historyOf, pageSize, hideSignIns],
    queryFn: ({ pageParam }) =>
      historyOf
        ? loadHistory(historyOf, pageSize, pageParam)
        : unwrap(
            api.GET("/api/v1/audit-events", {
              // Sign-ins are filtered out below, so read further back to still fill the feed.
              params: { query: { ...filter, limit: hideSignIns ? 50 : pageSize, cursor: pageParam } },
            }),
          ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  if (query.isPending) {
    return (
      <Stack gap="md">
        {[0, 1, 2, 3].map((i) => (
          <Group key={i} gap="sm" wrap="nowrap">
            <Skeleton circle height={26} />
            <Stack gap={6} style={{ flex: 1 }}>
              <Skeleton height={12} width="40%" />
              <Skeleton height={10} width="25%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const all = query.data.pages.flatMap((p) => p.items);
  const events = hideSignIns ? all.filter((e) => !e.action.startsWith("auth.")).slice(0, pageSize) : all;
  if (events.length === 0) {
    return (
      <Empty
        icon={<IconActivity size={26} />}
        title="No activity yet"
        description="Changes will appear here as people work."
      />
    );
  }
  return (
    <Stack gap="md">
      <Timeline bulletSize={26} lineWidth={2}>
        {events.map((e) => (
          <Timeline.Item key={e.id} bullet={<ActorAvatar actor={e.actor} />}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} size="sm">
                {e.actor.name ?? "System"}
              </Text>
              <Text size="sm" c="dimmed">
                {lowerFirst(describeAction(e.action, e.entityType))}
              </Text>
              {displayName(e) && (
                <Text size="sm" fw={500}>
                  {displayName(e)}
                </Text>
              )}
            </Group>
            <Tooltip label={formatDateTime(e.at)} openDelay={300}>
              <Text size="xs" c="dimmed" mt={2} w="fit-content">
                {fromNow(e.at)}
              </Text>
            </Tooltip>
            {showChanges && (e.before != null || e.after != null) && (
              <Stack mt={8}>
                <AuditChanges before={e.before} after={e.after} compact />
              </Stack>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {query.hasNextPage && !hideSignIns && (
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          Show older activity
        </Button>
      )}
    </Stack>
  );
}

/** "Revoked API token" → "revoked API token" (keeps acronyms intact, unlike toLowerCase). */
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The name of the record an event is about, when its before/after carries one. */
function displayName(e: AuditEvent): string | null {
  for (const v of [e.after, e.before]) {
    if (!v || typeof v !== "object") continue;
    const r = v as { name?: unknown; subcontractor?: { name?: unknown } };
    if (typeof r.name === "string") return r.name;
    if (typeof r.subcontractor?.name === "string") return r.subcontractor.name;
  }
  return null;
}
