import { Checkbox, FileInput, Group, NumberInput, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { AnswerValue } from "../../../../domain/questionnaires";
import type { TemplateQuestion } from "./queries";

// Narrows the box, not the label: a long question must not wrap into a 240 px column.
const narrow = { wrapper: { maxWidth: 240 } };

/**
 * The respondent's input for one question, by type, holding the answer exactly as it is stored
 * (yes/no → boolean, choices → option values, date → YYYY-MM-DD) so scoring and visibility see
 * what they will see in a real assessment. A cleared input stores null: "not answered".
 */
export function AnswerInput({
  question: q,
  value,
  onChange,
  error,
}: {
  question: TemplateQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  /** A problem with this answer (the portal shows the server's field errors here). */
  error?: ReactNode;
}) {
  const label = q.text;
  const common = { label, description: q.help, withAsterisk: q.required, error };
  switch (q.type) {
    case "yes_no":
      return (
        <Radio.Group
          {...common}
          value={value === true ? "yes" : value === false ? "no" : null}
          onChange={(v) => onChange(v === "yes")}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      );
    case "single_choice":
      return (
        <Radio.Group {...common} value={typeof value === "string" ? value : null} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {(q.options ?? []).map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multi_choice":
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "text":
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          styles={narrow}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "date":
      return (
        <TextInput
          {...common}
          type="date"
          styles={narrow}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case "file":
      // Nothing is uploaded in a preview: the chosen file's name stands in for the stored file id.
      return (
        <FileInput
          {...common}
          maw={360}
          clearable
          placeholder="Choose a file"
          onChange={(file) => onChange(file ? file.name : null)}
        />
      );
  }
}
