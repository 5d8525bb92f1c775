import { Alert, Button, Group, type MantineColor, type MantineSpacing } from "@mantine/core";
import type { ReactNode } from "react";
import { errorMessage } from "../api/client";
import { hasFieldErrors } from "../lib/useServerErrors";

/**
 * A failed save's message, shown above a form only when no field can show it (a conflict, a
 * server failure): field errors already sit under their fields.
 */
export function FormError({ error }: { error: unknown }) {
  return error && !hasFieldErrors(error) ? <Alert color="red">{errorMessage(error)}</Alert> : null;
}

/** A form's footer: Cancel, then the submit button (`children` is its label) busy while `pending`. */
export function FormActions(props: {
  onCancel: () => void;
  pending: boolean;
  children: ReactNode;
  color?: MantineColor;
  mt?: MantineSpacing;
}) {
  return (
    <Group justify="flex-end" gap="xs" mt={props.mt}>
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" color={props.color} loading={props.pending}>
        {props.children}
      </Button>
    </Group>
  );
}
