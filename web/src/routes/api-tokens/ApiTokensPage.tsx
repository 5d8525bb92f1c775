import { Badge, Button, Card, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKey, IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLE_LABELS } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { ApiToken, CreatedApiToken } from "../../api/types";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, TableSkeleton } from "../../components/States";
import { formatDate, formatDateTime, fromNow } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { CreateTokenModal, TokenRevealModal } from "./TokenModals";

function tokenState(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: "Revoked", color: "gray" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "Expired", color: "orange" };
  return { label: "Active", color: "teal" };
}

/** API tokens for integrations: create (secret shown once), list and revoke. */
export function ApiTokensPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const pages = useCursorPages("tokens");
  const tokens = useQuery({
    queryKey: ["api-tokens", pages.cursor],
    queryFn: () =>
      unwrap(api.GET("/api/v1/api-tokens", { params: { query: { limit: 25, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
    enabled: can(me, "apiToken", "read"),
  });
  const [createOpened, createModal] = useDisclosure();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/api-tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["api-tokens"] });
      notifySuccess("Token revoked", revoking?.name);
      setRevoking(null);
    },
    onError: (e) => notifyError(e, "Could not revoke the token"),
  });
  if (!can(me, "apiToken", "read")) return <Forbidden />;
  const items = tokens.data?.items ?? [];
  const createButton = can(me, "apiToken", "create") && me.via === "session" && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      Create token
    </Button>
  );
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          can(me, "apiToken", "manageAll")
            ? "Tokens let integrations call the Outsight API. You see every token in the organization."
            : "Tokens let your integrations call the Outsight API. You see the tokens you created."
        }
        actions={createButton}
      />
      <Card p={0} className="table-card">
        {tokens.isError ? (
          <Stack p="md">
            <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
          </Stack>
        ) : !tokens.isPending && items.length === 0 && pages.page === 1 ? (
          <Empty
            icon={<IconKey size={26} />}
            title="No API tokens yet"
            description="Create one for each integration, so each can be revoked on its own."
            actions={createButton || undefined}
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table className="data-table">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Token</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.isPending ? (
                    <TableSkeleton rows={4} cols={8} />
                  ) : (
                    items.map((t) => {
                      const state = tokenState(t);
                      return (
                        <Table.Tr key={t.id} opacity={state.label === "Active" ? 1 : 0.65}>
                          <Table.Td fw={600} fz="sm">
                            {t.name}
                          </Table.Td>
                          <Table.Td>
                            <Text className="mono" size="sm">
                              {t.prefix}…
                            </Text>
                          </Table.Td>
                          <Table.Td fz="sm">{ROLE_LABELS[t.role]}</Table.Td>
                          <Table.Td fz="sm">
                            <Tooltip label={formatDateTime(t.createdAt)}>
                              <span>{formatDate(t.createdAt)}</span>
                            </Tooltip>
                            <Text size="xs" c="dimmed">
                              by {t.createdBy.name}
                            </Text>
                          </Table.Td>
                          <Table.Td fz="sm">{t.expiresAt ? formatDate(t.expiresAt) : "Never"}</Table.Td>
                          <Table.Td fz="sm" c="dimmed">
                            {t.lastUsedAt ? fromNow(t.lastUsedAt) : "Never"}
                          </Table.Td>
                          <Table.Td>
                            <Badge color={state.color} variant="dot">
                              {state.label}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">
                            {!t.revokedAt && can(me, "apiToken", "revoke") && (
                              <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(t)}>
                                Revoke
                              </Button>
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
              nextCursor={tokens.data?.nextCursor}
              count={items.length}
              loading={tokens.isFetching}
            />
          </>
        )}
      </Card>
      <CreateTokenModal me={me} opened={createOpened} onClose={createModal.close} onCreated={setCreated} />
      <TokenRevealModal token={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        loading={revoke.isPending}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
      >
        Integrations using this token stop working immediately. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
