import { Alert, Anchor, Badge, Group, SimpleGrid, Text } from "@mantine/core";
import { IconAlertTriangle, IconChartPie, IconCircleCheck } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { type Flag, formatHhi, formatShare } from "./queries";

const DIMENSION_LABELS: Record<Flag["dimension"], string> = {
  partner: "Partner",
  country: "Country",
  fourthParty: "Fourth party",
  fourthPartyCountry: "Fourth-party country",
};

const ACROSS: Record<Flag["dimension"], string> = {
  partner: "partners",
  country: "countries",
  fourthParty: "fourth parties",
  fourthPartyCountry: "fourth parties' countries",
};

function title(flag: Flag, threshold: number): string {
  if (flag.kind === "index") return `Highly concentrated across ${ACROSS[flag.dimension]}`;
  return `${flag.name ?? flag.key}: ${formatShare(flag.share ?? 0)}, above the ${formatShare(threshold)} threshold`;
}

/** One alert per flag with the server's explanation; share flags of partners link to the partner. */
export function FlagCards({
  flags,
  threshold,
  clearText,
}: {
  flags: Flag[];
  threshold: number;
  /** Shown instead when nothing is flagged. */
  clearText: string;
}) {
  if (flags.length === 0)
    return (
      <Alert color="teal" variant="light" radius="md" icon={<IconCircleCheck size={18} />} title="No flags">
        {clearText}
      </Alert>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {flags.map((f) => {
        const isPartner = f.dimension === "partner" || f.dimension === "fourthParty";
        return (
          <Alert
            key={`${f.dimension}-${f.kind}-${f.key ?? ""}`}
            color={f.kind === "index" ? "red" : "orange"}
            variant="light"
            radius="md"
            icon={f.kind === "index" ? <IconChartPie size={18} /> : <IconAlertTriangle size={18} />}
            title={
              <Group gap="xs" wrap="wrap">
                <span>{title(f, threshold)}</span>
                <Badge size="xs" variant="white" color={f.kind === "index" ? "red" : "orange"}>
                  {DIMENSION_LABELS[f.dimension]}
                </Badge>
              </Group>
            }
          >
            <Text size="sm">{f.explanation}.</Text>
            <Group gap="md" mt={6}>
              <Text size="xs" c="dimmed">
                HHI {formatHhi(f.hhi)}
              </Text>
              {f.kind === "share" && f.key && isPartner && (
                <Anchor component={Link} to={`/partners/${f.key}`} size="xs">
                  Open partner
                </Anchor>
              )}
              {f.kind === "share" && f.key && !isPartner && (
                <Anchor
                  size="xs"
                  renderRoot={(props) => (
                    <Link to="/partners" search={{ country: [f.key as string] }} {...props} />
                  )}
                >
                  Partners in {f.name ?? f.key}
                </Anchor>
              )}
            </Group>
          </Alert>
        );
      })}
    </SimpleGrid>
  );
}
