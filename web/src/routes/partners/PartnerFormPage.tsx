import { Card, Skeleton, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { api, isApiError, unwrap } from "../../api/client";
import { can } from "../../api/session";
import type { CreatePartnerBody, Partner } from "../../api/types";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, Forbidden } from "../../components/States";
import { notifySuccess } from "../../lib/notify";
import { NotFoundPage } from "../NotFoundPage";
import { PartnerForm, partnerBody, partnerValues } from "./PartnerForm";
import { partnerKeys, partnerQuery } from "./queries";

/** `/partners/new`. */
export function NewPartnerPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreatePartnerBody) => unwrap(api.POST("/api/v1/partners", { body })),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      notifySuccess("Partner added", `${p.name} is now in the registry.`);
      void navigate({ to: "/partners/$partnerId", params: { partnerId: p.id } });
    },
  });
  if (!can(me, "partner", "create")) return <Forbidden />;
  return (
    <>
      <PageHeader
        title="New partner"
        description="Start with the basics; sites, services and contacts come next."
        crumbs={[{ label: "Partners", to: "/partners" }, { label: "New partner" }]}
      />
      <Card maw={880}>
        <PartnerForm
          submitLabel="Create partner"
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => navigate({ to: "/partners" })}
        />
      </Card>
    </>
  );
}

/** Only the fields that changed, so the audit trail records exactly what was edited. */
function changedFields(partner: Partner, body: CreatePartnerBody): Partial<CreatePartnerBody> {
  const before = partnerBody(partnerValues(partner)) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)),
  ) as Partial<CreatePartnerBody>;
}

/** `/partners/$partnerId/edit`. */
export function EditPartnerPage() {
  const me = useMe();
  const { partnerId } = useParams({ strict: false }) as { partnerId: string };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const partner = useQuery(partnerQuery(partnerId));
  const back = () => navigate({ to: "/partners/$partnerId", params: { partnerId } });
  const update = useMutation({
    mutationFn: (body: Partial<CreatePartnerBody>) =>
      unwrap(api.PATCH("/api/v1/partners/{id}", { params: { path: { id: partnerId } }, body })),
    onSuccess: (p) => {
      queryClient.setQueryData(partnerKeys.detail(partnerId), p);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      notifySuccess("Changes saved", p.name);
      void back();
    },
  });
  if (!can(me, "partner", "update")) return <Forbidden />;
  if (isApiError(partner.error, 404)) return <NotFoundPage what="partner" />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => partner.refetch()} />;
  return (
    <>
      <PageHeader
        title={partner.data ? `Edit ${partner.data.name}` : "Edit partner"}
        crumbs={[
          { label: "Partners", to: "/partners" },
          { label: partner.data?.name ?? "…", to: `/partners/${partnerId}` },
          { label: "Edit" },
        ]}
      />
      <Card maw={880}>
        {partner.data ? (
          <PartnerForm
            partner={partner.data}
            submitLabel="Save changes"
            pending={update.isPending}
            error={update.error}
            onSubmit={(body) => {
              const patch = changedFields(partner.data, body);
              if (Object.keys(patch).length === 0) void back();
              else update.mutate(patch);
            }}
            onCancel={back}
          />
        ) : (
          <Stack>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} height={36} />
            ))}
          </Stack>
        )}
      </Card>
    </>
  );
}
