import { Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { FormActions, FormError } from "../../components/FormParts";
import { notifySuccess } from "../../lib/notify";
import { FilePicker } from "./FilePicker";
import { fileProblem } from "./files";
import { type DocumentDetail, documentKeys } from "./queries";
import { uploadBody, uploadDocument, uploadErrorMessage } from "./upload";
import { useUploadLimit } from "./useUploadLimit";

/**
 * Upload a new version of a document: only the file (title and classification stay). Live shares
 * serve the new version from then on, each copy marked again for its recipient.
 */
export function NewVersionModal(props: { opened: boolean; onClose: () => void; document: DocumentDetail }) {
  const d = props.document;
  const queryClient = useQueryClient();
  const maxBytes = useUploadLimit();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadDocument(
        `/api/v1/documents/${encodeURIComponent(d.id)}/versions`,
        uploadBody({}, f),
        setProgress,
      ),
    onSuccess: (saved) => {
      notifySuccess(`Version ${saved.currentVersion} uploaded`, saved.title);
      queryClient.setQueryData(documentKeys.detail(d.id), saved);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      props.onClose();
    },
    onSettled: () => setProgress(null),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    setFile(null);
    setProblem(null);
    upload.reset();
  }, [props.opened]);
  const fileError = problem ?? uploadErrorMessage(upload.error);

  return (
    <Modal
      opened={props.opened}
      onClose={upload.isPending ? () => {} : props.onClose}
      size="lg"
      title={<Text fw={600}>New version of {d.title}</Text>}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const p = fileProblem(file, maxBytes);
          setProblem(p);
          if (!p && file) upload.mutate(file);
        }}
        noValidate
      >
        <Stack gap="md">
          {!uploadErrorMessage(upload.error) && <FormError error={upload.error} />}
          <Text size="sm" c="dimmed">
            Version {d.currentVersion + 1} replaces version {d.currentVersion} for everyone it is shared with.
            Earlier versions stay available here.
          </Text>
          <FilePicker
            label="New file"
            value={file}
            onChange={(f) => {
              setFile(f);
              setProblem(null);
              if (upload.error) upload.reset();
            }}
            error={fileError}
            progress={progress}
            classification={d.classification}
          />
          <FormActions onCancel={props.onClose} pending={upload.isPending}>
            Upload version
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
