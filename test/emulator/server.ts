/**
 * A local PagerDuty REST API v2 (and Slack integration API) on 127.0.0.1, for tests and for trying
 * the tool without an account. It checks the token and the versioned Accept header, pages like the
 * real API, answers PagerDuty error bodies, and can be told to fail on demand.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ACCEPT,
  ApiError,
  faultBody,
  type EmulatorRequest,
  type EmulatorResponse,
  type Fault,
} from "./http";
import { buildRouter } from "./routes/index";
import { Store } from "./store";

/** One request as the emulator received it, for tests that check what the client sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  /** The body answered, as sent. */
  response: unknown;
}

export interface EmulatorOptions {
  /** Default 0: the system picks a free port. */
  port?: number;
  /** Tokens the emulator accepts. Default `["emulator-token"]`. */
  tokens?: string[];
  store?: Store;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`: the REST API's base URL; the Slack API is under `/integration-slack`. */
  url: string;
  store: Store;
  /** Every request so far, oldest first. */
  requests: RecordedRequest[];
  /** Faults still to be served, oldest first. */
  faults: Fault[];
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = "emulator-token";

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = options.store ?? new Store();
  const tokens = new Set(options.tokens ?? [DEFAULT_TOKEN]);
  const router = buildRouter(store);
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const seen = new Map<Fault, number>();

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(incoming);
    const method = incoming.method ?? "GET";
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...incoming.headers },
      body: undefined,
      status: 0,
      response: undefined,
    };
    requests.push(record);

    let response: EmulatorResponse;
    try {
      record.body = raw ? parseBody(raw) : undefined;
      response = await answer(record, url);
    } catch (error) {
      response =
        error instanceof ApiError ? error.toResponse() : { status: 500, body: faultBody(500) };
    }
    record.status = response.status;
    record.response = response.body;
    const headers: Record<string, string> = { ...response.headers };
    if (response.body !== undefined) headers["content-type"] = "application/json";
    outgoing.writeHead(response.status, headers);
    outgoing.end(response.body === undefined ? undefined : JSON.stringify(response.body));
  };

  const answer = async (record: RecordedRequest, url: URL): Promise<EmulatorResponse> => {
    const fault = nextFault(faults, seen, record);
    if (fault?.delayMs) {
      // A slow answer, for tests of the client's timeout.
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    }
    if (fault?.status) {
      return { status: fault.status, headers: fault.headers, body: faultBody(fault.status) };
    }

    const authorization = record.headers.authorization;
    const token =
      typeof authorization === "string" ? /^Token token=(.+)$/.exec(authorization)?.[1] : undefined;
    if (!token || !tokens.has(token)) {
      throw new ApiError(401, 2006, "Authentication failed", [
        "Send the header Authorization: Token token=<REST API key>.",
      ]);
    }
    const slack = url.pathname.startsWith("/integration-slack/");
    if (!slack && record.headers.accept !== ACCEPT) {
      throw new ApiError(400, 2001, "Invalid Input Provided", [
        `The Accept header must be ${ACCEPT}.`,
      ]);
    }

    const found = router.match(record.method, url.pathname);
    if (found === 404) throw new ApiError(404, 2100, "Not Found");
    if (found === 405) throw new ApiError(405, 2100, "Method Not Allowed");
    const request: EmulatorRequest = {
      method: record.method,
      path: url.pathname,
      query: url.searchParams,
      headers: record.headers,
      body: record.body,
      params: found.params,
    };
    return found.handler(request);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => {
      outgoing.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  store.selfBase = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function nextFault(
  faults: Fault[],
  seen: Map<Fault, number>,
  record: RecordedRequest,
): Fault | undefined {
  for (const fault of faults) {
    if (fault.method && fault.method !== record.method) continue;
    if (fault.path && !fault.path.test(record.path)) continue;
    const count = (seen.get(fault) ?? 0) + 1;
    seen.set(fault, count);
    const after = fault.after ?? 0;
    if (count <= after) continue;
    if (count >= after + (fault.times ?? 1)) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }
  return undefined;
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    incoming.on("error", reject);
  });
}

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 2001, "Invalid Input Provided", [
      "The request body is not valid JSON.",
    ]);
  }
}
