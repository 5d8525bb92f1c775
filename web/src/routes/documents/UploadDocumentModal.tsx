import { Modal, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Classification } from "../../../../domain/documents";
import { FormActions, FormError } from "../../components/FormParts";
import { PartnerSelect } from "../../components/PartnerSelect";
import { notifySuccess } from "../../lib/notify";
import { useServerErrors } from "../../lib/useServerErrors";
import { ClassificationPicker } from "./ClassificationPicker";
import { FilePicker } from "./FilePicker";
import { fileProblem } from "./files";
import { type DocumentDetail, documentKeys, partnerContractsQuery } from "./queries";
import { uploadBody, uploadDocument, uploadErrorMessage } from "./upload";
import { useUploadLimit } from "./useUploadLimit";

interface Values {
  title: string;
  classification: Classification;
  partnerId: string | null;
  partnerName: string | null;
  contractId: string | null;
  file: File | null;
}

const initial = (partner?: { id: string; name: string }): Values => ({
  title: "",
  classification: "internal",
  partnerId: partner?.id ?? null,
  partnerName: partner?.name ?? null,
  contractId: null,
  file: null,
});

const validate = (maxBytes: number) => (v: Values) => {
  const errors: Record<string, string> = {};
  if (!v.title.trim()) errors.title = "Required";
  else if (v.title.trim().length > 300) errors.title = "At most 300 characters";
  const file = fileProblem(v.file, maxBytes);
  if (file) errors.file = file;
  return errors;
};

/**
 * Upload a new document: title, classification (explained), partner and contract links, file.
 * The text fields go before the file in the multipart body; size is checked here first and the
 * server's refusals (too large, type mismatch, refused type) appear under the file.
 */
export function UploadDocumentModal(props: {
  opened: boolean;
  onClose: () => void;
  partner?: { id: string; name: string };
  onUploaded?: (doc: DocumentDetail) => void;
}) {
  const queryClient = useQueryClient();
  const maxBytes = useUploadLimit();
  const form = useForm<Values>({ initialValues: initial(), validate: validate(maxBytes) });
  const [progress, setProgress] = useState<number | null>(null);
  const v = form.values;
  const contracts = useQuery({ ...partnerContractsQuery(v.partnerId ?? ""), enabled: Boolean(v.partnerId) });
  const upload = useMutation({
    mutationFn: (values: Values) =>
      uploadDocument(
        "/api/v1/documents",
        uploadBody(
          {
            title: values.title.trim(),
            classification: values.classification,
            partnerId: values.partnerId,
            contractId: values.contractId,
          },
          values.file as File,
        ),
        setProgress,
      ),
    onSuccess: (doc) => {
      notifySuccess("Document uploaded", doc.title);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
      props.onClose();
      props.onUploaded?.(doc);
    },
    onSettled: () => setProgress(null),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    form.setValues(initial(props.partner));
    form.clearErrors();
    upload.reset();
  }, [props.opened]);
  useServerErrors(form, upload.error);
  const fileError = uploadErrorMessage(upload.error);

  return (
    <Modal
      opened={props.opened}
      onClose={upload.isPending ? () => {} : props.onClose}
      size="xl"
      title={<Text fw={600}>Upload a document</Text>}
    >
      <form onSubmit={form.onSubmit((values) => upload.mutate(values))} noValidate>
        <Stack gap="md">
          {!fileError && <FormError error={upload.error} />}
          <TextInput
            label="Title"
            withAsterisk
            placeholder="Billing platform architecture, v3"
            data-autofocus
            {...form.getInputProps("title")}
          />
          <ClassificationPicker
            value={v.classification}
            onChange={(c) => form.setFieldValue("classification", c)}
            error={form.errors.classification}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PartnerSelect
              label="Partner"
              description="Whose document room it belongs to"
              placeholder="None"
              value={v.partnerId}
              selectedName={v.partnerName}
              error={form.errors.partnerId}
              onChange={(id, name) => form.setValues({ partnerId: id, partnerName: name, contractId: null })}
            />
            <Select
              label="Contract"
              description={v.partnerId ? "Optional: the agreement it belongs to" : "Choose a partner first"}
              placeholder={contracts.data?.items.length === 0 ? "No contracts" : "None"}
              disabled={!v.partnerId}
              clearable
              searchable
              data={(contracts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              {...form.getInputProps("contractId")}
            />
          </SimpleGrid>
          <FilePicker
            value={v.file}
            onChange={(file) => {
              form.setFieldValue("file", file);
              if (upload.error) upload.reset();
            }}
            error={form.errors.file ?? fileError}
            progress={progress}
            classification={v.classification}
          />
          <FormActions onCancel={props.onClose} pending={upload.isPending}>
            Upload
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
