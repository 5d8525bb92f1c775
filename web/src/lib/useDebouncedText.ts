import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";

/**
 * A text input's state whose value reaches `onCommit` (trimmed, `undefined` when blank) only after
 * typing pauses for `delayMs`, so a list is not re-queried on every keystroke; it follows `value`
 * when that changes from elsewhere (a URL change, Clear filters).
 */
export function useDebouncedText(
  value: string | undefined,
  onCommit: (v: string | undefined) => void,
  delayMs = 300,
) {
  const [text, setText] = useState(value ?? "");
  const [debounced] = useDebouncedValue(text, delayMs);
  useEffect(() => setText(value ?? ""), [value]);
  // Only the debounced text should trigger a commit (onCommit is a new function every render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    const next = debounced.trim() || undefined;
    if (next !== value) onCommit(next);
  }, [debounced]);
  return [text, setText] as const;
}
