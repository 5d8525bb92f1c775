import { Alert, Button, FileInput, Group, Modal, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconFileSpreadsheet } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ImportErrorsAlert } from "../../components/ImportErrorsAlert";
import { notifySuccess } from "../../lib/notify";
import { countryKeys } from "./queries";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const isXlsx = (file: File) => file.name.toLowerCase().endsWith(".xlsx") || file.type === XLSX;

/**
 * Imports a Worldwide Governance Indicators release (CSV in the bundled layout, or the World Bank's
 * XLSX workbook). All rows or none; on 422 the server lists one error per bad row, shown here.
 */
export function ImportIndicatorsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const importFile = useMutation({
    mutationFn: async (f: File) => {
      if (isXlsx(f)) {
        const bytes = await f.arrayBuffer();
        return unwrap(
          api.POST("/api/v1/countries/indicators/import", {
            body: "",
            bodySerializer: () => bytes,
            headers: { "content-type": XLSX },
          }),
        );
      }
      const csv = await f.text();
      return unwrap(
        api.POST("/api/v1/countries/indicators/import", {
          body: csv,
          bodySerializer: (b: string) => b,
          headers: { "content-type": "text/csv" },
        }),
      );
    },
    onSuccess: (result) => {
      notifySuccess("Indicators imported", `${result.rows} row${result.rows === 1 ? "" : "s"} processed.`);
      void queryClient.invalidateQueries({ queryKey: countryKeys.all });
    },
  });
  const close = () => {
    importFile.reset();
    setFile(null);
    onClose();
  };
  const result = importFile.data;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={600}>Import governance indicators</Text>}
      size="xl"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Upload a Worldwide Governance Indicators release: a CSV in the bundled layout or the World Bank's
          XLSX workbook. Existing figures for the same country, dimension and year are replaced; either every
          row is imported or none is.
        </Text>
        <Alert color="blue" variant="light">
          These figures are shared by the whole installation: every organization sees the imported values and
          its risk levels are recalculated from them. Source: The World Bank: Worldwide Governance Indicators.
        </Alert>
        <FileInput
          label="File"
          placeholder="Choose a .csv or .xlsx file"
          accept={`.csv,text/csv,.xlsx,${XLSX}`}
          leftSection={<IconFileSpreadsheet size={18} />}
          value={file}
          onChange={(f) => {
            importFile.reset();
            setFile(f);
          }}
          clearable
        />
        {result && (
          <Alert color="green" icon={<IconCircleCheck size={18} />} title="Import complete">
            <Text size="sm">
              {result.rows} rows read: {result.inserted} inserted, {result.updated} updated, {result.skipped}{" "}
              skipped — {result.countries} {result.countries === 1 ? "country" : "countries"}
              {result.years.length > 0
                ? `, ${result.years.length === 1 ? "year" : "years"} ${
                    result.years.length > 3
                      ? `${Math.min(...result.years)}–${Math.max(...result.years)}`
                      : result.years.join(", ")
                  }`
                : ""}
              .
            </Text>
          </Alert>
        )}
        {importFile.error && <ImportErrorsAlert error={importFile.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {result ? "Close" : "Cancel"}
          </Button>
          <Button
            onClick={() => file && importFile.mutate(file)}
            loading={importFile.isPending}
            disabled={!file || !!result}
          >
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
