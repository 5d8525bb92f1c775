import { Alert, List, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconQuestionMark } from "@tabler/icons-react";
import type { TraceNotFound as NotFoundResult } from "./TraceRequest";

/** The extension of a name that is not one Outsight marks (PDF, PNG, JPEG), else null. */
function unmarkedExtension(fileName: string): string | null {
  const ext = fileName.includes(".") ? (fileName.split(".").pop() ?? "").toLowerCase() : "";
  return ext && !["pdf", "png", "jpg", "jpeg"].includes(ext) ? ext : null;
}

/**
 * A trace that named nobody, with the reason in plain words: no fingerprint at all (never
 * delivered by Outsight, a format it does not mark, or marks destroyed), or a fingerprint of a
 * copy this organization did not issue.
 */
export function TraceNotFound({ result, fileName }: { result: NotFoundResult; fileName: string }) {
  const unknown = result.reason === "unknown_copy";
  const unmarked = unmarkedExtension(fileName);
  return (
    <Alert
      data-testid="trace-not-found"
      radius="md"
      color={unknown ? "yellow" : "gray"}
      variant="light"
      icon={unknown ? <IconAlertTriangle size={20} /> : <IconQuestionMark size={20} />}
      title={unknown ? "A fingerprint, but not from a copy this organization issued" : "No fingerprint found"}
    >
      <Stack gap="xs">
        {unknown ? (
          <Text size="sm">
            The file carries an Outsight fingerprint, but no copy delivered by this organization has it. It
            was marked by another organization (or another Outsight installation), or the document it came
            from has been deleted together with its access log.
          </Text>
        ) : unmarked ? (
          <Text size="sm">
            Outsight cannot tell who this file was given to: .{unmarked} files are delivered without a
            fingerprint (only PDF, PNG and JPEG copies are marked).
          </Text>
        ) : (
          <>
            <Text size="sm">Outsight cannot tell who this file was given to. The usual reasons:</Text>
            <List size="sm" spacing={2}>
              <List.Item>
                it was never delivered through Outsight (an original, or a file from elsewhere);
              </List.Item>
              <List.Item>
                it is a version in a format Outsight does not mark (only PDF, PNG and JPEG are);
              </List.Item>
              <List.Item>
                it was changed so much that the marks were destroyed (printed and scanned, photographed, or a
                low-resolution screenshot).
              </List.Item>
            </List>
          </>
        )}
        {result.detail && (
          <Text size="xs" c="dimmed">
            {result.detail}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
