import { TextInput, type TextInputProps } from "@mantine/core";
import { useEffect, useState } from "react";

/**
 * A key field that commits on blur or Enter, not per keystroke: renaming a key also rewrites the
 * conditions pointing at it, and committing half-typed keys could briefly collide with another
 * question's key and merge their references.
 */
export function KeyInput({
  value,
  onCommit,
  ...props
}: Omit<TextInputProps, "value" | "onChange"> & { value: string; onCommit: (key: string) => void }) {
  const [text, setText] = useState(value);
  // Follow outside changes (auto-suggested keys, discard) while the field is not being edited.
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const key = text.trim();
    if (key !== value) onCommit(key);
  };
  return (
    <TextInput
      {...props}
      value={text}
      styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      onChange={(e) => setText(e.currentTarget.value.toLowerCase())}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
      }}
    />
  );
}
