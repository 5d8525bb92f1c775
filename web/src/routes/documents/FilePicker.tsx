import { Alert, FileInput, Group, Progress, Stack, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Classification } from "../../../../domain/documents";
import { formatBytes, guessContentType, shareabilityWarning } from "./files";
import { useUploadLimit } from "./useUploadLimit";

/**
 * The file of an upload: picker, chosen size, the limit, a progress bar while sending, and a
 * warning when the file type could not be shared at the document's classification. The limit
 * shown is the server's (`DOCUMENT_MAX_MB`).
 */
export function FilePicker(props: {
  value: File | null;
  onChange: (file: File | null) => void;
  error?: ReactNode;
  /** 0..1 while uploading, else null. */
  progress: number | null;
  label?: string;
  /** The document's classification, to warn when this file could not be shared at it. */
  classification: Classification;
}) {
  const maxBytes = useUploadLimit();
  const warning = props.value
    ? shareabilityWarning(props.classification, guessContentType(props.value))
    : null;
  return (
    <Stack gap={6}>
      <FileInput
        label={props.label ?? "File"}
        withAsterisk
        placeholder="Choose a file…"
        leftSection={<IconUpload size={16} />}
        description={`Up to ${formatBytes(maxBytes)}. Programs, scripts and installers are refused; the content must match the name.`}
        clearable
        value={props.value}
        onChange={props.onChange}
        error={props.error}
      />
      {props.value && props.progress === null && (
        <Text size="xs" c="dimmed">
          {formatBytes(props.value.size)}
        </Text>
      )}
      {props.progress !== null && (
        <Group gap="xs" wrap="nowrap">
          <Progress value={props.progress * 100} flex={1} animated={props.progress < 1} />
          <Text size="xs" c="dimmed" w={110} ta="right">
            {props.progress < 1 ? `${Math.round(props.progress * 100)}% sent` : "Encrypting…"}
          </Text>
        </Group>
      )}
      {warning && (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">{warning}</Text>
        </Alert>
      )}
    </Stack>
  );
}
