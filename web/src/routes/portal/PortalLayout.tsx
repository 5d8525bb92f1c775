import { AppShell, Box, Divider, Group, Skeleton, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { useMe } from "../../api/useMe";
import { Logo } from "../../components/Logo";
import { PortalUserMenu } from "./PortalUserMenu";
import { overviewQuery } from "./queries";

/**
 * The partner portal's frame: a slim header (logo, who the partner answers for, the user menu)
 * and a centred column. Deliberately not the internal AppShell navigation: a partner has one job
 * here (answer questionnaires) and must not see the shape of the internal app.
 */
export function PortalLayout() {
  const me = useMe();
  const overview = useQuery(overviewQuery);
  const o = overview.data;
  return (
    <AppShell header={{ height: 56 }} padding={{ base: "sm", sm: "md", md: "xl" }}>
      <AppShell.Header px={{ base: "sm", sm: "md" }}>
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Link to="/portal" style={{ textDecoration: "none", color: "inherit" }} aria-label="Portal home">
              <Logo size={26} />
            </Link>
            <Divider orientation="vertical" visibleFrom="xs" my={16} />
            <Box visibleFrom="xs" style={{ minWidth: 0 }}>
              {o ? (
                <Text size="sm" truncate data-testid="portal-context">
                  <Text span fw={600}>
                    {o.partner.name}
                  </Text>
                  <Text span c="dimmed">
                    {" · portal for "}
                    {o.organization.name}
                  </Text>
                </Text>
              ) : overview.isError ? null : (
                <Skeleton height={14} width={220} radius="sm" />
              )}
            </Box>
          </Group>
          <PortalUserMenu me={me} />
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Box maw={1120} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
