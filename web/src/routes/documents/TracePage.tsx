import { Alert, Card, Grid, Group, Loader, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconLock } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { PageHeader } from "../../components/PageHeader";
import { Empty } from "../../components/States";
import { TraceDropZone } from "./TraceDropZone";
import { traceFile } from "./TraceRequest";
import { TraceResultCard } from "./TraceResultCard";

/** Why a trace failed, in words that say what to do about it. */
function failure(error: unknown): { title: string; text: string } {
  if (error instanceof ApiError) {
    if (error.status === 413)
      return {
        title: "The file is too large",
        text: `${errorMessage(error)}. Trace a smaller copy, or a few pages of it.`,
      };
    if (error.status === 415)
      return {
        title: "This file type carries no fingerprint",
        text: "Only PDF, PNG and JPEG copies are marked when they are delivered. Other formats cannot be traced.",
      };
    if (error.status === 403)
      return {
        title: "Not allowed",
        text: "Your role may not trace leaked files. Ask a compliance officer or an administrator.",
      };
  }
  return { title: "The file could not be analysed", text: errorMessage(error) };
}

/**
 * "Trace a leaked file": upload a copy found where it should not be, and read back whose copy it
 * was (document, version, recipient, share, when it was delivered) from its invisible
 * fingerprint, or a plain explanation of why nobody can be named.
 */
export function TracePage() {
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  // A newer file replaces the result: the mutation observer follows only the latest call.
  const trace = useMutation({ mutationFn: (f: File) => traceFile(f) });
  const results = useRef<HTMLDivElement>(null);
  // On a phone the result lands below the drop zone: bring it into view once it is there.
  useEffect(() => {
    if (trace.status === "success" || trace.status === "error")
      results.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [trace.status]);

  if (!can(me, "document", "trace"))
    return (
      <Empty
        icon={<IconLock size={26} />}
        title="You are not allowed to trace leaked files"
        description="Tracing names the person a copy was given to, so only administrators, risk managers and compliance officers may do it."
      />
    );

  const choose = (f: File | null) => {
    setFile(f);
    trace.reset();
    if (f) trace.mutate(f);
  };
  const problem = trace.isError ? failure(trace.error) : null;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Documents", to: "/documents" }, { label: "Trace a leaked file" }]}
        title="Trace a leaked file"
        description="Found one of your documents where it should not be? Outsight reads its fingerprint and tells you whose copy it was."
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="lg">
            <TraceDropZone file={file} busy={trace.isPending} onChoose={choose} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" ref={results}>
            {trace.isPending && (
              <Card withBorder radius="md" padding="lg" aria-busy data-testid="trace-busy">
                <Group gap="md" wrap="nowrap">
                  <Loader size="sm" />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600}>Looking for a fingerprint…</Text>
                    <Text size="sm" c="dimmed" truncate>
                      Reading {file?.name}
                    </Text>
                  </Stack>
                </Group>
              </Card>
            )}
            {problem && (
              <Alert
                color="red"
                variant="light"
                radius="md"
                icon={<IconAlertTriangle size={18} />}
                title={problem.title}
                data-testid="trace-error"
              >
                {problem.text}
              </Alert>
            )}
            {trace.data && file && <TraceResultCard result={trace.data} fileName={file.name} />}
            {trace.isIdle && (
              <Card withBorder radius="md" padding="lg" bg="transparent" style={{ borderStyle: "dashed" }}>
                <Text size="sm" c="dimmed">
                  The result appears here: the document and version, the person and partner it was delivered
                  to, the share, and when the copy was viewed or downloaded.
                </Text>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
