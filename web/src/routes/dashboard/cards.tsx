import { Card, Group, Paper, Text, ThemeIcon, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** A headline figure with its label, a hint and an icon. */
export function Stat({
  icon: I,
  color,
  label,
  value,
  hint,
}: {
  icon: Icon;
  color: string;
  label: string;
  value: React.ReactNode;
  hint?: string;
}) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
            {label}
          </Text>
          <Text fz={30} fw={700} lh={1.2} mt={4}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        <ThemeIcon size={40} radius="md" variant="light" color={color}>
          <I size={22} />
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

/**
 * A card with a title and a chart. With `fill` the chart grows to the card's height (at least
 * `fill` pixels), so it lines up with a taller neighbour in the same row instead of leaving a gap.
 */
export function ChartCard({
  title,
  hint,
  fill,
  children,
}: {
  title: string;
  hint?: string;
  fill?: number;
  children: React.ReactNode;
}) {
  return (
    <Card h="100%" style={fill ? { display: "flex", flexDirection: "column" } : undefined}>
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={5}>{title}</Title>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Group>
      {fill ? <div style={{ position: "relative", flex: 1, minHeight: fill }}>{children}</div> : children}
    </Card>
  );
}

/** The heading of a dashboard section with links on the right, so every section starts alike. */
export function SectionHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" mt="xl" mb="sm">
      <Title order={3}>{title}</Title>
      {children && <Group gap="xs">{children}</Group>}
    </Group>
  );
}
