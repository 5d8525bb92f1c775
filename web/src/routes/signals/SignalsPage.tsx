import { Alert, Button, Card, Group, Select, Skeleton, Stack, Tabs } from "@mantine/core";
import { IconBolt, IconFilterOff, IconRefresh, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { SIGNAL_STATUSES, type SignalStatus } from "../../../../domain/signals/api";
import { api, unwrap } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { PageHeader } from "../../components/PageHeader";
import { PartnerSelect } from "../../components/PartnerSelect";
import { Empty, ErrorState, Forbidden } from "../../components/States";
import { notifyError, notifySuccess } from "../../lib/notify";
import { SIGNAL_STATUS_LABELS } from "../../lib/risks";
import { signalsRoute } from "../../router";
import { partnerQuery } from "../partners/queries";
import { categoriesQuery, riskKeys } from "../risks/queries";
import { DismissModal } from "./DismissModal";
import { type RiskSignal, signalKeys, signalListQuery, signalRulesQuery } from "./queries";
import { SignalCard } from "./SignalCard";
import type { SignalsSearch } from "./search";

const PAGE_SIZE = 20;

/** What one evaluation did, in a sentence. */
function describeRun(r: {
  raised: number;
  reopened: number;
  updated: number;
  resolved: number;
  unchanged: number;
  durationMs: number;
}) {
  return `${r.raised} raised, ${r.reopened} reopened, ${r.updated} updated, ${r.resolved} resolved, ${r.unchanged} unchanged (${Math.round(r.durationMs)} ms)`;
}

/**
 * The signals inbox: risks the engine proposes from facts already in Outsight, by status, with
 * their explanation and facts; accept one into the register or dismiss it with a reason.
 */
export function SignalsPage() {
  const me = useMe();
  const search = signalsRoute.useSearch();
  const navigate = useNavigate({ from: "/signals" });
  const queryClient = useQueryClient();
  const status: SignalStatus = search.status ?? "open";
  const allowed = can(me, "riskSignal", "read");
  const pages = useCursorPages(JSON.stringify(search));
  const list = useQuery({ ...signalListQuery(search, pages.cursor, PAGE_SIZE), enabled: allowed });
  const rules = useQuery({ ...signalRulesQuery, enabled: allowed });
  const categories = useQuery({ ...categoriesQuery, enabled: allowed });
  const partner = useQuery({ ...partnerQuery(search.partnerId ?? ""), enabled: Boolean(search.partnerId) });
  const [dismissing, setDismissing] = useState<RiskSignal | null>(null);
  const [lastRun, setLastRun] = useState<string | null>(null);

  const setSearch = (patch: Partial<SignalsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const refreshAfterDecision = () => {
    void queryClient.invalidateQueries({ queryKey: riskKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["partners"] });
  };
  /** Puts the decided signal in place in the current page, so "View risk" appears where it was. */
  const replaceInPage = (signal: RiskSignal) =>
    queryClient.setQueryData(signalKeys.list(search, pages.cursor, PAGE_SIZE), (old: typeof list.data) =>
      old ? { ...old, items: old.items.map((s) => (s.id === signal.id ? signal : s)) } : old,
    );

  const accept = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/risk-signals/{id}/accept", { params: { path: { id } }, body: {} })),
    onSuccess: (result) => {
      notifySuccess("Signal accepted", "A risk was added to the register, linked to this signal.");
      replaceInPage(result.signal);
      refreshAfterDecision();
    },
    onError: (e) => notifyError(e, "Could not accept the signal"),
  });
  const dismiss = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST("/api/v1/risk-signals/{id}/dismiss", { params: { path: { id } }, body: { reason } })),
    onSuccess: (signal) => {
      notifySuccess("Signal dismissed", "It stays dismissed unless its facts change.");
      setDismissing(null);
      replaceInPage(signal);
      refreshAfterDecision();
    },
  });
  const evaluate = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/risk-signals/evaluate")),
    onSuccess: (result) => {
      setLastRun(describeRun(result));
      void queryClient.invalidateQueries({ queryKey: signalKeys.all });
      refreshAfterDecision();
    },
    onError: (e) => notifyError(e, "Could not re-evaluate the signals"),
  });

  if (!allowed) return <Forbidden />;
  const items = list.data?.items ?? [];
  const filtered = Boolean(search.partnerId || search.rule || search.categoryKey);
  const categoryOptions = (categories.data?.items ?? [])
    .filter((c) => c.key)
    .map((c) => ({ value: c.key as string, label: c.name }));

  return (
    <>
      <PageHeader
        title="Risk signals"
        description="Risks Outsight proposes from what it already knows: countries, data flows, overlap, concentration and gaps."
        actions={
          can(me, "riskSignal", "evaluate") && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={16} />}
              loading={evaluate.isPending}
              onClick={() => evaluate.mutate()}
            >
              Re-evaluate now
            </Button>
          )
        }
      />
      {lastRun && (
        <Alert
          color="teal"
          mb="md"
          withCloseButton
          onClose={() => setLastRun(null)}
          title="Signals re-evaluated"
        >
          {lastRun}
        </Alert>
      )}
      <Tabs
        value={status}
        onChange={(v) =>
          setSearch({ status: (v as SignalStatus) === "open" ? undefined : (v as SignalStatus) })
        }
        mb="md"
      >
        <Tabs.List>
          {SIGNAL_STATUSES.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {SIGNAL_STATUS_LABELS[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Card mb="md" p="sm">
        <Group gap="sm" wrap="wrap">
          <PartnerSelect
            placeholder="Partner"
            aria-label="Partner"
            w={220}
            value={search.partnerId ?? null}
            selectedName={partner.data?.name}
            onChange={(id) => setSearch({ partnerId: id ?? undefined })}
          />
          <Select
            placeholder="Rule"
            aria-label="Rule"
            w={260}
            clearable
            data={(rules.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
            value={search.rule ?? null}
            onChange={(v) => setSearch({ rule: v ?? undefined })}
          />
          <Select
            placeholder="Category"
            aria-label="Category"
            w={240}
            clearable
            data={categoryOptions}
            value={search.categoryKey ?? null}
            onChange={(v) => setSearch({ categoryKey: v ?? undefined })}
          />
          {filtered && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={14} />}
              onClick={() => navigate({ search: { status: search.status } })}
            >
              Clear
            </Button>
          )}
        </Group>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} title="Could not load the signals" />
      ) : list.isPending ? (
        <Stack>
          <Skeleton h={180} />
          <Skeleton h={180} />
        </Stack>
      ) : items.length === 0 ? (
        <Card>
          <Empty
            icon={filtered ? <IconFilterOff size={28} /> : <IconBolt size={28} />}
            title={filtered ? "No signals match" : `No ${SIGNAL_STATUS_LABELS[status].toLowerCase()} signals`}
            description={
              status === "open"
                ? "Nothing Outsight knows right now suggests a new risk. Signals appear as partners, services, sites and country data change."
                : undefined
            }
          />
        </Card>
      ) : (
        <Stack style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          {items.map((s) => (
            <SignalCard
              key={s.id}
              signal={s}
              canAccept={can(me, "riskSignal", "accept")}
              canDismiss={can(me, "riskSignal", "dismiss")}
              accepting={accept.isPending && accept.variables === s.id}
              onAccept={() => accept.mutate(s.id)}
              onDismiss={() => {
                dismiss.reset();
                setDismissing(s);
              }}
            />
          ))}
          <Card p={0}>
            <CursorPager
              pages={pages}
              nextCursor={list.data?.nextCursor}
              count={items.length}
              loading={list.isFetching}
            />
          </Card>
        </Stack>
      )}
      <DismissModal
        signal={dismissing}
        pending={dismiss.isPending}
        error={dismiss.error}
        onClose={() => setDismissing(null)}
        onSubmit={(reason) => dismissing && dismiss.mutate({ id: dismissing.id, reason })}
      />
    </>
  );
}
