import { Anchor, Card, Group, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { Criticality } from "../../../../../domain/partners";
import { CountryLabel, CriticalityBadge } from "../../../components/Badges";
import { Fact } from "../../../components/Fact";
import { formatDate } from "../../../lib/format";
import { CONTRACT_TYPE_NAMES, formatMoney } from "../labels";
import type { Contract } from "../queries";

const days = (n: number | null) => (n === null ? "—" : `${n} days`);

/** Partner, parent, term, notice periods, value, governing law, review schedule and services. */
export function DetailsCard({ contract: c }: { contract: Contract }) {
  return (
    <Card>
      <Title order={5} mb="sm">
        Details
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label="Partner">
          <Anchor component={Link} to={`/partners/${c.partner.id}/contracts`} size="sm">
            {c.partner.name}
          </Anchor>
        </Fact>
        <Fact label="Type">{CONTRACT_TYPE_NAMES[c.type]}</Fact>
        <Fact label="Reference">{c.reference ?? "—"}</Fact>
        <Fact label="Parent contract">
          {c.parent ? (
            <Anchor component={Link} to={`/contracts/${c.parent.id}`} size="sm">
              {c.parent.title}
            </Anchor>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label="Start">{formatDate(c.startDate)}</Fact>
        <Fact label="End">{c.endDate ? formatDate(c.endDate) : "Open-ended"}</Fact>
        <Fact label="Renewal">
          {c.autoRenewal
            ? `Automatic${c.renewalTermMonths ? `, ${c.renewalTermMonths} months` : ""}`
            : "Ends unless renewed"}
        </Fact>
        <Fact label="Current term ends">{formatDate(c.notice.termEnd)}</Fact>
        <Fact label="Our notice">{days(c.noticePeriodDaysOurs)}</Fact>
        <Fact label="Their notice">{days(c.noticePeriodDaysTheirs)}</Fact>
        <Fact label="Value">{formatMoney(c.value, c.currency)}</Fact>
        <Fact label="Governing law">{c.governingLaw ? <CountryLabel code={c.governingLaw} /> : "—"}</Fact>
        <Fact label="Owner">{c.owner?.name ?? "Unassigned"}</Fact>
        <Fact label="Review every">
          {c.reviewIntervalDays ? `${c.reviewIntervalDays} days` : "No schedule"}
        </Fact>
        <Fact label="Next review">
          <Text
            span
            size="sm"
            c={c.reviewOverdue ? "red.7" : undefined}
            fw={c.reviewOverdue ? 600 : undefined}
          >
            {formatDate(c.nextReviewDate)}
            {c.reviewOverdue ? " · overdue" : ""}
          </Text>
        </Fact>
      </SimpleGrid>
      <Title order={6} mt="lg" mb="xs">
        Services covered
      </Title>
      {c.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          No services linked: edit the contract to say which of the partner's services it covers.
        </Text>
      ) : (
        <Group gap="xs">
          {c.services.map((s) => (
            <Group
              key={s.id}
              gap={6}
              wrap="nowrap"
              px="xs"
              py={4}
              style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 6 }}
            >
              <Text size="sm">{s.name}</Text>
              <CriticalityBadge value={s.criticality as Criticality} size="sm" />
            </Group>
          ))}
        </Group>
      )}
    </Card>
  );
}
