import { ApiError, type ProblemBody } from "../../api/client";
import type { DocumentDetail } from "./queries";

/** Uploads and download links of documents: the parts the generated (JSON) client cannot type. */

/**
 * The multipart body of an upload. Order matters: the server reads the text fields BEFORE the file
 * streams through, so fields appended after the file would be ignored. Blank optional ids are left
 * out rather than sent empty.
 */
export function uploadBody(fields: Record<string, string | null | undefined>, file: File): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) body.append(k, v);
  body.append("file", file, file.name);
  return body;
}

/**
 * POSTs a multipart upload and reports progress (0..1); resolves with the document, rejects with
 * an `ApiError` carrying the server's problem (413 file_too_large, 422 file_type_mismatch…).
 * XMLHttpRequest rather than fetch: fetch cannot report upload progress, and a 50 MB upload
 * without a progress bar looks stuck.
 */
export function uploadDocument(
  url: string,
  body: FormData,
  onProgress?: (fraction: number) => void,
): Promise<DocumentDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr.response as DocumentDetail);
      const problem = xhr.response as Partial<ProblemBody> | null;
      reject(
        new ApiError({
          status: xhr.status,
          code: problem?.code ?? `http_${xhr.status}`,
          title: problem?.title ?? (xhr.statusText || "Upload failed"),
          detail: problem?.detail,
          errors: problem?.errors,
          requestId: problem?.requestId,
        }),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: "network_error",
          title: "Cannot reach the server",
          detail: "The upload was interrupted; check your connection and try again",
        }),
      );
    xhr.send(body);
  });
}

/** The address of a document's content: the current version unless `version`, as a download by default. */
export function contentUrl(
  id: string,
  opts: { version?: number; disposition?: "inline" | "attachment" } = {},
): string {
  const q = new URLSearchParams({ disposition: opts.disposition ?? "attachment" });
  if (opts.version) q.set("version", String(opts.version));
  return `/api/v1/documents/${encodeURIComponent(id)}/content?${q}`;
}

/** A server detail as a sentence ("… .zip" → "… .zip."), so advice can follow it. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Sentences for the upload errors people can act on, keyed by the server's stable code. */
export function uploadErrorMessage(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case "file_too_large":
      return error.detail ?? "The file is over the upload limit.";
    case "file_type_mismatch":
      return `${sentence(error.detail ?? "The content does not match the file name")} Rename the file to its real type, or export it again.`;
    case "file_type_refused":
      return error.detail ? sentence(error.detail) : "Programs, scripts and installers cannot be stored.";
    default:
      return null;
  }
}
