import { Button, Card } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLock, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ConfirmModal } from "../../components/ConfirmModal";
import { useCursorPages } from "../../components/CursorPager";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { Empty, ErrorState, Forbidden, NoMatches } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { ndasRoute } from "../../router";
import { NdaFormModal } from "./NdaFormModal";
import { NdasTable, NdasTableHead } from "./NdasTable";
import { NdasToolbar } from "./NdasToolbar";
import { type Nda, ndaKeys, ndaListQuery } from "./queries";
import { hasFilters, type NdasSearch } from "./search";

/** The NDA register: filters, server-side sort, cursor pages, new, edit and delete. */
export function NdasPage() {
  const me = useMe();
  const search = ndasRoute.useSearch();
  const navigate = useNavigate({ from: "/ndas" });
  const queryClient = useQueryClient();
  const pages = useCursorPages(JSON.stringify(search));
  const allowed = can(me, "nda", "read");
  const list = useQuery({ ...ndaListQuery(search, pages.cursor), enabled: allowed });
  const [formOpened, form] = useDisclosure();
  const [editing, setEditing] = useState<Nda | null>(null);
  const [deleting, setDeleting] = useState<Nda | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/ndas/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      notifySuccess("NDA deleted", deleting?.partner.name);
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ndaKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the NDA"),
  });
  const pageSize = search.limit ?? 25;

  const setSearch = (patch: Partial<NdasSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const clear = () => navigate({ search: { sort: search.sort, limit: search.limit } });
  if (!allowed) return <Forbidden />;

  const items = list.data?.items ?? [];
  const firstLoad = list.isPending;
  const isEmpty = !firstLoad && !list.isError && items.length === 0;
  const canCreate = can(me, "nda", "create");
  const openNew = () => {
    setEditing(null);
    form.open();
  };
  const newButton = canCreate && (
    <Button leftSection={<IconPlus size={16} />} onClick={openNew}>
      New NDA
    </Button>
  );

  return (
    <>
      <PageHeader
        title="NDAs"
        description="Which partners are bound to confidentiality, on what, until when, and who signed."
        actions={newButton}
      />
      <Card p={0} className="table-card">
        <NdasToolbar search={search} onChange={setSearch} onClear={clear} />
        {list.isError ? (
          <div style={{ padding: "var(--mantine-spacing-md)" }}>
            <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load NDAs" />
          </div>
        ) : isEmpty && !hasFilters(search) && pages.page === 1 ? (
          <Empty
            icon={<IconLock size={28} />}
            title="No NDAs recorded yet"
            description="Record the non-disclosure agreements with your partners to see what they cover and be reminded before they expire."
            actions={newButton}
          />
        ) : isEmpty ? (
          <NoMatches title="No NDAs match" onClear={clear} />
        ) : (
          <PagedTable
            minWidth={1000}
            head={<NdasTableHead sort={search.sort ?? "expiryDate"} onSort={(sort) => setSearch({ sort })} />}
            firstLoad={firstLoad}
            stale={list.isPlaceholderData}
            columns={8}
            pager={{
              pages,
              nextCursor: list.data?.nextCursor,
              count: items.length,
              pageSize,
              onPageSize: (limit) => setSearch({ limit: limit === 25 ? undefined : limit }),
              loading: list.isFetching,
            }}
          >
            <NdasTable
              items={items}
              onEdit={
                can(me, "nda", "update")
                  ? (n) => {
                      setEditing(n);
                      form.open();
                    }
                  : undefined
              }
              onDelete={can(me, "nda", "delete") ? setDeleting : undefined}
            />
          </PagedTable>
        )}
      </Card>
      <NdaFormModal opened={formOpened} onClose={form.close} nda={editing} />
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        loading={remove.isPending}
        title={`Delete the NDA with ${deleting?.partner.name ?? "this partner"}?`}
        confirmLabel="Delete NDA"
        danger
      >
        The NDA leaves the register and no more expiry reminders are sent. The audit trail keeps a record.
      </ConfirmModal>
    </>
  );
}
