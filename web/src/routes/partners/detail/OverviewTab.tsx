import {
  Anchor,
  Badge,
  Card,
  DataList,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { type Icon, IconBuildingFactory2, IconHierarchy2, IconMapPin, IconUsers } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { CountryLabel, CriticalityBadge, categoryLabel } from "../../../components/Badges";
import { formatDateTime } from "../../../lib/format";
import { partnerRoute } from "../../../router";
import { PartnerNdasCard } from "../../ndas/PartnerNdasCard";
import { partnerQuery } from "../queries";
import { CountriesCard } from "./CountriesCard";
import { LifecycleCard } from "./LifecycleCard";

function Stat({
  icon: I,
  label,
  value,
  to,
  partnerId,
}: {
  icon: Icon;
  label: string;
  value: number;
  to: string;
  partnerId: string;
}) {
  return (
    <Paper
      withBorder
      p="md"
      component={Link}
      to={to.replace("$partnerId", partnerId)}
      style={{ textDecoration: "none", color: "inherit" }}
    >
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={38} radius="md" variant="light">
          <I size={20} />
        </ThemeIcon>
        <div>
          <Text fz={22} fw={700} lh={1.1}>
            {value}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

const dash = (
  <Text c="dimmed" span size="sm">
    —
  </Text>
);

/** The partner's facts, lifecycle and counts of what hangs off it. */
export function OverviewTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const { data: p } = useQuery(partnerQuery(partnerId));
  if (!p) return null;
  return (
    <Grid gap="lg">
      <Grid.Col span={12}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Stat
            icon={IconMapPin}
            label="Sites"
            value={p.counts.sites}
            to="/partners/$partnerId/sites"
            partnerId={p.id}
          />
          <Stat
            icon={IconBuildingFactory2}
            label="Services"
            value={p.counts.services}
            to="/partners/$partnerId/services"
            partnerId={p.id}
          />
          <Stat
            icon={IconUsers}
            label="Contacts"
            value={p.counts.contacts}
            to="/partners/$partnerId/contacts"
            partnerId={p.id}
          />
          <Stat
            icon={IconHierarchy2}
            label="Sub-contractors"
            value={p.counts.subcontractors}
            to="/partners/$partnerId/subcontractors"
            partnerId={p.id}
          />
        </SimpleGrid>
      </Grid.Col>
      <Grid.Col span={12}>
        <LifecycleCard partner={p} canUpdate={can(me, "partner", "update")} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card h="100%">
          <Title order={4} mb="md">
            Details
          </Title>
          <DataList withDivider labelWidth={150}>
            <Item label="Legal name">{p.legalName ?? dash}</Item>
            <Item label="LEI">
              {p.lei ? (
                <Text className="mono" size="sm">
                  {p.lei}
                </Text>
              ) : (
                dash
              )}
            </Item>
            {p.registrationIds.map((r) => (
              <Item key={`${r.scheme}:${r.value}`} label={r.scheme}>
                <Text className="mono" size="sm">
                  {r.value}
                </Text>
              </Item>
            ))}
            <Item label="Country">
              <CountryLabel code={p.country} name={p.countryName} />
            </Item>
            <Item label="Category">{categoryLabel(p.category)}</Item>
            <Item label="Website">
              {p.website ? (
                <Anchor href={p.website} target="_blank" rel="noreferrer" size="sm">
                  {p.website}
                </Anchor>
              ) : (
                dash
              )}
            </Item>
            <Item label="Highest criticality">
              <CriticalityBadge value={p.highestCriticality} />
            </Item>
            <Item label="Tags">
              {p.tags.length ? (
                <Group gap={4}>
                  {p.tags.map((t) => (
                    <Badge key={t} color="gray" variant="outline" size="sm">
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : (
                dash
              )}
            </Item>
          </DataList>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card h="100%">
          <Title order={4} mb="md">
            Relationship
          </Title>
          <DataList withDivider labelWidth={110}>
            <Item label="Owner">
              {p.owner?.name ?? (
                <Text c="dimmed" span size="sm">
                  Unassigned
                </Text>
              )}
            </Item>
            <Item label="Added">{formatDateTime(p.createdAt)}</Item>
            <Item label="Updated">{formatDateTime(p.updatedAt)}</Item>
          </DataList>
          <Title order={5} mt="lg" mb={6}>
            Description
          </Title>
          <Text size="sm" c={p.description ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
            {p.description ?? "No description yet."}
          </Text>
        </Card>
      </Grid.Col>
      <Grid.Col span={12}>
        <CountriesCard partnerId={p.id} headquarters={p.country} />
      </Grid.Col>
      <Grid.Col span={12}>
        <PartnerNdasCard partner={p} />
      </Grid.Col>
    </Grid>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
