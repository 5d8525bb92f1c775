import { sendRaw } from "../../api/client";
import type { paths } from "../../api/schema";

/** What `POST /api/v1/documents/trace` answers: the copy found, or why none was. */
export type TraceResult =
  paths["/api/v1/documents/trace"]["post"]["responses"][200]["content"]["application/json"];
/** A trace that led to a delivered copy. */
export type TraceFound = Extract<TraceResult, { found: true }>;
/** A trace that named nobody, with the reason. */
export type TraceNotFound = Extract<TraceResult, { found: false }>;
/** A place in the file the fingerprint was read from. */
export type TraceCarrier = TraceFound["carriers"][number];

/** File types whose delivered copies carry a fingerprint (the `accept` of the picker). */
export const TRACEABLE_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/**
 * Uploads a suspected leaked copy as multipart with plain `fetch`: the typed client cannot send a
 * `FormData` body the OpenAPI document does not describe. Any non-2xx answer becomes an
 * `ApiError` carrying the problem's code, as `unwrap` does for typed calls.
 */
export async function traceFile(file: File): Promise<TraceResult> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await sendRaw("/api/v1/documents/trace", { method: "POST", body: form });
  return (await response.json()) as TraceResult;
}
