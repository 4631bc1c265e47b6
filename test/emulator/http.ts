/**
 * The HTTP side of the emulator: routing by path template, PagerDuty error bodies, classic
 * pagination, and faults that tests switch on (429, 5xx, slow answers).
 */
import type { IncomingHttpHeaders } from "node:http";

export const ACCEPT = "application/vnd.pagerduty+json;version=2";

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  params: Record<string, string>;
}

export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: EmulatorRequest) => EmulatorResponse;

/** An error answered with PagerDuty's error body `{ error: { code, message, errors } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): EmulatorResponse {
    const error: Record<string, unknown> = { message: this.message, code: this.code };
    if (this.errors.length > 0) error.errors = this.errors;
    return { status: this.status, body: { error }, headers: this.headers };
  }
}

export const invalidInput = (...errors: string[]) =>
  new ApiError(400, 2001, "Invalid Input Provided", errors);

export const notFound = () => new ApiError(404, 2100, "Not Found");

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  template: string;
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, template: string, handler: Handler): this {
    const names: string[] = [];
    const source = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, template, handler });
    return this;
  }

  /** The handler and path parameters for a request, or the status that says why there is none. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | 404 | 405 {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return { handler: route.handler, params };
    }
    return pathKnown ? 405 : 404;
  }
}

/** PagerDuty answers 400 (code 2002) once offset + limit passes this. */
export const RESULT_CEILING = 10_000;

/**
 * One page of `items` under `key`, as classic pagination answers it: `limit` defaults to 25 and is
 * capped at 100, `total` is null unless `total=true`, `more` says whether another page exists.
 */
export function paginate(
  request: EmulatorRequest,
  key: string,
  items: unknown[],
  options: {
    /** Renders one item; applied to the page only, so large lists stay cheap. */
    render?: (item: any) => unknown;
    /** The Slack integration API always counts (its description requires an integer `total`). */
    alwaysTotal?: boolean;
  } = {},
): EmulatorResponse {
  const limit = Math.min(100, integer(request.query.get("limit"), 25, "limit"));
  const offset = integer(request.query.get("offset"), 0, "offset");
  if (offset + limit > RESULT_CEILING) {
    throw new ApiError(400, 2002, "Arguments Caused Error", [
      `Offset must be less than ${RESULT_CEILING - limit + 1}.`,
    ]);
  }
  const page = items.slice(offset, offset + limit);
  const total = options.alwaysTotal || request.query.get("total") === "true" ? items.length : null;
  const more = offset + page.length < items.length;
  const body = options.render ? page.map(options.render) : page;
  return { status: 200, body: { [key]: body, limit, offset, more, total } };
}

function integer(value: string | null, fallback: number, name: string): number {
  if (value === null || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw invalidInput(`${name} must be a non-negative integer`);
  }
  return name === "limit" && number === 0 ? fallback : number;
}

/** The values of `include[]` (also accepted as `include`, as PagerDuty does). */
export function includes(request: EmulatorRequest): Set<string> {
  return new Set([...request.query.getAll("include[]"), ...request.query.getAll("include")]);
}

/** A fault answered instead of (or before) the real answer, for the next `times` matching requests. */
export interface Fault {
  /** Only requests whose method and path match; default every request. */
  method?: string;
  path?: RegExp;
  /** Skip this many matching requests before the fault starts. Default 0. */
  after?: number;
  /** How many matching requests get the fault. Default 1. */
  times?: number;
  /** Answer with this status and a PagerDuty error body instead of the real answer. */
  status?: number;
  headers?: Record<string, string>;
  /** Wait this long (real milliseconds) before answering. */
  delayMs?: number;
}

/** A 429 as PagerDuty sends it: error code 2020 and the rate-limit headers. */
export function rateLimitFault(resetSeconds: number, extra: Partial<Fault> = {}): Fault {
  return {
    status: 429,
    headers: {
      "ratelimit-limit": "960",
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(resetSeconds),
    },
    ...extra,
  };
}

export function faultBody(status: number): unknown {
  if (status === 429) return { error: { message: "Rate Limit Exceeded", code: 2020 } };
  // PagerDuty sends no error code of its own with a 5xx.
  return { error: { message: "Internal Server Error" } };
}
