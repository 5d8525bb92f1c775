import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBan,
  IconChecks,
  IconFileDownload,
  IconFileUpload,
  IconMessageQuestion,
  IconSend,
} from "@tabler/icons-react";
import { OPEN_STATUSES, PARTNER_EDITABLE_STATUSES } from "../../../../domain/assessments";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { CancelModal, ClarifyModal, CompleteModal } from "./ActionModals";
import { ImportAnswersModal } from "./ImportAnswersModal";
import { useAssessmentMutations } from "./mutations";
import { exportHref } from "./queries";
import type { Assessment } from "./types";

/** Statuses in which the answers are on our side: review, send back or conclude. */
export const REVIEW_STATUSES: readonly Assessment["status"][] = ["submitted", "under_review"];

/**
 * The header's actions, by status and by what the user may do (the server checks both anyway):
 * Send a draft; Request clarification and Complete once submitted; Export/Import the workbook for
 * offline answering; Cancel anything still open.
 */
export function AssessmentActions({ assessment: a }: { assessment: Assessment }) {
  const me = useMe();
  const moves = useAssessmentMutations(a.id);
  const [cancelOpened, cancel] = useDisclosure();
  const [clarifyOpened, clarify] = useDisclosure();
  const [completeOpened, complete] = useDisclosure();
  const [importOpened, importModal] = useDisclosure();
  const canWrite = can(me, "assessment", "write");
  const inReview = REVIEW_STATUSES.includes(a.status);
  const canImport = canWrite && PARTNER_EDITABLE_STATUSES.includes(a.status);
  const canCancel = canWrite && OPEN_STATUSES.includes(a.status);

  return (
    <>
      <Button
        component="a"
        href={exportHref(a.id)}
        download
        variant="default"
        leftSection={<IconFileDownload size={16} />}
      >
        Export XLSX
      </Button>
      {canImport && (
        <Button variant="default" leftSection={<IconFileUpload size={16} />} onClick={importModal.open}>
          Import answers
        </Button>
      )}
      {canCancel && (
        <Button variant="default" color="red" leftSection={<IconBan size={16} />} onClick={cancel.open}>
          Cancel assessment
        </Button>
      )}
      {inReview && can(me, "assessment", "review") && (
        <Button variant="default" leftSection={<IconMessageQuestion size={16} />} onClick={clarify.open}>
          Request clarification
        </Button>
      )}
      {inReview && can(me, "assessment", "conclude") && (
        <Button leftSection={<IconChecks size={16} />} onClick={complete.open}>
          Complete
        </Button>
      )}
      {a.status === "draft" && canWrite && (
        <Button
          leftSection={<IconSend size={16} />}
          loading={moves.send.isPending}
          onClick={() => moves.send.mutate(undefined)}
        >
          Send to partner
        </Button>
      )}
      <CancelModal opened={cancelOpened} onClose={cancel.close} move={moves.cancel} />
      <ClarifyModal opened={clarifyOpened} onClose={clarify.close} assessment={a} move={moves.clarify} />
      <CompleteModal opened={completeOpened} onClose={complete.close} assessment={a} move={moves.complete} />
      <ImportAnswersModal opened={importOpened} onClose={importModal.close} assessmentId={a.id} />
    </>
  );
}
