import { Alert, Button, Group, Text } from "@mantine/core";
import { IconShieldCheck, IconShieldX } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { api, errorMessage, unwrap } from "../../api/client";

const REASONS: Record<string, string> = {
  altered: "its content no longer matches its hash: it was changed after it was written",
  missing: "it is missing: events were removed from the trail",
  relinked: "it points to the wrong predecessor: events were reordered or replaced",
};

/** Recomputes the organization's hash chain on the server and says whether it is intact. */
export function VerifyChain() {
  const verify = useMutation({ mutationFn: () => unwrap(api.GET("/api/v1/audit-events/verify")) });
  const r = verify.data;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconShieldCheck size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
      >
        Verify chain
      </Button>
      {(r || verify.error) && (
        <div style={{ flexBasis: "100%" }}>
          {verify.error ? (
            <Alert
              color="red"
              title="Verification failed to run"
              icon={<IconShieldX size={18} />}
              withCloseButton
              onClose={verify.reset}
            >
              {errorMessage(verify.error)}
            </Alert>
          ) : r?.ok ? (
            <Alert
              color="teal"
              title="The audit trail is intact"
              icon={<IconShieldCheck size={18} />}
              withCloseButton
              onClose={verify.reset}
            >
              All {r.events.toLocaleString()} events check out: each hash matches its content and links to the
              one before.
            </Alert>
          ) : (
            <Alert
              color="red"
              title="The audit trail has been tampered with"
              icon={<IconShieldX size={18} />}
              withCloseButton
              onClose={verify.reset}
            >
              <Group gap={4}>
                <Text size="sm">
                  First bad event: <b>#{r?.firstBad?.seq}</b> —{" "}
                  {REASONS[r?.firstBad?.reason ?? ""] ?? r?.firstBad?.reason}.
                </Text>
              </Group>
              <Text size="sm" mt={4}>
                {r?.events.toLocaleString()} events checked. Keep a copy of the database and investigate
                before making changes.
              </Text>
            </Alert>
          )}
        </div>
      )}
    </>
  );
}
