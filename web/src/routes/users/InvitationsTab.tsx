import { Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconMailForward } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { PartnerSelect } from "../../components/PartnerSelect";
import { Empty, ErrorState, TableSkeleton } from "../../components/States";
import { formatDateTime, fromNow } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { InviteResultModal } from "./InviteResult";
import { PartnerLink } from "./PartnerLink";
import type { CreatedInvitation, Invitation, InvitationStatus } from "./types";

const STATUS: Record<InvitationStatus, { label: string; color: string }> = {
  pending: { label: "Pending", color: "blue" },
  accepted: { label: "Accepted", color: "teal" },
  expired: { label: "Expired", color: "orange" },
  revoked: { label: "Revoked", color: "gray" },
};

const EMAIL: Record<Invitation["emailStatus"], { label: string; color: string }> = {
  sent: { label: "Emailed", color: "teal" },
  failed: { label: "Email failed", color: "red" },
  not_configured: { label: "Link only", color: "gray" },
};

/** Invitations of partner users: pending first by default, with resend and revoke. */
export function InvitationsTab() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>("pending");
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const filters = {
    status: (status ?? undefined) as InvitationStatus | undefined,
    partnerId: partnerId ?? undefined,
  };
  const pages = useCursorPages(JSON.stringify(filters));
  const list = useQuery({
    queryKey: ["invitations", "list", filters, pages.cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/invitations", {
          params: { query: { ...filters, limit: 25, cursor: pages.cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const [resent, setResent] = useState<CreatedInvitation | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const resend = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/invitations/{id}/resend", { params: { path: { id } } })),
    onSuccess: (inv) => {
      void queryClient.invalidateQueries({ queryKey: ["invitations"] });
      setResent(inv);
    },
    onError: (e) => notifyError(e, "Could not resend the invitation"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/invitations/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["invitations"] });
      notifySuccess(
        "Invitation revoked",
        revoking ? `The link sent to ${revoking.email} no longer works.` : undefined,
      );
      setRevoking(null);
    },
    onError: (e) => {
      notifyError(e, "Could not revoke the invitation");
      setRevoking(null);
    },
  });
  const items = list.data?.items ?? [];
  const canCreate = can(me, "invitation", "create");
  const canRevoke = can(me, "invitation", "revoke");
  return (
    <>
      <Group p="md" gap="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <Select
          placeholder="Any status"
          data={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))}
          value={status}
          onChange={setStatus}
          clearable
          w={180}
          aria-label="Invitation status"
        />
        <PartnerSelect
          placeholder="Any partner"
          value={partnerId}
          onChange={(id) => setPartnerId(id)}
          w={260}
          aria-label="Partner"
        />
      </Group>
      {list.isError ? (
        <Stack p="md">
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        </Stack>
      ) : !list.isPending && items.length === 0 ? (
        <Empty
          icon={<IconMailForward size={26} />}
          title={status === "pending" && !partnerId ? "No pending invitations" : "No invitations match"}
          description="Invite a partner's contact to answer questionnaires in the partner portal."
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table className="data-table">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Person</Table.Th>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Invited</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.isPending ? (
                  <TableSkeleton rows={4} cols={6} />
                ) : (
                  items.map((i) => {
                    const open = i.status === "pending" || i.status === "expired";
                    return (
                      <Table.Tr key={i.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {i.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {i.email}
                          </Text>
                        </Table.Td>
                        <Table.Td fz="sm">
                          <PartnerLink partner={i.partner} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            <Badge color={STATUS[i.status].color} variant="light">
                              {STATUS[i.status].label}
                            </Badge>
                            {i.status !== "accepted" && (
                              <Badge color={EMAIL[i.emailStatus].color} variant="dot">
                                {EMAIL[i.emailStatus].label}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td fz="sm" c="dimmed">
                          {i.status === "accepted" ? (
                            `Accepted ${fromNow(i.acceptedAt)}`
                          ) : (
                            <Tooltip label={formatDateTime(i.expiresAt)} withArrow>
                              <span>{fromNow(i.expiresAt)}</span>
                            </Tooltip>
                          )}
                        </Table.Td>
                        <Table.Td fz="sm" c="dimmed">
                          {fromNow(i.createdAt)}
                          {i.invitedBy && ` by ${i.invitedBy.name}`}
                        </Table.Td>
                        <Table.Td ta="right">
                          {open && (
                            <Group gap={4} justify="flex-end" wrap="nowrap">
                              {canCreate && (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  loading={resend.isPending && resend.variables === i.id}
                                  onClick={() => resend.mutate(i.id)}
                                >
                                  Resend
                                </Button>
                              )}
                              {canRevoke && (
                                <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(i)}>
                                  Revoke
                                </Button>
                              )}
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <CursorPager
            pages={pages}
            nextCursor={list.data?.nextCursor}
            count={items.length}
            loading={list.isFetching}
          />
        </>
      )}
      <InviteResultModal invitation={resent} onClose={() => setResent(null)} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        loading={revoke.isPending}
        danger
        title={`Revoke the invitation of ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke"
      >
        The link sent to {revoking?.email} stops working. You can invite them again later.
      </ConfirmModal>
    </>
  );
}
