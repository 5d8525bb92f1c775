import { notifications } from "@mantine/notifications";
import { errorMessage } from "../api/client";

/** A green confirmation toast for a completed action. */
export function notifySuccess(title: string, message?: string): void {
  notifications.show({ color: "teal", title, message: message ?? "", autoClose: 4000 });
}

/** A red toast for a failed action, with the server's explanation when it gave one. */
export function notifyError(error: unknown, title = "That did not work"): void {
  notifications.show({ color: "red", title, message: errorMessage(error), autoClose: 8000 });
}
