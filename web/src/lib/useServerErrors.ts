import { useEffect } from "react";
import { type FieldErrors, serverErrors } from "./forms";

/**
 * Puts a mutation's server field errors (400/409/422 `errors[].path`) onto a Mantine form whenever a
 * new error arrives. `collapse` maps nested paths onto the form's fields ("days.0" → "days").
 */
export function useServerErrors(
  form: { setErrors: (errors: FieldErrors) => void },
  error: unknown,
  collapse?: (path: string) => string,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new error should set errors
  useEffect(() => {
    const errors: FieldErrors = {};
    for (const [k, m] of Object.entries(serverErrors(error))) errors[collapse ? collapse(k) : k] ??= m;
    if (Object.keys(errors).length) form.setErrors(errors);
  }, [error]);
}

/** True when the error carries field errors (then the fields show it, not a notification). */
export function hasFieldErrors(error: unknown): boolean {
  return Object.keys(serverErrors(error)).length > 0;
}
