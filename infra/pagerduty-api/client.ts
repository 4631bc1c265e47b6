/**
 * The one client for PagerDuty's REST API v2 and its Slack integration API.
 *
 * Why not `@pagerduty/pdjs` (the official wrapper, 2.2.4 in the registry): it sends requests and
 * follows `more`, and that is all. It does not wait for `ratelimit-reset` or `Retry-After` on a 429,
 * does not stop before the 10,000-result ceiling of classic pagination, has no bound on concurrent
 * requests, no injectable clock for tests and no read-only mode. Each of those would be a wrapper
 * around it, leaving it only the `fetch` call and the two headers, so this client uses Node's own
 * `fetch` and has no dependency.
 */
import { createHash } from "node:crypto";
import {
  AuthenticationError,
  NotFoundError,
  OFFSET_CEILING_CODE,
  PagerDutyApiError,
  PermissionError,
  RATE_LIMIT_CODE,
  RateLimitError,
  ReadOnlyError,
  TooManyResultsError,
  UnavailableError,
  type PagerDutyErrorBody,
} from "./errors";

/** The public REST API. Tests and the emulator always pass their own `baseUrl`. */
export const DEFAULT_BASE_URL = "https://api.pagerduty.com";

/**
 * The Slack integration API. Its description names this host in every operation's `servers`
 * (overriding the top-level `api.pagerduty.com/integration-slack`), so it is the default here.
 */
export const DEFAULT_SLACK_BASE_URL = "https://app.pagerduty.com/integration-slack";

export const ACCEPT = "application/vnd.pagerduty+json;version=2";

/** PagerDuty refuses a page size above 100. */
export const MAX_PAGE_SIZE = 100;

/** Classic pagination answers 400 (code 2002) once offset + limit passes this. */
export const RESULT_CEILING = 10_000;

/** Time as the client sees it; tests pass a fake one so waits cost no real time. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type Api = "rest" | "slack";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface ClientOptions {
  /** A REST API key. Sent as `Token token=…`; never logged or put in an error message. */
  token: string;
  /** Default {@link DEFAULT_BASE_URL}. */
  baseUrl?: string;
  /** Default `<baseUrl>/integration-slack` when `baseUrl` is set, else {@link DEFAULT_SLACK_BASE_URL}. */
  slackBaseUrl?: string;
  /** Refuse everything but GET before it reaches the network (drift and import). Default false. */
  readOnly?: boolean;
  /** Requests in flight at once for one token, across all clients of this process. Default 4. */
  maxConcurrency?: number;
  /** Attempts per request, the first included, before a 429 or 5xx is given up. Default 5. */
  maxAttempts?: number;
  /** First backoff step when the API gives no wait; doubled per attempt. Default 1000 ms. */
  backoffMs?: number;
  /** Abort a request that has not answered after this long. Default 30000 ms. */
  timeoutMs?: number;
  clock?: Clock;
  /** Source of jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
  fetch?: typeof fetch;
  /** Called with one line before each request (method and path, never the token). */
  log?: (line: string) => void;
}

export interface RequestOptions {
  api?: Api;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

export interface ListOptions {
  api?: Api;
  query?: Record<string, QueryValue>;
  /** Sent as repeated `include[]` parameters. */
  include?: readonly string[];
  /** Page size, at most {@link MAX_PAGE_SIZE}. Default 100. */
  limit?: number;
}

/** Counts requests in flight per token. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

/**
 * PagerDuty's rate limit is per token, not per client object, so the bound is shared by every client
 * holding the same token. Keyed by a hash so the token itself is not kept as a map key.
 */
const semaphores = new Map<string, Semaphore>();

function semaphoreFor(token: string, limit: number): Semaphore {
  const key = createHash("sha256").update(token).digest("hex");
  let semaphore = semaphores.get(key);
  if (!semaphore) {
    semaphore = new Semaphore(limit);
    semaphores.set(key, semaphore);
  }
  return semaphore;
}

export class PagerDutyClient {
  readonly readOnly: boolean;
  private readonly token: string;
  private readonly baseUrl: string;
  private readonly slackBaseUrl: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly fetch: typeof fetch;
  private readonly log: (line: string) => void;
  private readonly semaphore: Semaphore;

  constructor(options: ClientOptions) {
    if (!options.token) {
      throw new AuthenticationError(
        "No PagerDuty API token: set PAGERDUTY_TOKEN to a REST API key.",
        "NO_TOKEN",
        undefined,
        "",
        "",
      );
    }
    this.token = options.token;
    this.baseUrl = trimSlash(options.baseUrl ?? DEFAULT_BASE_URL);
    this.slackBaseUrl = trimSlash(
      options.slackBaseUrl ??
        (options.baseUrl ? `${this.baseUrl}/integration-slack` : DEFAULT_SLACK_BASE_URL),
    );
    this.readOnly = options.readOnly ?? false;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoffMs = options.backoffMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.log = options.log ?? (() => {});
    this.semaphore = semaphoreFor(this.token, Math.max(1, options.maxConcurrency ?? 4));
  }

  get<T>(path: string, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return this.request<T>("GET", path, options);
  }

  post<T>(path: string, body: unknown, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return this.request<T>("POST", path, { ...options, body });
  }

  put<T>(path: string, body: unknown, options: Omit<RequestOptions, "body"> = {}): Promise<T> {
    return this.request<T>("PUT", path, { ...options, body });
  }

  delete(path: string, options: Omit<RequestOptions, "body"> = {}): Promise<unknown> {
    return this.request("DELETE", path, options);
  }

  /**
   * Sends one request, waiting out 429s and retrying 5xx, and returns the parsed body (undefined
   * for 204). Throws a {@link PagerDutyApiError} subclass for everything else.
   */
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    if (this.readOnly && method !== "GET") {
      throw new ReadOnlyError(
        `Refused ${method} ${path}: this client is read-only (drift and import never write to PagerDuty).`,
        "READ_ONLY",
        undefined,
        method,
        path,
      );
    }

    const url = this.url(options.api ?? "rest", path, options.query);
    const init: RequestInit = {
      method,
      headers: {
        Accept: ACCEPT,
        "Content-Type": "application/json",
        Authorization: `Token token=${this.token}`,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    };

    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.semaphore.run(() => this.send(method, path, url, init));
      if (outcome.kind === "done") {
        return outcome.body as T;
      }
      if (attempt >= this.maxAttempts || !outcome.retryable(method)) {
        throw outcome.error(attempt);
      }
      // Waiting outside the semaphore, so a rate-limited request does not hold a slot.
      await this.clock.sleep(outcome.waitMs ?? this.backoff(attempt));
    }
  }

  /**
   * Reads every page of a classic-paginated list and returns the items under `key`. Follows `more`
   * (never `total`, which PagerDuty leaves null unless asked), and fails rather than truncate when
   * the list holds more than 10,000 results (F14).
   */
  async listAll<T>(path: string, key: string, options: ListOptions = {}): Promise<T[]> {
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, options.limit ?? MAX_PAGE_SIZE));
    const items: T[] = [];

    for (let offset = 0; ;) {
      if (offset + limit > RESULT_CEILING) {
        throw tooMany(path);
      }
      const query = { ...options.query, limit, offset, "include[]": options.include };
      let page: Record<string, unknown>;
      try {
        page = await this.get<Record<string, unknown>>(path, { api: options.api, query });
      } catch (error) {
        if (error instanceof PagerDutyApiError && error.code === OFFSET_CEILING_CODE) {
          throw tooMany(path);
        }
        throw error;
      }

      const pageItems = page[key];
      if (!Array.isArray(pageItems)) {
        throw new PagerDutyApiError(
          `GET ${path} answered without a "${key}" list; check the base URL points at the PagerDuty REST API.`,
          "BAD_RESPONSE",
          200,
          "GET",
          path,
        );
      }
      items.push(...(pageItems as T[]));
      if (page.more !== true) {
        return items;
      }
      // A page that says "more" but holds nothing would page forever.
      if (pageItems.length === 0) {
        throw new PagerDutyApiError(
          `GET ${path} answered an empty page with more=true at offset ${offset}; the list cannot be read completely.`,
          "BAD_RESPONSE",
          200,
          "GET",
          path,
        );
      }
      offset += pageItems.length;
    }
  }

  private url(api: Api, path: string, query: Record<string, QueryValue> = {}): string {
    const base = api === "slack" ? this.slackBaseUrl : this.baseUrl;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        for (const item of value) search.append(name, item);
      } else {
        search.append(name, String(value));
      }
    }
    const text = search.toString();
    return `${base}${path}${text ? `?${text}` : ""}`;
  }

  private async send(
    method: Method,
    path: string,
    url: string,
    init: RequestInit,
  ): Promise<Outcome> {
    this.log(`${method} ${path}`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, { ...init, signal: controller.signal });
      text = await response.text();
    } catch (cause) {
      const reason = controller.signal.aborted
        ? `no answer within ${this.timeoutMs} ms`
        : `connection failed (${(cause as Error).message})`;
      return retry(
        undefined,
        idempotentOnly,
        (attempts) =>
          new UnavailableError(
            `${method} ${path}: ${reason} after ${attempts} attempt(s); check the network and the base URL, then run again.`,
            "UNAVAILABLE",
            undefined,
            method,
            path,
          ),
      );
    } finally {
      clearTimeout(timer);
    }

    const status = response.status;
    const body = parseJson(text);
    if (status >= 200 && status < 300) {
      return { kind: "done", body };
    }

    const error = errorBody(body);
    const details = error.errors ?? [];
    const said = error.message
      ? `: ${error.message}${details.length ? ` (${details.join("; ")})` : ""}`
      : "";
    if (status === 429) {
      return retry(
        rateLimitWaitMs(response.headers, this.clock.now()),
        always,
        (attempts) =>
          new RateLimitError(
            `${method} ${path} was still rate limited after ${attempts} attempts; wait a minute or lower the concurrency, then run again.`,
            RATE_LIMIT_CODE,
            status,
            method,
            path,
            details,
          ),
      );
    }
    if (status >= 500) {
      return retry(
        undefined,
        idempotentOnly,
        (attempts) =>
          new UnavailableError(
            `${method} ${path} failed with HTTP ${status}${said} after ${attempts} attempt(s); PagerDuty may be degraded, run again later.`,
            error.code ?? "UNAVAILABLE",
            status,
            method,
            path,
            details,
          ),
      );
    }
    const code = error.code ?? `HTTP_${status}`;
    const fail = (() => {
      switch (status) {
        case 401:
          return new AuthenticationError(
            `${method} ${path} was refused (401)${said}; check that PAGERDUTY_TOKEN holds a valid REST API key.`,
            code,
            status,
            method,
            path,
            details,
          );
        case 403:
          return new PermissionError(
            `${method} ${path} is not allowed for this token (403)${said}; use a key with access to this object.`,
            code,
            status,
            method,
            path,
            details,
          );
        case 404:
          return new NotFoundError(
            `${method} ${path} was not found (404)${said}.`,
            code,
            status,
            method,
            path,
            details,
          );
        default:
          return new PagerDutyApiError(
            `${method} ${path} failed with HTTP ${status}${said}.`,
            code,
            status,
            method,
            path,
            details,
          );
      }
    })();
    return { kind: "failed", retryable: () => false, error: () => fail };
  }

  /** Exponential backoff with full jitter: a random wait in [step/2, step), step doubling. */
  private backoff(attempt: number): number {
    const step = this.backoffMs * 2 ** (attempt - 1);
    return Math.round(step / 2 + (step / 2) * this.random());
  }
}

type Outcome =
  | { kind: "done"; body: unknown }
  | {
      kind: "failed";
      waitMs?: number;
      retryable: (method: Method) => boolean;
      error: (attempts: number) => PagerDutyApiError;
    };

const always = () => true;

/**
 * A POST that failed with a 5xx or a broken connection may still have been applied; sending it again
 * could create a second object. A 429 was refused before any work, so it is retried for every method.
 */
const idempotentOnly = (method: Method) => method !== "POST";

function retry(
  waitMs: number | undefined,
  retryable: (method: Method) => boolean,
  error: (attempts: number) => PagerDutyApiError,
): Outcome {
  return { kind: "failed", waitMs, retryable, error };
}

/**
 * How long a 429 asks us to wait: `ratelimit-reset` (seconds until PagerDuty's window resets), then
 * `Retry-After` (seconds, or an HTTP date), else undefined so the caller backs off with jitter.
 */
export function rateLimitWaitMs(headers: Headers, now: number): number | undefined {
  const reset = seconds(headers.get("ratelimit-reset"));
  if (reset !== undefined) return reset * 1000;
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null) return undefined;
  const after = seconds(retryAfter);
  if (after !== undefined) return after * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function seconds(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

function tooMany(path: string): TooManyResultsError {
  return new TooManyResultsError(
    `GET ${path} has more than 10,000 results, which classic pagination cannot read; narrow the query (for example by team) and run again.`,
    "MORE_THAN_10000_RESULTS",
    undefined,
    "GET",
    path,
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorBody(body: unknown): PagerDutyErrorBody {
  if (typeof body === "object" && body !== null && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === "object" && error !== null) return error as PagerDutyErrorBody;
  }
  return {};
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
