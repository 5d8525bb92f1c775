import { Box, Group, NavLink, Progress, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { percent } from "./labels";

/** Answered / visible questions of one section, as the form computes them live. */
export interface SectionStat {
  key: string;
  title: string;
  answered: number;
  visible: number;
}

/** Scrolls smoothly to an element of the form (a section or a question) by id. */
export function scrollToId(id: string): void {
  document.getElementById(id)?.scrollIntoView({ behavior: "smooth", block: "start" });
}

const done = (s: SectionStat) => s.visible > 0 && s.answered === s.visible;

/** The section list of the left column (desktop): per-section progress; a click scrolls there. */
export function SectionNav({ sections }: { sections: SectionStat[] }) {
  return (
    <Box component="nav" aria-label="Sections">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6} px="xs">
        Sections
      </Text>
      {sections.map((s) => (
        <NavLink
          key={s.key}
          component="button"
          onClick={() => scrollToId(`section-${s.key}`)}
          label={
            <Text size="sm" fw={500} lh={1.3}>
              {s.title}
            </Text>
          }
          description={
            <Box mt={4}>
              <Progress
                value={percent(s.answered, s.visible)}
                size="xs"
                color={done(s) ? "teal" : "brand"}
                aria-label={`${s.answered} of ${s.visible} answered`}
              />
              <Text size="xs" c="dimmed" mt={2}>
                {s.visible === 0 ? "Nothing to answer" : `${s.answered} of ${s.visible} answered`}
              </Text>
            </Box>
          }
          rightSection={done(s) ? <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" /> : null}
          style={{ borderRadius: "var(--mantine-radius-md)" }}
        />
      ))}
    </Box>
  );
}

/** The same list for narrow screens: a horizontal strip of section chips above the questions. */
export function SectionStrip({ sections }: { sections: SectionStat[] }) {
  return (
    <ScrollArea type="never" aria-label="Sections">
      <Group gap="xs" wrap="nowrap" pb={4}>
        {sections.map((s) => (
          <UnstyledButton
            key={s.key}
            onClick={() => scrollToId(`section-${s.key}`)}
            px="sm"
            py={6}
            style={{
              border: "1px solid var(--mantine-color-gray-3)",
              borderRadius: 999,
              background: "var(--mantine-color-white)",
              whiteSpace: "nowrap",
            }}
          >
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500}>
                {s.title}
              </Text>
              <Text size="xs" fw={600} c={done(s) ? "teal.7" : "dimmed"} style={{ flexShrink: 0 }}>
                {s.answered}/{s.visible}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </ScrollArea>
  );
}
