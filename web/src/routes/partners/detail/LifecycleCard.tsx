import { Button, Card, Group, Stepper, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconArrowRight, IconDoorExit } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PARTNER_STATUS_LABELS, PARTNER_STATUSES } from "../../../../../domain/lifecycle";
import { api, unwrap } from "../../../api/client";
import type { Partner, PartnerStatus } from "../../../api/types";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { notifyError, notifySuccess } from "../../../lib/notify";
import { partnerKeys } from "../queries";

const HINTS: Record<PartnerStatus, string> = {
  identified: "A candidate worth a closer look.",
  due_diligence: "Questionnaires, evidence and checks before any commitment.",
  contracting: "Negotiating the agreement, NDA and data-processing terms.",
  onboarding: "Access, knowledge transfer and the first deliveries.",
  active: "Delivering under contract; performance is monitored.",
  exiting: "Winding down with an exit plan and handover.",
  exited: "The relationship has ended.",
};

const order = (s: PartnerStatus) => PARTNER_STATUSES.indexOf(s);

/**
 * The lifecycle as a stepper with the current step, and one button per transition the server
 * allows right now (`allowedTransitions`), so the UI never guesses the rules.
 */
export function LifecycleCard({ partner, canUpdate }: { partner: Partner; canUpdate: boolean }) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<PartnerStatus | null>(null);
  const move = useMutation({
    mutationFn: (status: PartnerStatus) =>
      unwrap(api.PATCH("/api/v1/partners/{id}", { params: { path: { id: partner.id } }, body: { status } })),
    onSuccess: (p) => {
      queryClient.setQueryData(partnerKeys.detail(p.id), p);
      void queryClient.invalidateQueries({ queryKey: ["partners", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["audit-events"] });
      notifySuccess(`Moved to ${PARTNER_STATUS_LABELS[p.status]}`, p.name);
      setTarget(null);
    },
    onError: (e) => {
      notifyError(e, "Could not change the status");
      setTarget(null);
    },
  });
  const current = order(partner.status);
  // "Exited" is the end of the road: show every step as done rather than stuck at the last one.
  const active = partner.status === "exited" ? PARTNER_STATUSES.length : current;
  // The one step along the normal path (up to "active") gets the primary button; stepping back,
  // dropping a candidate or starting an exit are secondary.
  const forward = partner.allowedTransitions.find(
    (s) => order(s) === current + 1 && order(s) <= order("active"),
  );
  return (
    <Card>
      <Group justify="space-between" mb="lg" align="flex-start">
        <div>
          <Title order={4}>Lifecycle</Title>
          <Text size="sm" c="dimmed">
            {HINTS[partner.status]}
          </Text>
        </div>
        {canUpdate && partner.allowedTransitions.length > 0 && (
          <Group gap="xs">
            {partner.allowedTransitions
              .filter((s) => s !== forward)
              .map((s) => (
                <Button
                  key={s}
                  size="xs"
                  variant="default"
                  color={s === "exited" || s === "exiting" ? "red" : undefined}
                  leftSection={
                    s === "exited" || s === "exiting" ? (
                      <IconDoorExit size={14} />
                    ) : (
                      <IconArrowBackUp size={14} />
                    )
                  }
                  onClick={() => setTarget(s)}
                >
                  {PARTNER_STATUS_LABELS[s]}
                </Button>
              ))}
            {forward && (
              <Button
                size="xs"
                rightSection={<IconArrowRight size={14} />}
                onClick={() => setTarget(forward)}
              >
                Move to {PARTNER_STATUS_LABELS[forward]}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Stepper active={active} size="xs" iconSize={26} allowNextStepsSelect={false}>
        {PARTNER_STATUSES.map((s) => (
          <Stepper.Step
            key={s}
            label={PARTNER_STATUS_LABELS[s]}
            color={s === "exiting" && s === partner.status ? "orange" : undefined}
          />
        ))}
      </Stepper>
      <ConfirmModal
        opened={target !== null}
        onClose={() => setTarget(null)}
        onConfirm={() => target && move.mutate(target)}
        loading={move.isPending}
        danger={target === "exited" || target === "exiting"}
        title={target ? `Move ${partner.name} to ${PARTNER_STATUS_LABELS[target]}?` : ""}
        confirmLabel={target ? `Move to ${PARTNER_STATUS_LABELS[target]}` : "Confirm"}
      >
        {target && HINTS[target]} The change is recorded in the audit trail.
      </ConfirmModal>
    </Card>
  );
}
