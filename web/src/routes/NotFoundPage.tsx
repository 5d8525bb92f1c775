import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";

/** Shown for any path the router does not know, and for records that no longer exist. */
export function NotFoundPage({ what = "page" }: { what?: string }) {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="xs" ta="center" maw={420}>
        <Text fz={72} fw={800} c="brand.2" lh={1}>
          404
        </Text>
        <Title order={3}>This {what} does not exist</Title>
        <Text c="dimmed">It may have been removed, or the link is mistyped.</Text>
        <Button component={Link} to="/" mt="md" leftSection={<IconArrowLeft size={16} />} variant="light">
          Back to the dashboard
        </Button>
      </Stack>
    </Center>
  );
}
