import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBolt, IconPlus, IconShieldCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { explainScore } from "../../../../../domain/risk-scoring";
import type { RiskStatus } from "../../../../../domain/risks";
import { api, unwrap } from "../../../api/client";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { RiskLevelBadge, TierBadge } from "../../../components/RiskLevelBadge";
import { ErrorState, Forbidden } from "../../../components/States";
import { fromNow } from "../../../lib/format";
import { RISK_STATUS_LABELS, TIER_MEANINGS } from "../../../lib/risks";
import { partnerRoute } from "../../../router";
import { riskSettingsQuery } from "../../risks/queries";
import { RiskFormModal } from "../../risks/RiskFormModal";
import { partnerQuery } from "../queries";

/** The partner's risk profile: tier, overall score and what drives it, top risks and open signals. */
export function RiskTab() {
  const me = useMe();
  const { partnerId } = partnerRoute.useParams();
  const navigate = useNavigate();
  const partner = useQuery(partnerQuery(partnerId));
  const allowed = can(me, "risk", "read");
  const profile = useQuery({
    queryKey: ["partners", "detail", partnerId, "risk-profile"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/partners/{id}/risk-profile", { params: { path: { id: partnerId } } })),
    enabled: allowed,
  });
  // Signals carry ratings only; band them with the organization's thresholds like everything else.
  const settings = useQuery({ ...riskSettingsQuery, enabled: allowed });
  const [formOpened, form] = useDisclosure();
  if (!allowed) return <Forbidden />;
  if (profile.isError)
    return (
      <ErrorState
        error={profile.error}
        onRetry={() => profile.refetch()}
        title="Could not load the risk profile"
      />
    );
  const p = profile.data;
  if (!p) return <Card h={240} />;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card h="100%">
          <Stack gap="md" mb="md">
            <Stack gap={4}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
                Risk tier
              </Text>
              <Group gap="sm" wrap="nowrap">
                <TierBadge tier={p.tier} size="xl" />
                <Text size="sm" c="dimmed">
                  {TIER_MEANINGS[p.tier]}
                </Text>
              </Group>
            </Stack>
            <Stack gap={4} align="flex-start">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.04em" }}>
                Overall score
              </Text>
              {p.level ? (
                <RiskLevelBadge level={p.level} score={p.score} size="lg" />
              ) : (
                <Text size="sm" c="dimmed">
                  None: no open risk or signal
                </Text>
              )}
            </Stack>
          </Stack>
          <Title order={6} mb={6}>
            How it is computed
          </Title>
          <List size="sm" spacing={4} data-testid="risk-explanation">
            {p.explanation.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          {p.floor && (
            <Text size="xs" c="dimmed" mt="xs">
              {p.floor.explanation}
            </Text>
          )}
          {can(me, "risk", "create") && (
            <Button mt="lg" leftSection={<IconPlus size={16} />} variant="light" onClick={form.open}>
              New risk for this partner
            </Button>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Card>
            <Group justify="space-between" mb="sm">
              <Title order={5}>Top risks</Title>
              <Anchor
                renderRoot={(props) => <Link to="/risks" search={{ partnerId }} {...props} />}
                size="sm"
              >
                All risks of this partner
              </Anchor>
            </Group>
            {p.topRisks.length === 0 ? (
              <Group gap="xs" c="dimmed">
                <ThemeIcon variant="light" color="teal" size="sm">
                  <IconShieldCheck size={14} />
                </ThemeIcon>
                <Text size="sm">No open risks recorded for this partner.</Text>
              </Group>
            ) : (
              <Table className="data-table">
                <Table.Tbody>
                  {p.topRisks.map((r) => (
                    <Table.Tr
                      key={r.id}
                      className="row-link"
                      onClick={() => navigate({ to: "/risks/$riskId", params: { riskId: r.id } })}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/risks/${r.id}`} size="sm" fw={500}>
                          {r.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm" c="dimmed">
                        {RISK_STATUS_LABELS[r.status as RiskStatus] ?? r.status}
                      </Table.Td>
                      <Table.Td ta="right">
                        <RiskLevelBadge level={r.residualLevel} score={r.residualScore} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card>
            <Group justify="space-between" mb="sm">
              <Group gap={6}>
                <Title order={5}>Open signals</Title>
                <Badge variant="light" color="grape" circle>
                  {p.openSignals.length}
                </Badge>
              </Group>
              <Anchor
                renderRoot={(props) => <Link to="/signals" search={{ partnerId }} {...props} />}
                size="sm"
              >
                Open in the signals inbox
              </Anchor>
            </Group>
            {p.openSignals.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing Outsight knows about this partner suggests a new risk.
              </Text>
            ) : (
              <Stack gap="sm">
                {p.openSignals.map((s) => {
                  const score = explainScore(s.likelihood, s.impact, settings.data?.levels);
                  return (
                    <Group key={s.id} gap="sm" align="flex-start" wrap="nowrap">
                      <IconBolt
                        size={16}
                        color="var(--mantine-color-grape-6)"
                        style={{ marginTop: 3, flexShrink: 0 }}
                      />
                      <Stack gap={2} style={{ flex: 1 }}>
                        <Group gap="xs" justify="space-between" wrap="nowrap">
                          <Text size="sm" fw={600}>
                            {s.title}
                          </Text>
                          <RiskLevelBadge level={score.level} score={score.score} style={{ flexShrink: 0 }} />
                        </Group>
                        <Text size="xs" c="dimmed">
                          {s.explanation} · raised {fromNow(s.raisedAt)}
                        </Text>
                      </Stack>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <RiskFormModal
        opened={formOpened}
        onClose={form.close}
        risk={null}
        partner={partner.data ? { id: partner.data.id, name: partner.data.name } : undefined}
        onSaved={(id) => navigate({ to: "/risks/$riskId", params: { riskId: id } })}
      />
    </Grid>
  );
}
