import { Anchor, Badge, Button, Group, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconExternalLink, IconPencil, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import { api, isApiError, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { CountryLabel, categoryLabel, StatusBadge } from "../../../components/Badges";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { PageHeader } from "../../../components/PageHeader";
import { TierBadge } from "../../../components/RiskLevelBadge";
import { ErrorState } from "../../../components/States";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { partnerRoute } from "../../../router";
import { NotFoundPage } from "../../NotFoundPage";
import { partnerKeys, partnerQuery } from "../queries";

const TABS = [
  { value: "overview", to: "/partners/$partnerId", label: "Overview" },
  { value: "sites", to: "/partners/$partnerId/sites", label: "Sites", count: "sites" },
  { value: "services", to: "/partners/$partnerId/services", label: "Services", count: "services" },
  { value: "contacts", to: "/partners/$partnerId/contacts", label: "Contacts", count: "contacts" },
  {
    value: "subcontractors",
    to: "/partners/$partnerId/subcontractors",
    label: "Sub-contractors",
    count: "subcontractors",
  },
  { value: "overlap", to: "/partners/$partnerId/overlap", label: "Overlap" },
  { value: "risk", to: "/partners/$partnerId/risk", label: "Risk" },
  { value: "contracts", to: "/partners/$partnerId/contracts", label: "Contracts" },
  { value: "assessments", to: "/partners/$partnerId/assessments", label: "Assessments" },
  { value: "documents", to: "/partners/$partnerId/documents", label: "Documents" },
  { value: "scorecard", to: "/partners/$partnerId/scorecard", label: "Scorecard" },
  { value: "activity", to: "/partners/$partnerId/activity", label: "Activity" },
] as const;

/** The partner page frame: title, key facts, actions and the tab bar; tabs are child routes. */
export function PartnerLayout() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const partner = useQuery(partnerQuery(partnerId));
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirmOpened, confirm] = useDisclosure();
  const current =
    pathname.replace(`/partners/${partnerId}`, "").replace(/^\//, "").split("/")[0] || "overview";
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/partners/{id}", { params: { path: { id: partnerId } } })),
    onSuccess: () => {
      notifySuccess("Partner deleted", partner.data?.name);
      void navigate({ to: "/partners" });
      queryClient.removeQueries({ queryKey: partnerKeys.detail(partnerId) });
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
    },
    onError: (e) => notifyError(e, "Could not delete the partner"),
  });

  if (isApiError(partner.error, 404)) return <NotFoundPage what="partner" />;
  if (partner.isError)
    return (
      <ErrorState
        error={partner.error}
        onRetry={() => partner.refetch()}
        title="Could not load the partner"
      />
    );
  const p = partner.data;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Partners", to: "/partners" }, { label: p?.name ?? "…" }]}
        title={
          p ? (
            <Group gap="sm" component="span">
              {p.name}
              <StatusBadge status={p.status} size="lg" />
            </Group>
          ) : (
            <Skeleton height={30} width={260} />
          )
        }
        description={
          p ? (
            <Group gap="md" component="span" fz="sm">
              <CountryLabel code={p.country} name={p.countryName} />
              <Text span c="dimmed" size="sm">
                ·
              </Text>
              <span>{categoryLabel(p.category)}</span>
              {p.website && (
                <>
                  <Text span c="dimmed" size="sm">
                    ·
                  </Text>
                  <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
                    <Group gap={4} component="span">
                      {p.website.replace(/^https?:\/\//, "")}
                      <IconExternalLink size={12} />
                    </Group>
                  </Anchor>
                </>
              )}
            </Group>
          ) : undefined
        }
        actions={
          p && (
            <>
              {can(me, "partner", "delete") && (
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={confirm.open}
                >
                  Delete
                </Button>
              )}
              {can(me, "partner", "update") && (
                <Button
                  component={Link}
                  to={`/partners/${partnerId}/edit`}
                  leftSection={<IconPencil size={16} />}
                >
                  Edit
                </Button>
              )}
            </>
          )
        }
      />
      <Tabs
        value={current}
        onChange={(v) => {
          const tab = TABS.find((t) => t.value === v);
          if (tab) void navigate({ to: tab.to, params: { partnerId } });
        }}
        mb="lg"
      >
        <Tabs.List>
          {TABS.filter(
            (t) =>
              (t.value !== "activity" || can(me, "audit", "read")) &&
              (t.value !== "risk" || can(me, "risk", "read")) &&
              (t.value !== "contracts" || can(me, "contract", "read")) &&
              (t.value !== "assessments" || can(me, "assessment", "read")) &&
              (t.value !== "scorecard" || can(me, "kpi", "read")),
          ).map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              rightSection={
                t.value === "risk" && p ? (
                  <TierBadge tier={p.riskTier} size="sm" variant="light" />
                ) : "count" in t && p ? (
                  <Badge size="sm" variant="light" color="gray" circle={p.counts[t.count] < 10}>
                    {p.counts[t.count]}
                  </Badge>
                ) : null
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack>{p ? <Outlet /> : <Skeleton height={240} />}</Stack>
      <ConfirmModal
        opened={confirmOpened}
        onClose={confirm.close}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={`Delete ${p?.name ?? "partner"}?`}
        confirmLabel="Delete partner"
      >
        This removes the partner with its sites, services, contacts and sub-contractor links. The audit trail
        keeps a record of what was deleted. To end a live relationship, move the partner to <b>Exiting</b>{" "}
        instead.
      </ConfirmModal>
    </>
  );
}
