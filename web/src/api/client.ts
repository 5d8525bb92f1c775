import createClient from "openapi-fetch";
import type { paths } from "./schema";

/** One field error of a problem response; `row` is set by the CSV import. */
export interface FieldError {
  path: string;
  message: string;
  row?: number;
}

/** The RFC 9457 problem body every API error carries. */
export interface ProblemBody {
  status: number;
  code: string;
  title: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
}

/**
 * An API failure as a real Error, so TanStack Query, error boundaries and notifications can all
 * treat it alike while keeping the stable `code` and the field errors for forms.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly requestId?: string;

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
  }
}

/** The typed API client; paths and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

/** Turns whatever the server or the network gave us into a problem body. */
function toProblem(error: unknown, response: Response): ProblemBody {
  if (error && typeof error === "object" && "code" in error && "status" in error) return error as ProblemBody;
  const text = typeof error === "string" && error.length < 300 ? error : undefined;
  return {
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || "Request failed",
    detail: text,
  };
}

/**
 * Awaits an openapi-fetch call and returns its data, throwing `ApiError` on any non-2xx answer.
 * Query and mutation functions use it so failures flow through TanStack Query's error handling.
 */
export async function unwrap<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>): Promise<T> {
  let result: { data?: T; error?: E; response: Response };
  try {
    result = await call;
  } catch (e) {
    throw new ApiError({
      status: 0,
      code: "network_error",
      title: "Cannot reach the server",
      detail: e instanceof Error ? e.message : "Check your connection and try again",
    });
  }
  if (!result.response.ok) throw new ApiError(toProblem(result.error, result.response));
  return result.data as T;
}

/** True when `error` is an `ApiError` with this HTTP status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A short human sentence for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return "Something went wrong";
}

/** The problem body of a failed raw `fetch`, as the typed client would have thrown it. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let body: Partial<ProblemBody> = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status line below.
  }
  return new ApiError({
    status: response.status,
    code: body.code ?? `http_${response.status}`,
    title: body.title ?? (response.statusText || "Request failed"),
    detail: body.detail,
    requestId: body.requestId,
    errors: body.errors,
  });
}

/** `fetch`, turning a network failure or a non-2xx answer into an `ApiError` like `unwrap` does. */
export async function sendRaw(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch (e) {
    throw new ApiError({
      status: 0,
      code: "network_error",
      title: "Cannot reach the server",
      detail: e instanceof Error ? e.message : "Check your connection and try again",
    });
  }
  if (!response.ok) throw await apiErrorOf(response);
  return response;
}
