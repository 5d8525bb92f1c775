import { Alert, Button, FileInput, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconChevronDown,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconUpload,
} from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ImportErrorsAlert } from "../../components/ImportErrorsAlert";
import { notifySuccess } from "../../lib/notify";
import { exportHref, type ImportAnswersResult, importAnswers } from "./queries";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Offline answering: download the questionnaire as a workbook (prefilled with the answers so far)
 * and upload it back. The upload is checked first (a dry run that writes nothing) and only the
 * partner's confirmation imports it, because it overwrites answers given in the portal.
 */
export function ExcelActions({
  assessmentId,
  editable,
  beforeImport,
  onImported,
}: {
  assessmentId: string;
  editable: boolean;
  /** Saves queued answers first, so the import compares with what the partner last typed. */
  beforeImport: () => Promise<boolean>;
  onImported: () => Promise<unknown>;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={250}>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            leftSection={<IconFileSpreadsheet size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Excel
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={exportHref(assessmentId)}
            download
            leftSection={<IconDownload size={16} />}
          >
            Download as Excel
          </Menu.Item>
          {editable && (
            <Menu.Item leftSection={<IconUpload size={16} />} onClick={open}>
              Upload answers from Excel
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {opened && (
        <ImportModal
          assessmentId={assessmentId}
          onClose={close}
          beforeImport={beforeImport}
          onImported={onImported}
        />
      )}
    </>
  );
}

function ImportModal({
  assessmentId,
  onClose,
  beforeImport,
  onImported,
}: {
  assessmentId: string;
  onClose: () => void;
  beforeImport: () => Promise<boolean>;
  onImported: () => Promise<unknown>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({
    mutationFn: async (f: File) => {
      await beforeImport();
      return importAnswers(assessmentId, f, true);
    },
  });
  const apply = useMutation({
    mutationFn: (f: File) => importAnswers(assessmentId, f, false),
    onSuccess: async (r) => {
      await onImported();
      notifySuccess("Answers imported", summary(r));
      onClose();
    },
  });
  const preview = check.data;
  const changes = preview ? preview.updated + preview.cleared : 0;
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Upload answers from Excel</Text>} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Upload the workbook you downloaded with “Download as Excel”, with your answers in the Answer column.
          We check it first and show what would change; nothing is saved until you confirm.
        </Text>
        <FileInput
          label="Workbook"
          placeholder="Choose an .xlsx file"
          accept={`.xlsx,${XLSX}`}
          leftSection={<IconFileSpreadsheet size={18} />}
          value={file}
          onChange={(f) => {
            check.reset();
            apply.reset();
            setFile(f);
            if (f) check.mutate(f);
          }}
          clearable
        />
        {check.isPending && (
          <Text size="sm" c="dimmed">
            Checking the workbook…
          </Text>
        )}
        {check.error && <ImportErrorsAlert error={check.error} />}
        {apply.error && <ImportErrorsAlert error={apply.error} />}
        {preview && (
          <Alert
            color={changes > 0 ? "blue" : "gray"}
            icon={<IconCircleCheck size={18} />}
            title={changes > 0 ? "The workbook is valid" : "Nothing would change"}
          >
            <Text size="sm">{summary(preview)}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => file && apply.mutate(file)}
            loading={apply.isPending}
            disabled={!file || !preview || changes === 0}
            data-testid="confirm-import"
          >
            Import {changes > 0 ? `${changes} change${changes === 1 ? "" : "s"}` : ""}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "3 answers updated, 1 cleared, 12 unchanged" (or "would be" in a dry run). */
function summary(r: ImportAnswersResult): string {
  const verb = r.dryRun ? "would be " : "";
  return `${r.updated} answer${r.updated === 1 ? "" : "s"} ${verb}updated, ${r.cleared} ${verb}cleared, ${r.unchanged} unchanged.`;
}
