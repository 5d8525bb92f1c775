import { ActionIcon, Anchor, Button, FileButton, Group, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { IconDownload, IconFile, IconPaperclip, IconTrash } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_PER_QUESTION } from "../../../../domain/portal";
import { errorMessage } from "../../api/client";
import { ConfirmModal } from "../../components/ConfirmModal";
import { notifyError } from "../../lib/notify";
import { formatBytes } from "./labels";
import { deleteEvidence, type EvidenceFile, evidenceHref, uploadEvidence } from "./queries";

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.docx,.xlsx,.pptx,.odt,.ods";

/**
 * Evidence files of one question: the list (download, delete) and an upload button with the size
 * limit spelled out. Too-large files are refused here before a 10 MB upload is wasted; the
 * server checks again (and sniffs the content type).
 */
export function EvidencePanel({
  assessmentId,
  questionKey,
  files,
  editable,
  prominent,
  onChanged,
}: {
  assessmentId: string;
  questionKey: string;
  files: EvidenceFile[];
  editable: boolean;
  /** A file question or one whose evidence is required: a full button rather than a subtle link. */
  prominent: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<EvidenceFile | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File[]) => {
      for (const file of chosen) await uploadEvidence(assessmentId, questionKey, file);
    },
    onSettled: () => onChanged(),
    onError: (e) => setProblem(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (file: EvidenceFile) => deleteEvidence(assessmentId, file.id),
    onSuccess: async () => {
      await onChanged();
      setRemoving(null);
    },
    onError: (e) => notifyError(e, "Could not remove the file"),
  });

  const room = MAX_EVIDENCE_PER_QUESTION - files.length;
  const choose = (chosen: File[]) => {
    setProblem(null);
    const tooBig = chosen.find((f) => f.size > MAX_EVIDENCE_BYTES);
    if (tooBig) return setProblem(`${tooBig.name} is larger than ${formatBytes(MAX_EVIDENCE_BYTES)}`);
    if (chosen.length > room)
      return setProblem(`At most ${MAX_EVIDENCE_PER_QUESTION} files per question: remove one first`);
    if (chosen.length > 0) upload.mutate(chosen);
  };

  if (!editable && files.length === 0) return null;
  return (
    <Stack gap={6}>
      {files.length > 0 && (
        <Stack gap={4}>
          {files.map((f) => (
            <Paper key={f.id} withBorder radius="sm" px="sm" py={6} data-testid="evidence-file">
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <IconFile size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                  <Anchor href={evidenceHref(assessmentId, f.id)} download={f.fileName} size="sm" truncate>
                    {f.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatBytes(f.size)}
                  </Text>
                </Group>
                <Group gap={2} wrap="nowrap">
                  <Tooltip label="Download">
                    <ActionIcon
                      component="a"
                      href={evidenceHref(assessmentId, f.id)}
                      download={f.fileName}
                      variant="subtle"
                      color="gray"
                      aria-label={`Download ${f.fileName}`}
                    >
                      <IconDownload size={16} />
                    </ActionIcon>
                  </Tooltip>
                  {editable && (
                    <Tooltip label="Remove">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${f.fileName}`}
                        onClick={() => setRemoving(f)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editable && room > 0 && (
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={choose} accept={ACCEPT} multiple>
            {(props) => (
              <Button
                title={`PDF, images, office documents or text, up to ${formatBytes(MAX_EVIDENCE_BYTES)} each`}
                {...props}
                size="xs"
                variant={prominent ? "light" : "subtle"}
                leftSection={<IconPaperclip size={14} />}
                loading={upload.isPending}
                px={prominent ? undefined : 4}
              >
                {files.length > 0 ? "Attach another file" : prominent ? "Upload a file" : "Attach evidence"}
              </Button>
            )}
          </FileButton>
          {(prominent || files.length > 0) && (
            <Text size="xs" c="dimmed">
              PDF, images, office documents or text · up to {formatBytes(MAX_EVIDENCE_BYTES)} each
            </Text>
          )}
        </Group>
      )}
      {problem && (
        <Text size="xs" c="red.7" role="alert">
          {problem}
        </Text>
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
        title="Remove this file?"
        confirmLabel="Remove"
        loading={remove.isPending}
      >
        {removing?.fileName} will be removed from your answer.
      </ConfirmModal>
    </Stack>
  );
}
