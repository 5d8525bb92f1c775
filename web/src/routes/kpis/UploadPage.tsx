import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconCircleCheck, IconFileTypeCsv, IconUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type DragEvent, useMemo, useRef, useState } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { ImportErrorsAlert } from "../../components/ImportErrorsAlert";
import { PageHeader } from "../../components/PageHeader";
import { Forbidden } from "../../components/States";
import { notifySuccess } from "../../lib/notify";
import { CSV_COLUMNS, dataLineCount, previewRows, templateCsv } from "./csv";
import { currentPeriodStart } from "./labels";
import { invalidateAfterMeasurements, kpisQuery, uploadMeasurements } from "./queries";
import { BulkSummary, FirstRows } from "./UploadParts";

/**
 * Uploads KPI measurements from a CSV file in two steps: a dry run that checks every row and shows
 * either the per-row problems (nothing imported) or what the import will do, then the import
 * itself, all or nothing.
 */
export function UploadPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState("");
  const [dragging, setDragging] = useState(false);
  const picks = useRef(0);
  const kpis = useQuery({ ...kpisQuery({}), enabled: can(me, "kpi", "read") });
  const check = useMutation({ mutationFn: (text: string) => uploadMeasurements(text, true) });
  const save = useMutation({
    mutationFn: (text: string) => uploadMeasurements(text, false),
    onSuccess: (r) => {
      notifySuccess("Measurements imported", `${r.rows} row${r.rows === 1 ? "" : "s"}`);
      invalidateAfterMeasurements(queryClient);
    },
  });
  const rows = useMemo(() => previewRows(csv), [csv]);
  const template = useMemo(
    () =>
      templateCsv(
        (kpis.data?.items ?? []).map((k) => ({ id: k.id, periodStart: currentPeriodStart(k.period) })),
      ),
    [kpis.data],
  );

  if (!can(me, "measurement", "write")) return <Forbidden />;

  /** Reads the file and runs the dry run straight away: the check is the preview. */
  const choose = async (f: File | null) => {
    const pick = ++picks.current;
    setFile(f);
    check.reset();
    save.reset();
    const text = f ? await f.text() : "";
    // Another file chosen while this one was read: that one wins.
    if (pick !== picks.current) return;
    setCsv(text);
    if (text.trim()) check.mutate(text);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void choose(f);
  };

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Service levels", to: "/kpis" }, { label: "Upload KPI measurements" }]}
        title="Upload KPI measurements"
        description="Many periods of many KPIs at once, from a spreadsheet or a monitoring export."
      />
      <Stack gap="lg" maw={1000}>
        <Card>
          <Stack gap="sm">
            <Text size="sm">
              A CSV file with a header line and the columns <Code>{CSV_COLUMNS.join(",")}</Code>. Dates are
              ISO (<Code>2026-03-01</Code>); a period must start a period of its KPI (a Monday for weekly
              KPIs, the 1st for monthly ones). Sending a period again replaces its value. Either every row is
              imported or none is.{" "}
              {kpis.data && kpis.data.items.length > 0 && (
                <Anchor
                  size="sm"
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
                  download="kpi-measurements-template.csv"
                >
                  Download a template with your {kpis.data.items.length} KPI
                  {kpis.data.items.length === 1 ? "" : "s"}
                </Anchor>
              )}
            </Text>
            <Paper
              withBorder
              p="lg"
              radius="md"
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              style={{
                borderStyle: "dashed",
                borderWidth: 2,
                background: dragging ? "var(--mantine-color-blue-0)" : undefined,
              }}
            >
              <Stack align="center" gap="xs">
                <IconUpload size={28} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  Drop a CSV file here, or choose one
                </Text>
                <FileInput
                  w={320}
                  aria-label="CSV file"
                  placeholder="Choose a .csv file"
                  accept=".csv,text/csv"
                  leftSection={<IconFileTypeCsv size={18} />}
                  value={file}
                  onChange={(f) => void choose(f)}
                  clearable
                />
              </Stack>
            </Paper>
            {rows.length > 0 && <FirstRows rows={rows} total={dataLineCount(csv)} />}
          </Stack>
        </Card>
        {save.data ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Imported" data-testid="upload-done">
            <Stack gap="sm">
              <Text size="sm">
                {save.data.rows} row{save.data.rows === 1 ? "" : "s"} imported: {save.data.created} created,{" "}
                {save.data.updated} updated, {save.data.unchanged} unchanged.
              </Text>
              <BulkSummary result={save.data} />
              <Group>
                <Button variant="default" onClick={() => void choose(null)}>
                  Upload another file
                </Button>
                {save.data.kpis[0] && (
                  <Button component={Link} to={`/kpis/${save.data.kpis[0].id}`}>
                    View {save.data.kpis[0].name}
                  </Button>
                )}
              </Group>
            </Stack>
          </Alert>
        ) : check.isPending ? (
          <Text size="sm" c="dimmed">
            Checking every row…
          </Text>
        ) : check.error ? (
          <ImportErrorsAlert error={check.error} />
        ) : check.data ? (
          <Card>
            <Stack gap="md">
              <Title order={5}>Ready to import</Title>
              <Text size="sm" c="dimmed">
                Every row is valid. This is what the import will do; nothing is stored yet.
              </Text>
              <BulkSummary result={check.data} />
              {save.error && <ImportErrorsAlert error={save.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => void choose(null)}>
                  Cancel
                </Button>
                <Button
                  leftSection={<IconUpload size={16} />}
                  loading={save.isPending}
                  onClick={() => save.mutate(csv)}
                >
                  Import {check.data.rows} row{check.data.rows === 1 ? "" : "s"}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
