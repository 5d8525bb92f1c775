import { Group, Text, ThemeIcon } from "@mantine/core";

/** The Outsight mark: a lens (we watch partners closely) in the brand colour. */
export function LogoMark({ size = 30, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <ThemeIcon size={size} radius="md" variant={inverted ? "white" : "filled"} aria-hidden>
      <svg width={size * 0.62} height={size * 0.62} viewBox="0 0 24 24" fill="none">
        <title>Outsight</title>
        <circle cx="12" cy="12" r="7" stroke="currentColor" strokeWidth="2.6" />
        <circle cx="12" cy="12" r="2.6" fill="currentColor" />
      </svg>
    </ThemeIcon>
  );
}

/** The mark and the word, for headers and the sign-in page. */
export function Logo({ inverted = false, size = 30 }: { inverted?: boolean; size?: number }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark size={size} inverted={inverted} />
      <Text fw={700} fz={size * 0.62} c={inverted ? "white" : undefined} style={{ letterSpacing: "-0.02em" }}>
        Outsight
      </Text>
    </Group>
  );
}
