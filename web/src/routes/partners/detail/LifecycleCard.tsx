import { Alert, Button, Card, Group, Skeleton, Stepper, Text, Title, Tooltip } from "@mantine/core";
import {
  IconArrowBackUp,
  IconArrowRight,
  IconDoorExit,
  IconLock,
  IconMinus,
  IconShieldCheck,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { PARTNER_STATUS_LABELS, PARTNER_STATUSES } from "../../../../../domain/lifecycle";
import { errorMessage } from "../../../api/client";
import { can } from "../../../api/session";
import type { Partner, PartnerStatus } from "../../../api/types";
import { useMe } from "../../../api/useMe";
import { ConfirmModal } from "../../../components/ConfirmModal";
import { ErrorState } from "../../../components/States";
import { notifySuccess } from "../../../lib/notify";
import { LifecycleDetails } from "./LifecycleDetails";
import { LifecycleExceptionModal } from "./LifecycleExceptionModal";
import { type PartnerLifecycleView, partnerLifecycleQuery, useMovePartner } from "./lifecycle";

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
const isExit = (s: PartnerStatus) => s === "exited" || s === "exiting";
type Move = PartnerLifecycleView["next"][number];
/** A step of the stepper; `state` is missing while the lifecycle loads. */
type Step = Omit<PartnerLifecycleView["steps"][number], "state" | "label"> & {
  state?: PartnerLifecycleView["steps"][number]["state"];
};

/** What a step's small caption says under its label in the stepper. */
function caption(step: Step) {
  if (step.state === "skipped") return <Text size="xs">Skipped</Text>;
  if (step.state === "current") return <Text size="xs">Current</Text>;
  if (step.state === "upcoming" && step.needs.length > 0)
    return (
      <Text size="xs" c="orange.8">
        {step.needs.length === 1 ? "1 open need" : `${step.needs.length} open needs`}
      </Text>
    );
  return null;
}

/**
 * The lifecycle on the partner page: a stepper with the current step (steps a dropped candidate
 * never reached shown as skipped), one button per move the transition table allows, disabled with
 * the server's blocker when the due-diligence gate refuses it, and what the next steps need. The
 * moves and blockers come from `GET /partners/:id/lifecycle`, so the UI never guesses the rules; the
 * server checks them again on `PATCH` and a refusal is shown in the confirmation dialog.
 */
export function LifecycleCard({ partner, canUpdate }: { partner: Partner; canUpdate: boolean }) {
  const me = useMe();
  const canExcept = can(me, "partner", "lifecycleException");
  const lifecycle = useQuery(partnerLifecycleQuery(partner.id));
  const [target, setTarget] = useState<PartnerStatus | null>(null);
  const [excepting, setExcepting] = useState(false);
  const move = useMovePartner(partner.id, (status) => {
    notifySuccess(`Moved to ${PARTNER_STATUS_LABELS[status]}`, partner.name);
    setTarget(null);
  });
  const open = (s: PartnerStatus) => {
    move.reset();
    setTarget(s);
  };

  const view = lifecycle.data?.status === partner.status ? lifecycle.data : undefined;
  // Until the lifecycle loads, the partner's own list of moves is shown without blockers.
  const moves: Move[] =
    view?.next ??
    partner.allowedTransitions.map((s) => ({ status: s, label: PARTNER_STATUS_LABELS[s], blockers: [] }));
  const current = order(partner.status);
  // The one step along the normal path (up to "active") gets the primary button; stepping back,
  // dropping a candidate or starting an exit are secondary.
  const forward = moves.find((m) => order(m.status) === current + 1 && order(m.status) <= order("active"));
  const ordered = [...moves.filter((m) => m !== forward), ...(forward ? [forward] : [])];
  // "Exited" is the end of the road: every step is shown completed (skipped ones with their own mark).
  const active = partner.status === "exited" ? PARTNER_STATUSES.length : current;
  const blocked = moves.filter((m) => m.blockers.length > 0);
  const steps: Step[] = view?.steps ?? PARTNER_STATUSES.map((s) => ({ status: s, needs: [] }));

  return (
    <Card>
      <Group justify="space-between" mb="lg" align="flex-start">
        <div>
          <Title order={4}>Lifecycle</Title>
          <Text size="sm" c="dimmed">
            {HINTS[partner.status]}
          </Text>
        </div>
        {canUpdate && ordered.length > 0 && (
          <Group gap="xs">
            {ordered.map((m) => (
              <MoveButton key={m.status} move={m} primary={m === forward} onClick={() => open(m.status)} />
            ))}
          </Group>
        )}
      </Group>
      <Stepper active={active} size="xs" iconSize={26} allowNextStepsSelect={false}>
        {steps.map((step) => (
          <Stepper.Step
            key={step.status}
            label={PARTNER_STATUS_LABELS[step.status]}
            description={step.state ? caption(step) : undefined}
            color={
              step.state === "skipped"
                ? "gray"
                : step.status === "exiting" && step.status === partner.status
                  ? "orange"
                  : undefined
            }
            completedIcon={step.state === "skipped" ? <IconMinus size={14} /> : undefined}
          />
        ))}
      </Stepper>

      {blocked.map((m) => (
        <Alert
          key={m.status}
          mt="lg"
          color="orange"
          variant="light"
          icon={<IconLock size={18} />}
          title={`${m.label} is blocked`}
        >
          <Text size="sm">{m.blockers.map((b) => b.message).join(" · ")}.</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" variant="white" component={Link} to={`/partners/${partner.id}/assessments`}>
              Go to assessments
            </Button>
            {canExcept && (
              <Button
                size="xs"
                color="orange"
                variant="outline"
                leftSection={<IconShieldCheck size={14} />}
                onClick={() => setExcepting(true)}
              >
                Record exception
              </Button>
            )}
          </Group>
        </Alert>
      ))}

      {lifecycle.isPending && <Skeleton mt="lg" height={120} radius="md" />}
      {lifecycle.isError && (
        <ErrorState
          error={lifecycle.error}
          title="Could not load the lifecycle"
          onRetry={() => void lifecycle.refetch()}
        />
      )}
      {view && (
        <LifecycleDetails
          view={view}
          // The blocked-move alert above already offers the action when contracting is the next move.
          canRecordException={canExcept && blocked.length === 0}
          onRecordException={() => setExcepting(true)}
        />
      )}

      <ConfirmModal
        opened={target !== null}
        onClose={() => setTarget(null)}
        onConfirm={() => target && move.mutate(target)}
        loading={move.isPending}
        danger={target !== null && isExit(target)}
        title={target ? `Move ${partner.name} to ${PARTNER_STATUS_LABELS[target]}?` : ""}
        confirmLabel={target ? `Move to ${PARTNER_STATUS_LABELS[target]}` : "Confirm"}
      >
        {target && HINTS[target]} The change is recorded in the audit trail.
        {move.isError && (
          <Alert mt="md" color="red" variant="light" title="The move was refused">
            {errorMessage(move.error)}
          </Alert>
        )}
      </ConfirmModal>
      <LifecycleExceptionModal
        opened={excepting}
        partnerId={partner.id}
        partnerName={partner.name}
        onClose={() => setExcepting(false)}
      />
    </Card>
  );
}

/** One move's button; a blocked move stays focusable (for its tooltip) but does nothing. */
function MoveButton({ move, primary, onClick }: { move: Move; primary: boolean; onClick: () => void }) {
  const reason = move.blockers.map((b) => b.message).join(" · ");
  const button = (
    <Button
      size="xs"
      variant={primary ? "filled" : "default"}
      color={!primary && isExit(move.status) ? "red" : undefined}
      leftSection={
        primary ? undefined : isExit(move.status) ? <IconDoorExit size={14} /> : <IconArrowBackUp size={14} />
      }
      rightSection={primary ? reason ? <IconLock size={14} /> : <IconArrowRight size={14} /> : undefined}
      data-disabled={reason ? true : undefined}
      aria-disabled={reason ? true : undefined}
      onClick={(e) => (reason ? e.preventDefault() : onClick())}
    >
      {primary ? `Move to ${move.label}` : move.label}
    </Button>
  );
  return reason ? (
    <Tooltip label={reason} multiline w={280} withArrow>
      {button}
    </Tooltip>
  ) : (
    button
  );
}
