import { Card, Chip, Group, Input, SegmentedControl, SimpleGrid, Slider } from "@mantine/core";
import { useEffect, useState } from "react";
import { CRITICALITIES, type Criticality } from "../../../../domain/partners";
import { CRITICALITY_COLORS } from "../../components/Badges";
import type { CountryRule, resolveSearch, Weighting } from "./search";

type Params = ReturnType<typeof resolveSearch>;

const CRITICALITY_LABELS: Record<Criticality, string> = {
  critical: "Critical",
  important: "Important",
  standard: "Standard",
};

const MARKS = [10, 30, 50, 70, 90].map((value) => ({ value, label: `${value}%` }));

/** The analysis parameters: which services, when to flag, how to weigh and where a service sits. */
export function ConcentrationControls({
  params,
  onChange,
}: {
  params: Params;
  onChange: (patch: Partial<Params>) => void;
}) {
  // The slider moves freely; the request follows when it is released.
  const [threshold, setThreshold] = useState(Math.round(params.threshold * 100));
  useEffect(() => setThreshold(Math.round(params.threshold * 100)), [params.threshold]);

  return (
    <Card mb="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
        <Input.Wrapper label="Services in scope" description="By criticality">
          <Chip.Group
            multiple
            value={params.criticality}
            // At least one criticality stays selected: an empty scope says nothing.
            onChange={(v) => v.length > 0 && onChange({ criticality: v as Criticality[] })}
          >
            <Group gap={6} mt={8}>
              {CRITICALITIES.map((c) => (
                <Chip key={c} value={c} size="xs" color={CRITICALITY_COLORS[c]}>
                  {CRITICALITY_LABELS[c]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>
        <Input.Wrapper label={`Flag a share above ${threshold}%`} description="One partner or country">
          <Slider
            mt={10}
            mb={18}
            min={10}
            max={90}
            step={5}
            marks={MARKS}
            value={threshold}
            onChange={setThreshold}
            onChangeEnd={(v) => onChange({ threshold: v / 100 })}
            label={(v) => `${v}%`}
            aria-label="Share threshold"
          />
        </Input.Wrapper>
        <Input.Wrapper label="Weighting" description="How much a service counts">
          <SegmentedControl
            mt={8}
            fullWidth
            size="xs"
            value={params.weighting}
            onChange={(v) => onChange({ weighting: v as Weighting })}
            data={[
              { value: "count", label: "Each service 1" },
              { value: "critical2x", label: "Critical × 2" },
            ]}
          />
        </Input.Wrapper>
        <Input.Wrapper label="Country of a service" description="Where its work is counted">
          <SegmentedControl
            mt={8}
            fullWidth
            size="xs"
            value={params.by}
            onChange={(v) => onChange({ by: v as CountryRule })}
            data={[
              { value: "dataLocation", label: "Data location" },
              { value: "partnerCountry", label: "Partner's country" },
            ]}
          />
        </Input.Wrapper>
      </SimpleGrid>
    </Card>
  );
}
