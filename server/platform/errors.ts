import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { Problem } from "../../domain/common.js";

/** The stable error codes clients may rely on. */
export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "invalid_credentials"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "already_set_up"
  | "invalid_transition"
  | "residual_exceeds_inherent"
  | "use_accept_endpoint"
  | "category_in_use"
  | "builtin_category"
  | "signal_not_open"
  | "bulk_rejected"
  | "too_many_requests"
  | "payload_too_large"
  | "unsupported_media_type"
  | "not_editable"
  | "answers_incomplete"
  | "file_too_large"
  | "too_many_files"
  | "file_type_refused"
  | "file_type_mismatch"
  | "import_rejected"
  | "wrong_questionnaire"
  | "due_diligence_required"
  | "not_draft"
  | "recipient_conflict"
  | "not_flagged"
  | "already_a_user"
  | "email_taken"
  | "already_invited"
  | "invitation_not_found"
  | "invitation_expired"
  | "nda_required"
  | "watermark_unsupported"
  | "download_not_allowed"
  | "watermark_failed"
  | "not_implemented"
  | "internal_error";

type FieldError = { path: string; message: string; row?: number };

/** An error that becomes an RFC 9457 problem response with a stable `code`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what = "Resource") =>
  new AppError(404, "not_found", "Not found", `${what} not found`);
export const forbidden = (detail = "Your role does not allow this action") =>
  new AppError(403, "forbidden", "Forbidden", detail);
export const unauthenticated = (detail = "Sign in or send a valid API token") =>
  new AppError(401, "unauthenticated", "Unauthenticated", detail);
export const conflict = (detail: string, code: ErrorCode = "conflict", errors?: FieldError[]) =>
  new AppError(409, code, "Conflict", detail, errors);
export const invalid = (detail: string, errors?: FieldError[]) =>
  new AppError(422, "validation_failed", "Validation failed", detail, errors);

const TITLES: Record<number, [ErrorCode, string]> = {
  400: ["validation_failed", "Bad request"],
  401: ["unauthenticated", "Unauthenticated"],
  403: ["forbidden", "Forbidden"],
  404: ["not_found", "Not found"],
  413: ["payload_too_large", "Payload too large"],
  415: ["unsupported_media_type", "Unsupported media type"],
  429: ["too_many_requests", "Too many requests"],
};

function send(reply: import("fastify").FastifyReply, problem: Problem) {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/**
 * Installs the one error handler: every failure leaves as `application/problem+json` with a
 * stable code and the request id; unexpected errors are logged in full but reach the client only
 * as "internal_error", never with a stack trace.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) =>
    send(reply, {
      type: "about:blank",
      title: "Not found",
      status: 404,
      code: "not_found",
      detail: `No route for ${req.method} ${req.url.split("?")[0]}`,
      requestId: req.id,
    }),
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const base = { type: "about:blank", instance: req.url.split("?")[0], requestId: req.id };
    if (err instanceof AppError) {
      return send(reply, {
        ...base,
        title: err.title,
        status: err.status,
        code: err.code,
        detail: err.detail,
        errors: err.errors,
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? "body";
      return send(reply, {
        ...base,
        title: "Validation failed",
        status: 400,
        code: "validation_failed",
        detail: "The request does not match the schema",
        errors: err.validation.map((v) => ({
          path: [
            where,
            ...String(v.instancePath ?? "")
              .split("/")
              .filter(Boolean),
          ].join("."),
          message: v.message ?? "Invalid value",
        })),
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, "response failed its schema");
    } else if (err.statusCode && err.statusCode < 500) {
      const [code, title] = TITLES[err.statusCode] ?? ["validation_failed", "Bad request"];
      return send(reply, { ...base, title, status: err.statusCode, code, detail: err.message });
    } else {
      req.log.error({ err }, "unhandled error");
    }
    return send(reply, {
      ...base,
      title: "Internal error",
      status: 500,
      code: "internal_error",
      detail: "Something went wrong on our side; the request id helps us find it",
    });
  });
}
