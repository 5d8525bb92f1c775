import { AppShell, Burger, Divider, Group, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  type Icon,
  IconAdjustmentsHorizontal,
  IconBolt,
  IconBuildingCommunity,
  IconBuildingSkyscraper,
  IconChartDonut,
  IconChecklist,
  IconClipboardCheck,
  IconClockHour4,
  IconFiles,
  IconFileText,
  IconGauge,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconLock,
  IconShieldHalfFilled,
  IconUsers,
  IconWebhook,
  IconWorld,
} from "@tabler/icons-react";
import { Link, Outlet, useLocation } from "@tanstack/react-router";
import { useEffect } from "react";
import { can } from "../../api/session";
import { useMe } from "../../api/useMe";
import { Logo } from "../../components/Logo";
import { canReadConcentration } from "../concentration/search";
import { NotificationBell } from "../notifications/NotificationBell";
import { UserMenu } from "./UserMenu";

interface Item {
  to: string;
  label: string;
  icon: Icon;
  exact?: boolean;
  show: boolean;
}

/** The signed-in frame: header with organization and user menu, navigation filtered by abilities. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  // Close the mobile navigation after each navigation.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => close(), [pathname, close]);

  const main: Item[] = [
    { to: "/", label: "Dashboard", icon: IconLayoutDashboard, exact: true, show: true },
    { to: "/partners", label: "Partners", icon: IconBuildingSkyscraper, show: can(me, "partner", "read") },
    { to: "/risks", label: "Risk register", icon: IconShieldHalfFilled, show: can(me, "risk", "read") },
    { to: "/contracts", label: "Contracts", icon: IconFileText, show: can(me, "contract", "read") },
    { to: "/ndas", label: "NDAs", icon: IconLock, show: can(me, "nda", "read") },
    { to: "/documents", label: "Documents", icon: IconFiles, show: can(me, "document", "read") },
    { to: "/kpis", label: "Service levels", icon: IconGauge, show: can(me, "kpi", "read") },
    {
      to: "/questionnaires",
      label: "Questionnaires",
      icon: IconChecklist,
      show: can(me, "questionnaireTemplate", "read"),
    },
    {
      to: "/assessments",
      label: "Assessments",
      icon: IconClipboardCheck,
      show: can(me, "assessment", "read"),
    },
    { to: "/signals", label: "Risk signals", icon: IconBolt, show: can(me, "riskSignal", "read") },
    { to: "/overlap", label: "Overlap planner", icon: IconClockHour4, show: can(me, "partner", "read") },
    { to: "/concentration", label: "Concentration", icon: IconChartDonut, show: canReadConcentration(me) },
    {
      to: "/countries",
      label: "Countries",
      icon: IconWorld,
      show: (me.abilities as Record<string, Record<string, boolean> | undefined>).country?.read === true,
    },
  ];
  // Our sites: readable by all staff; older servers report no `organizationSite` ability.
  const orgSiteAbility = (me.abilities as Record<string, unknown>).organizationSite;
  const canReadOrgSites = orgSiteAbility ? can(me, "organizationSite", "read") : me.user.role !== "partner";
  const admin: Item[] = [
    { to: "/admin/sites", label: "Our sites", icon: IconBuildingCommunity, show: canReadOrgSites },
    {
      to: "/admin/risk-settings",
      label: "Risk settings",
      icon: IconAdjustmentsHorizontal,
      show: can(me, "riskSettings", "read"),
    },
    {
      to: "/admin/users",
      label: "Users",
      icon: IconUsers,
      // Vendor managers see the partner invitations there.
      show: can(me, "user", "read") || can(me, "invitation", "read"),
    },
    { to: "/admin/api-tokens", label: "API tokens", icon: IconKey, show: can(me, "apiToken", "read") },
    { to: "/admin/webhooks", label: "Webhooks", icon: IconWebhook, show: can(me, "webhook", "manage") },
    { to: "/admin/audit", label: "Audit log", icon: IconHistory, show: can(me, "audit", "read") },
  ].filter((i) => i.show);

  const isActive = (i: Item) =>
    i.exact ? pathname === i.to : pathname === i.to || pathname.startsWith(`${i.to}/`);
  const link = (i: Item) => (
    <NavLink
      key={i.to}
      component={Link}
      to={i.to}
      label={i.label}
      leftSection={<i.icon size={18} stroke={1.7} />}
      active={isActive(i)}
      variant="light"
      fw={500}
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "md", md: "xl" }}
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Link to="/" style={{ textDecoration: "none", color: "inherit" }}>
              <Logo size={28} />
            </Link>
            <Divider orientation="vertical" visibleFrom="xs" my={18} />
            <Text fw={500} c="dimmed" truncate visibleFrom="xs" maw={280}>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {can(me, "notification", "read") && <NotificationBell />}
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>{main.filter((i) => i.show).map(link)}</Stack>
          {admin.length > 0 && (
            <Stack gap={2} mt="lg">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} className="nav-section-label">
                Administration
              </Text>
              {admin.map(link)}
            </Stack>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            Outsight · open source
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="app-main">
        <div style={{ maxWidth: 1280, margin: "0 auto" }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
