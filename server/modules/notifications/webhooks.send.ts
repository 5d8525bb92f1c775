import { createHmac } from "node:crypto";
import type { WebhookPayload, WebhookTestResult } from "../../../domain/notifications.js";

/**
 * How Outsight calls a webhook, for receivers:
 *
 * `POST <url>` with the JSON `WebhookPayload` as body and these headers:
 * - `content-type: application/json`, `user-agent: Outsight-Webhooks/1`
 * - `x-outsight-event`: the event type (`ping` for the test button)
 * - `x-outsight-delivery`: the delivery id (the same on every retry: use it to de-duplicate)
 * - `x-outsight-timestamp`: Unix seconds when this attempt was signed
 * - `x-outsight-signature`: `sha256=` + hex HMAC-SHA256, keyed with the webhook's secret (the
 *   whole `whsec_…` string), of `<timestamp>.<raw request body>`
 *
 * To verify: recompute the HMAC over the raw body bytes as received (before any JSON parsing),
 * compare in constant time, and refuse timestamps more than a few minutes old (replays). Answer
 * any 2xx within 10 seconds; anything else is retried with backoff (`WEBHOOK_BACKOFF_SECONDS`).
 */
export const WEBHOOK_USER_AGENT = "Outsight-Webhooks/1";

/** The `x-outsight-signature` value for a body signed at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** What `postWebhook` sends: the target, its secret, the delivery id and the payload. */
export interface WebhookCall {
  url: string;
  secret: string;
  deliveryId: string;
  /** `x-outsight-event`: the payload's type, or `ping`. */
  event: string;
  payload: WebhookPayload | (Omit<WebhookPayload, "type"> & { type: "ping" });
  timeoutMs: number;
}

/** Longest error text kept (a receiver's error page can be large). */
const MAX_ERROR = 500;

/**
 * POSTs one signed payload and reports the outcome; never throws (a refused connection or a
 * timeout is an outcome too). Redirects are not followed: a webhook URL must answer itself, and
 * following them would let a receiver bounce signed payloads elsewhere.
 */
export async function postWebhook(call: WebhookCall): Promise<WebhookTestResult> {
  const body = JSON.stringify(call.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(call.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(call.timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": WEBHOOK_USER_AGENT,
        "x-outsight-event": call.event,
        "x-outsight-delivery": call.deliveryId,
        "x-outsight-timestamp": String(timestamp),
        "x-outsight-signature": signWebhook(call.secret, timestamp, body),
      },
      body,
    });
    // Drain the body so the connection is released; its content only matters in an error.
    const text = await res.text().catch(() => "");
    if (res.ok) return { delivered: true, responseStatus: res.status, error: null };
    const detail = text.trim() ? `: ${text.trim()}` : "";
    return {
      delivered: false,
      responseStatus: res.status,
      error: `HTTP ${res.status}${detail}`.slice(0, MAX_ERROR),
    };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const reason =
      err.name === "TimeoutError"
        ? `No answer within ${call.timeoutMs / 1000} s`
        : (err.cause?.code ?? err.cause?.message ?? err.message);
    return { delivered: false, responseStatus: null, error: String(reason).slice(0, MAX_ERROR) };
  }
}
