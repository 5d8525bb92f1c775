import { Card, Group, List, Text, ThemeIcon, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconX } from "@tabler/icons-react";
import { CLAUSE_KEYS } from "../../../../../domain/contracts";
import { CLAUSE_LABELS, KEY_CLAUSES } from "../labels";
import type { Contract } from "../queries";

/**
 * The eight-clause checklist: present ones ticked, missing ones flagged, and the audit-rights and
 * data-protection clauses called out because the risk signals watch them for personal data.
 */
export function ClausesCard({ contract }: { contract: Contract }) {
  const { present, total } = contract.clauseCoverage;
  return (
    <Card h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={5}>Clause checklist</Title>
        <Text size="sm" c={present === total ? "teal.7" : "dimmed"} fw={600}>
          {present}/{total} present
        </Text>
      </Group>
      <List spacing={6} size="sm" center>
        {CLAUSE_KEYS.map((k) => {
          const has = contract.clauses[k];
          const key = !has && KEY_CLAUSES.includes(k);
          return (
            <List.Item
              key={k}
              icon={
                <ThemeIcon
                  size={20}
                  radius="xl"
                  variant="light"
                  color={has ? "teal" : key ? "red" : "orange"}
                >
                  {has ? (
                    <IconCheck size={13} />
                  ) : key ? (
                    <IconAlertTriangle size={13} />
                  ) : (
                    <IconX size={13} />
                  )}
                </ThemeIcon>
              }
            >
              <Text
                span
                size="sm"
                c={has ? undefined : key ? "red.7" : "orange.8"}
                fw={has ? undefined : 600}
              >
                {CLAUSE_LABELS[k]}
                {has ? "" : " — missing"}
              </Text>
              {key && (
                <Text size="xs" c="dimmed">
                  Required where a covered service handles personal data
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
