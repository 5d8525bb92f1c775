import { ActionIcon, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconHistory } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Fragment, useState } from "react";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { AuditEvent } from "../../api/types";
import { useMe } from "../../api/useMe";
import { AuditChanges } from "../../components/AuditChanges";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, TableSkeleton } from "../../components/States";
import { describeAction, entityLabel } from "../../lib/audit";
import { formatDateTime, fromNow } from "../../lib/format";
import { auditRoute } from "../../router";
import { AuditFilters } from "./AuditFilters";
import { VerifyChain } from "./VerifyChain";

/** The record an event is about, linked where the UI has a page for it. */
function EntityCell({ e }: { e: AuditEvent }) {
  const partnerId = e.entityType === "partner" ? e.entityId : e.relatedIds[0];
  const label = entityLabel(e.entityType).replace(/^./, (c) => c.toUpperCase());
  if (
    partnerId &&
    ["partner", "site", "service", "contact", "subcontractor"].includes(e.entityType) &&
    e.action !== "partner.delete"
  ) {
    return (
      <Anchor component={Link} to={`/partners/${partnerId}`} size="sm" onClick={(ev) => ev.stopPropagation()}>
        {label}
      </Anchor>
    );
  }
  return <Text size="sm">{label}</Text>;
}

function Details({ e }: { e: AuditEvent }) {
  return (
    <Stack gap="sm" p="md" bg="gray.0">
      <AuditChanges before={e.before} after={e.after} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Text size="xs" c="dimmed">
          Record id: <span className="mono">{e.entityId ?? "—"}</span>
        </Text>
        <Text size="xs" c="dimmed">
          Request id: <span className="mono">{e.requestId ?? "—"}</span>
        </Text>
        <Text size="xs" c="dimmed">
          IP address: <span className="mono">{e.ip ?? "—"}</span>
        </Text>
      </SimpleGrid>
    </Stack>
  );
}

/** The organization's audit trail: filterable, with before/after of each event and chain verification. */
export function AuditPage() {
  const me = useMe();
  const search = auditRoute.useSearch();
  const navigate = useNavigate({ from: "/admin/audit" });
  const pages = useCursorPages(JSON.stringify(search));
  const [open, setOpen] = useState<Set<string>>(new Set());
  const events = useQuery({
    queryKey: ["audit-events", "log", search, pages.cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/audit-events", {
          params: { query: { ...search, limit: 50, cursor: pages.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: can(me, "audit", "read"),
  });
  if (!can(me, "audit", "read")) return <Forbidden />;
  const items = events.data?.items ?? [];
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and token use, chained by hashes so tampering shows."
        actions={<VerifyChain />}
      />
      <Card p={0} className="table-card">
        <AuditFilters search={search} onChange={(next) => navigate({ search: next, replace: true })} />
        {events.isError ? (
          <Stack p="md">
            <ErrorState error={events.error} onRetry={() => events.refetch()} />
          </Stack>
        ) : !events.isPending && items.length === 0 ? (
          <Empty
            icon={<IconHistory size={26} />}
            title="No events match"
            description="Widen the date range or clear the filters."
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table className="data-table" style={{ opacity: events.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th w={36} />
                    <Table.Th w={70}>#</Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>Record</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.isPending ? (
                    <TableSkeleton rows={8} cols={6} />
                  ) : (
                    items.map((e) => {
                      const expanded = open.has(e.id);
                      return (
                        <Fragment key={e.id}>
                          <Table.Tr className="row-link" onClick={() => toggle(e.id)}>
                            <Table.Td>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                size="sm"
                                aria-label={expanded ? "Hide details" : "Show details"}
                                aria-expanded={expanded}
                              >
                                {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                              </ActionIcon>
                            </Table.Td>
                            <Table.Td fz="sm" c="dimmed" className="mono">
                              {e.seq}
                            </Table.Td>
                            <Table.Td fz="sm">
                              <Text size="sm">{formatDateTime(e.at)}</Text>
                              <Text size="xs" c="dimmed">
                                {fromNow(e.at)}
                              </Text>
                            </Table.Td>
                            <Table.Td fz="sm">
                              <Group gap={6} wrap="nowrap">
                                <span>{e.actor.name ?? "System"}</span>
                                {e.actor.type !== "user" && (
                                  <Badge size="xs" color={e.actor.type === "token" ? "violet" : "gray"}>
                                    {e.actor.type === "token" ? "API token" : "System"}
                                  </Badge>
                                )}
                              </Group>
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {describeAction(e.action, e.entityType)}
                              </Text>
                              <Text size="xs" c="dimmed" className="mono">
                                {e.action}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <EntityCell e={e} />
                            </Table.Td>
                          </Table.Tr>
                          {expanded && (
                            <Table.Tr>
                              <Table.Td colSpan={6} p={0}>
                                <Details e={e} />
                              </Table.Td>
                            </Table.Tr>
                          )}
                        </Fragment>
                      );
                    })
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <CursorPager
              pages={pages}
              nextCursor={events.data?.nextCursor}
              count={items.length}
              loading={events.isFetching}
            />
          </>
        )}
      </Card>
    </>
  );
}
