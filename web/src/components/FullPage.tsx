import { Button, Center, Loader, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconPlugConnectedX } from "@tabler/icons-react";
import type { ErrorComponentProps } from "@tanstack/react-router";
import { errorMessage, isApiError } from "../api/client";

/** A centred spinner for route transitions and first loads. */
export function FullPageLoader() {
  return (
    <Center h="60vh">
      <Loader type="dots" />
    </Center>
  );
}

/** The last-resort error screen of the router, with a retry that reloads the route's data. */
export function FullPageError({ error, reset }: ErrorComponentProps) {
  const offline = isApiError(error, 0);
  return (
    <Center h="80vh" p="md">
      <Stack align="center" gap="sm" maw={460} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="red">
          <IconPlugConnectedX size={28} />
        </ThemeIcon>
        <Title order={3}>{offline ? "Cannot reach Outsight" : "Something went wrong"}</Title>
        <Text c="dimmed">{errorMessage(error)}</Text>
        <Button
          mt="sm"
          onClick={() => {
            reset();
            window.location.reload();
          }}
        >
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
