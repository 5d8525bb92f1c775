import { Avatar, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch, IconUsers } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Role, StaffRole } from "../../../../domain/roles";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { User } from "../../api/types";
import { useMe } from "../../api/useMe";
import { initials } from "../../components/ActivityFeed";
import { ConfirmModal } from "../../components/ConfirmModal";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { Empty, ErrorState, TableSkeleton } from "../../components/States";
import { fromNow } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { PartnerLink } from "./PartnerLink";
import { ROLE_OPTIONS } from "./UserModal";

/** The people of the organization (staff and partner users): change role, deactivate, reactivate. */
export function UsersTab() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>("true");
  const filters = {
    q: q || undefined,
    role: (role ?? undefined) as Role | undefined,
    active: (status ?? undefined) as "true" | "false" | undefined,
  };
  const pages = useCursorPages(JSON.stringify(filters));
  const users = useQuery({
    queryKey: ["users", "list", filters, pages.cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users", { params: { query: { ...filters, limit: 25, cursor: pages.cursor } } }),
      ),
    placeholderData: keepPreviousData,
    enabled: can(me, "user", "read"),
  });
  const [toggling, setToggling] = useState<User | null>(null);
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { role?: StaffRole; active?: boolean } }) =>
      unwrap(api.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body })),
    onSuccess: (u, { body }) => {
      void queryClient.invalidateQueries({ queryKey: ["users"] });
      notifySuccess(
        body.active === undefined ? "Role changed" : u.active ? "User reactivated" : "User deactivated",
        u.name,
      );
      setToggling(null);
    },
    onError: (e) => {
      notifyError(e, "Could not update the user");
      setToggling(null);
    },
  });
  const items = users.data?.items ?? [];
  return (
    <>
      <Group p="md" gap="sm" style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}>
        <TextInput
          placeholder="Search name, email or partner"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
          aria-label="Search users"
        />
        <Select
          placeholder="Any role"
          data={[...ROLE_OPTIONS, { value: "partner", label: "Partner user" }]}
          value={role}
          onChange={setRole}
          clearable
          w={200}
          aria-label="Role"
        />
        <Select
          data={[
            { value: "true", label: "Active" },
            { value: "false", label: "Deactivated" },
          ]}
          placeholder="Any status"
          value={status}
          onChange={setStatus}
          clearable
          w={160}
          aria-label="Status"
        />
      </Group>
      {users.isError ? (
        <Stack p="md">
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        </Stack>
      ) : !users.isPending && items.length === 0 ? (
        <Empty
          icon={<IconUsers size={26} />}
          title="No users match"
          description="Change the filters to see more people."
        />
      ) : (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table className="data-table">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>User</Table.Th>
                  <Table.Th w={220}>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last sign-in</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.isPending ? (
                  <TableSkeleton rows={5} cols={5} />
                ) : (
                  items.map((u) => {
                    const self = u.id === me.user.id;
                    const editable = can(me, "user", "update") && !self && u.role !== "partner";
                    return (
                      <Table.Tr key={u.id} opacity={u.active ? 1 : 0.6}>
                        <Table.Td>
                          <Group gap="sm" wrap="nowrap">
                            <Avatar radius="xl" size={32} color={u.active ? "brand" : "gray"}>
                              {initials(u.name)}
                            </Avatar>
                            <div>
                              <Text size="sm" fw={600}>
                                {u.name}{" "}
                                {self && (
                                  <Badge size="xs" ml={4}>
                                    You
                                  </Badge>
                                )}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {u.email}
                              </Text>
                              {u.partner && (
                                <Text size="xs">
                                  Answers for <PartnerLink partner={u.partner} size="xs" />
                                </Text>
                              )}
                            </div>
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Select
                            size="xs"
                            data={
                              u.role === "partner"
                                ? [{ value: "partner", label: "Partner user" }]
                                : ROLE_OPTIONS
                            }
                            value={u.role}
                            disabled={!editable || update.isPending}
                            allowDeselect={false}
                            aria-label={`Role of ${u.name}`}
                            onChange={(r) =>
                              r && r !== u.role && update.mutate({ id: u.id, body: { role: r as StaffRole } })
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <Badge color={u.active ? "teal" : "gray"} variant="dot">
                            {u.active ? "Active" : "Deactivated"}
                          </Badge>
                        </Table.Td>
                        <Table.Td fz="sm" c="dimmed">
                          {u.lastLoginAt ? fromNow(u.lastLoginAt) : "Never"}
                        </Table.Td>
                        <Table.Td ta="right">
                          {editable && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color={u.active ? "red" : "brand"}
                              onClick={() => setToggling(u)}
                            >
                              {u.active ? "Deactivate" : "Reactivate"}
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
            nextCursor={users.data?.nextCursor}
            count={items.length}
            loading={users.isFetching}
          />
        </>
      )}
      <ConfirmModal
        opened={toggling !== null}
        onClose={() => setToggling(null)}
        onConfirm={() => toggling && update.mutate({ id: toggling.id, body: { active: !toggling.active } })}
        loading={update.isPending}
        danger={toggling?.active}
        title={toggling?.active ? `Deactivate ${toggling.name}?` : `Reactivate ${toggling?.name ?? ""}?`}
        confirmLabel={toggling?.active ? "Deactivate" : "Reactivate"}
      >
        {toggling?.active
          ? "They are signed out everywhere and can no longer sign in. Their history stays in the audit trail."
          : "They can sign in again with their existing password."}
      </ConfirmModal>
    </>
  );
}
