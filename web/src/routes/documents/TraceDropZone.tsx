import { FileInput, Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconFileSearch, IconLock } from "@tabler/icons-react";
import { type DragEvent, useState } from "react";
import { TRACEABLE_ACCEPT } from "./TraceRequest";

/**
 * Where the suspected leaked copy is dropped or chosen. Every chosen file is sent, whatever its
 * name says: the server sniffs the content (a leaked PDF renamed `.bin` is still a PDF) and its
 * 415 explains a format that carries no fingerprint.
 */
export function TraceDropZone({
  file,
  busy,
  onChoose,
}: {
  file: File | null;
  busy: boolean;
  onChoose: (file: File | null) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f && !busy) onChoose(f);
  };
  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="xl"
        radius="md"
        data-testid="trace-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: "dashed",
          borderWidth: 2,
          borderColor: dragging ? "var(--mantine-color-brand-5)" : undefined,
          background: dragging ? "var(--mantine-color-brand-0)" : "var(--mantine-color-gray-0)",
        }}
      >
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconFileSearch size={26} />
          </ThemeIcon>
          <Text fw={600} ta="center">
            Drop the suspected leaked copy here
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            or choose it from your computer: a PDF, PNG or JPEG file
          </Text>
          <FileInput
            w="100%"
            maw={340}
            mt={4}
            aria-label="Suspected leaked file"
            placeholder="Choose a file"
            accept={TRACEABLE_ACCEPT}
            value={file}
            onChange={onChoose}
            disabled={busy}
            clearable
          />
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        Outsight marks every PDF, PNG and JPEG copy it delivers to a partner with an invisible fingerprint of
        the recipient. Other formats (Word, spreadsheets, CSV, archives) are delivered without a fingerprint,
        so a copy of them cannot be traced.
      </Text>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconLock size={14} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" c="dimmed">
          The file is analysed in memory and not stored.
        </Text>
      </Group>
    </Stack>
  );
}
