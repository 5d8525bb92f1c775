import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "../../../lib/format";
import { TREATMENT_LABELS } from "../../../lib/risks";
import type { Risk } from "../queries";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** The risk's description, subject, owner, treatment and review schedule. */
export function DetailsCard({ risk }: { risk: Risk }) {
  return (
    <Card>
      <Title order={5} mb="sm">
        Details
      </Title>
      <Text size="sm" mb="md" c={risk.description ? undefined : "dimmed"} style={{ whiteSpace: "pre-wrap" }}>
        {risk.description ?? "No description."}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label="Category">{risk.category.name}</Fact>
        <Fact label="Partner">
          {risk.partner ? (
            <Anchor component={Link} to={`/partners/${risk.partner.id}/risk`} size="sm">
              {risk.partner.name}
            </Anchor>
          ) : (
            "Organization-wide"
          )}
          {risk.service && (
            <Text size="xs" c="dimmed">
              Service: {risk.service.name}
            </Text>
          )}
        </Fact>
        <Fact label="Owner">{risk.owner?.name ?? "Unassigned"}</Fact>
        <Fact label="Treatment">{TREATMENT_LABELS[risk.treatment]}</Fact>
        <Fact label="Review every">
          {risk.reviewIntervalDays ? `${risk.reviewIntervalDays} days` : "No schedule"}
        </Fact>
        <Fact label="Next review">
          <Group gap={6}>
            <Text
              size="sm"
              c={risk.reviewOverdue ? "red.7" : undefined}
              fw={risk.reviewOverdue ? 600 : undefined}
            >
              {formatDate(risk.nextReviewDate)}
            </Text>
            {risk.reviewOverdue && (
              <Text size="xs" c="red.7">
                overdue
              </Text>
            )}
          </Group>
        </Fact>
        <Fact label="Recorded">{formatDateTime(risk.createdAt)}</Fact>
        <Fact label="Last changed">{formatDateTime(risk.updatedAt)}</Fact>
      </SimpleGrid>
    </Card>
  );
}
