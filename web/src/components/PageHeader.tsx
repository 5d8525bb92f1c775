import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

interface Crumb {
  label: string;
  to?: string;
}

/** The title block of a page: optional breadcrumbs, title, one-line description and actions. */
export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  crumbs?: Crumb[];
}) {
  return (
    <Stack gap={6} mb="lg">
      {props.crumbs && (
        <Breadcrumbs separatorMargin={6} fz="sm">
          {props.crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} c="dimmed" fz="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} fz="sm" c="dimmed">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz={26}>
            {props.title}
          </Title>
          {props.description && <Text c="dimmed">{props.description}</Text>}
        </Stack>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
    </Stack>
  );
}
