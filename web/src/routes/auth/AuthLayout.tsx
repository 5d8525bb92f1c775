import { Box, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Logo } from "../../components/Logo";

const POINTS = [
  "One registry of partners, sites, services and fourth parties",
  "Lifecycle from due diligence to exit, with every step on record",
  "A tamper-evident audit trail you can verify at any time",
];

/** The branded two-column frame of the onboarding and sign-in pages. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: ReactNode;
  children: ReactNode;
}) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing={0} mih="100vh">
      <Box className="auth-hero" p={{ base: "xl", md: 56 }} visibleFrom="md">
        <Stack justify="space-between" h="100%">
          <Logo inverted size={34} />
          <Stack gap="lg" maw={460}>
            <Title order={1} c="white" fz={38} lh={1.15} style={{ letterSpacing: "-0.02em" }}>
              Run outsourcing safely.
            </Title>
            <Text c="brand.0" fz="lg">
              Choose partners well, watch their performance and keep your data and obligations under control.
            </Text>
            <List
              spacing="sm"
              c="white"
              icon={
                <ThemeIcon size={22} radius="xl" color="white" variant="white">
                  <IconCheck size={14} color="var(--mantine-color-brand-7)" />
                </ThemeIcon>
              }
            >
              {POINTS.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Stack>
          <Text c="brand.1" fz="sm">
            Open source · self-hosted · your data stays yours
          </Text>
        </Stack>
      </Box>
      <Stack justify="center" align="center" p="md" bg="gray.0">
        <Group hiddenFrom="md" mb="md">
          <Logo />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: "lg", sm: 36 }} w="100%" maw={440}>
          <Stack gap={4} mb="lg">
            <Title order={2} fz={24}>
              {title}
            </Title>
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          </Stack>
          {children}
        </Paper>
      </Stack>
    </SimpleGrid>
  );
}
