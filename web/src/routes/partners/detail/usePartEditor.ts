import { useState } from "react";

/**
 * Modal state of a sub-resource tab: which record is being edited (null = adding a new one) and
 * which one awaits delete confirmation.
 */
export function usePartEditor<T>() {
  const [opened, setOpened] = useState(false);
  const [editing, setEditing] = useState<T | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  return {
    opened,
    editing,
    deleting,
    add: () => {
      setEditing(null);
      setOpened(true);
    },
    edit: (item: T) => {
      setEditing(item);
      setOpened(true);
    },
    close: () => setOpened(false),
    askDelete: (item: T) => setDeleting(item),
    cancelDelete: () => setDeleting(null),
  };
}
