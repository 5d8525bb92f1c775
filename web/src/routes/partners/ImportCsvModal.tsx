import {
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { ImportErrorsAlert } from "../../components/ImportErrorsAlert";
import { notifySuccess } from "../../lib/notify";
import { partnerKeys } from "./queries";

const COLUMNS = "name,legalName,lei,country,website,category,status,description,tags";
const TEMPLATE = `${COLUMNS}\nNorthwind Services,Northwind Services Ltd,,IN,northwind.example,bpo_customer_service,identified,24/7 support desk,support;tier-1\n`;

/**
 * Imports partners from CSV (upload or paste). The server accepts all rows or none; on failure it
 * answers 422 with one error per bad cell, which we list row by row so the file can be fixed.
 */
export function ImportCsvModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const importCsv = useMutation({
    mutationFn: async () => {
      const csv = mode === "file" ? ((await file?.text()) ?? "") : text;
      return unwrap(
        api.POST("/api/v1/partners/import", {
          body: csv,
          bodySerializer: (b: string) => b,
          headers: { "content-type": "text/csv" },
        }),
      );
    },
    onSuccess: (result) => {
      notifySuccess("Import complete", `${result.created} partner${result.created === 1 ? "" : "s"} added.`);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      close();
    },
  });
  const close = () => {
    importCsv.reset();
    setFile(null);
    setText("");
    onClose();
  };
  const ready = mode === "file" ? file !== null : text.trim().length > 0;
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Import partners from CSV</Text>} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          One partner per row with a header line. Columns: <Code>{COLUMNS}</Code>. Separate tags with{" "}
          <Code>;</Code>. Either every row is imported or none is.{" "}
          <Anchor
            size="sm"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`}
            download="partners-template.csv"
          >
            Download a template
          </Anchor>
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as "file" | "paste")}
          data={[
            { value: "file", label: "Upload a file" },
            { value: "paste", label: "Paste CSV" },
          ]}
          w="fit-content"
        />
        {mode === "file" ? (
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={18} />}
            value={file}
            onChange={setFile}
            clearable
          />
        ) : (
          <Textarea
            label="CSV text"
            placeholder={TEMPLATE}
            autosize
            minRows={6}
            maxRows={14}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            styles={{ input: { fontFamily: "ui-monospace, monospace", fontSize: 12 } }}
          />
        )}
        {importCsv.error && <ImportErrorsAlert error={importCsv.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => importCsv.mutate()} loading={importCsv.isPending} disabled={!ready}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
