import { Alert, Button, FileInput, Group, Modal, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { ImportErrorsAlert } from "../../components/ImportErrorsAlert";
import { notifySuccess } from "../../lib/notify";
import { assessmentKeys } from "./queries";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What an import did, or in a dry run would do, in one sentence. */
function summary(r: { updated: number; unchanged: number; cleared: number }, dryRun: boolean) {
  const verb = dryRun ? "would be" : "were";
  return `${r.updated} answer${r.updated === 1 ? "" : "s"} ${verb} updated, ${r.cleared} cleared, ${r.unchanged} unchanged.`;
}

/**
 * Imports the partner's answers from the workbook "Export XLSX" produced (answered offline). A
 * dry run checks the file first and says what would change; the import is all or nothing, and a
 * rejected file lists its bad rows (422 `import_rejected`).
 */
export function ImportAnswersModal(props: { opened: boolean; onClose: () => void; assessmentId: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) =>
      unwrap(
        api.POST("/api/v1/assessments/{id}/import", {
          params: { path: { id: props.assessmentId }, query: { dryRun: dryRun ? "true" : "false" } },
          body: await (file as File).arrayBuffer(),
          bodySerializer: (b: unknown) => b as ArrayBuffer,
          headers: { "content-type": XLSX },
        }),
      ),
    onSuccess: (r) => {
      if (r.dryRun) return;
      notifySuccess("Answers imported", summary(r, false));
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
      props.onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!props.opened) return;
    setFile(null);
    run.reset();
  }, [props.opened]);
  const checked = run.data?.dryRun ? run.data : null;

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={<Text fw={600}>Import answers</Text>}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Upload the workbook from “Export XLSX” with the partner's answers filled in. Check it first: nothing
          changes until you import, and either every row is imported or none is.
        </Text>
        <FileInput
          label="Workbook"
          placeholder="Choose an .xlsx file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={18} />}
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
          clearable
        />
        {run.error && <ImportErrorsAlert error={run.error} />}
        {checked && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="The file is valid">
            {summary(checked, true)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            variant="default"
            disabled={!file}
            loading={run.isPending && run.variables?.dryRun}
            onClick={() => run.mutate({ dryRun: true })}
          >
            Check file
          </Button>
          <Button
            disabled={!file}
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => run.mutate({ dryRun: false })}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
