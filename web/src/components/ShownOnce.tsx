import { ActionIcon, Code, CopyButton, Group, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";

/** A copy-to-clipboard icon button with "Copied" feedback. */
export function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? "Copied" : label} withArrow>
          <ActionIcon
            color={copied ? "teal" : "brand"}
            variant="light"
            size="lg"
            onClick={copy}
            aria-label={label}
          >
            {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/**
 * A secret shown once (an API token, a webhook secret, an invitation link): the value in a framed
 * code block that wraps anywhere, with a copy button beside it.
 */
export function ShownOnce({
  value,
  copyLabel,
  testId,
}: {
  value: string;
  copyLabel: string;
  testId?: string;
}) {
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      p="sm"
      bg="gray.0"
      style={{ borderRadius: 8, border: "1px solid var(--mantine-color-gray-3)" }}
    >
      <Code
        block
        style={{ flex: 1, wordBreak: "break-all", whiteSpace: "pre-wrap", background: "transparent" }}
        fz="sm"
        data-testid={testId}
      >
        {value}
      </Code>
      <CopyIcon value={value} label={copyLabel} />
    </Group>
  );
}
