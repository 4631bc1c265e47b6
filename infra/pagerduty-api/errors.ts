/**
 * Errors of the PagerDuty API client. Each has a stable `code` so callers (drift, import) can map it
 * to an exit status, and a message that says what to do. No message ever contains the token.
 */

/** A PagerDuty error body: `{ "error": { "code", "message", "errors" } }`. */
export interface PagerDutyErrorBody {
  code?: number;
  message?: string;
  errors?: string[];
}

export class PagerDutyApiError extends Error {
  override name = "PagerDutyApiError";
  constructor(
    message: string,
    /** A stable code: PagerDuty's own error code where it sent one, else one of ours. */
    readonly code: number | string,
    readonly status: number | undefined,
    readonly method: string,
    readonly path: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** 401: the token is missing, malformed or revoked. */
export class AuthenticationError extends PagerDutyApiError {
  override name = "AuthenticationError";
}

/** 403: the token is valid but may not do this. */
export class PermissionError extends PagerDutyApiError {
  override name = "PermissionError";
}

/** 404. */
export class NotFoundError extends PagerDutyApiError {
  override name = "NotFoundError";
}

/** PagerDuty's own code for "rate limit exceeded". */
export const RATE_LIMIT_CODE = 2020;

/** 429 that did not clear within the allowed attempts. Never reported as an auth problem (F16). */
export class RateLimitError extends PagerDutyApiError {
  override name = "RateLimitError";
}

/** PagerDuty's code for "arguments caused error", which it sends for an offset past 10,000. */
export const OFFSET_CEILING_CODE = 2002;

/** Classic pagination stops at offset + limit = 10,000 (F14). */
export class TooManyResultsError extends PagerDutyApiError {
  override name = "TooManyResultsError";
}

/** The client was built read-only (drift, import) and was asked to write. */
export class ReadOnlyError extends PagerDutyApiError {
  override name = "ReadOnlyError";
}

/** A lookup by exact name found more than one object (F15). */
export class AmbiguousNameError extends PagerDutyApiError {
  override name = "AmbiguousNameError";
}

/** 5xx that did not clear, a timeout, or a connection failure. */
export class UnavailableError extends PagerDutyApiError {
  override name = "UnavailableError";
}
