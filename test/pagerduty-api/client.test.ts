import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PagerDutyClient, type Clock } from "../../infra/pagerduty-api/client";
import {
  AmbiguousNameError,
  AuthenticationError,
  RateLimitError,
  ReadOnlyError,
  TooManyResultsError,
  UnavailableError,
} from "../../infra/pagerduty-api/errors";
import { findByExactName, listTeamMembers, listUsers } from "../../infra/pagerduty-api/resources";
import { rateLimitFault } from "../emulator/http";
import { DEFAULT_TOKEN, startEmulator, type Emulator } from "../emulator/server";

/** A clock whose sleeps cost no real time and are recorded. */
function fakeClock(): Clock & { slept: number[] } {
  let now = Date.UTC(2024, 0, 1);
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

let emulator: Emulator;
let tokenCounter = 0;

beforeEach(async () => {
  // A token per test, so the per-token concurrency bound of one test does not carry into the next.
  tokenCounter += 1;
  emulator = await startEmulator({ tokens: [DEFAULT_TOKEN, `token-${tokenCounter}`] });
});

afterEach(async () => {
  await emulator.close();
});

function client(options: Partial<ConstructorParameters<typeof PagerDutyClient>[0]> = {}) {
  return new PagerDutyClient({
    token: `token-${tokenCounter}`,
    baseUrl: emulator.url,
    clock: fakeClock(),
    random: () => 0.5,
    ...options,
  });
}

function addUsers(count: number): void {
  for (let i = 0; i < count; i += 1) {
    const id = emulator.store.newId();
    const name = `User ${String(i).padStart(5, "0")}`;
    emulator.store.users.set(id, {
      id,
      name,
      email: `u${i}@example.com`,
      time_zone: "Etc/UTC",
      role: "user",
    });
  }
}

describe("PagerDutyClient pagination", () => {
  it("listAll must fail with 'more than 10,000 results' and never ask past offset 9,900 when a list holds 10,050 items (F14)", async () => {
    addUsers(10_050);

    const error = await listUsers(client()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TooManyResultsError);
    expect((error as Error).message).toContain("more than 10,000 results");
    const offsets = emulator.requests.map((r) => Number(r.query.get("offset")));
    // Pages of 100 at offsets 0, 100, …, 9,900: 100 requests, the last at 9,900 (9,900 + 100 = 10,000).
    expect(offsets).toHaveLength(100);
    expect(Math.max(...offsets)).toBe(9_900);
    expect(emulator.requests.every((r) => Number(r.query.get("limit")) <= 100)).toBe(true);
  });

  it("listAll must report a 400 with code 2002 met while paging as 'more than 10,000 results' (F14)", async () => {
    // The client never asks past 10,000 itself, so a stubbed answer stands for a server that counts
    // differently (for example a list that grew while it was read).
    const stub: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 2002, message: "Arguments Caused Error" } }), {
        status: 400,
      });

    const error = await listUsers(client({ fetch: stub })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TooManyResultsError);
  });

  it("listAll must follow `more` and return all 60 members of a team whose answers carry no total (F15)", async () => {
    addUsers(60);
    const teamId = emulator.store.newId();
    emulator.store.teams.set(teamId, { id: teamId, name: "Big" });
    emulator.store.members.set(
      teamId,
      new Map([...emulator.store.users.keys()].map((id) => [id, "responder"])),
    );

    const members = await listTeamMembers(client(), teamId);

    expect(members).toHaveLength(60);
    expect(new Set(members.map((m) => m.user.id)).size).toBe(60);
    expect(emulator.requests.every((r) => !r.query.has("total"))).toBe(true);
    expect(emulator.requests.map((r) => (r.response as { total: unknown }).total)).toEqual([null]);
  });

  it("listAll must send include[] once per value", async () => {
    addUsers(1);

    await listUsers(client());

    expect(emulator.requests[0]?.query.getAll("include[]")).toEqual([
      "contact_methods",
      "notification_rules",
    ]);
  });
});

describe("findByExactName", () => {
  const policy = (name: string) => {
    const id = emulator.store.newId();
    emulator.store.escalationPolicies.set(id, { id, name, num_loops: 0, rules: [], teams: [] });
    return id;
  };

  it("must find an escalation policy whose exact match is on page 3 of a substring search (F15)", async () => {
    // 250 substring matches sort before the exact name ("Payments" < "Payments 000"), so the exact
    // match would be first; names with a prefix put it last: 250 "A Payments …" + "Payments".
    for (let i = 0; i < 250; i += 1) policy(`A Payments ${String(i).padStart(3, "0")}`);
    const wanted = policy("Payments");

    const found = await findByExactName<{ id: string; name: string }>(
      client(),
      "escalation_policies",
      "Payments",
    );

    expect(found?.id).toBe(wanted);
    // 251 matches at 100 a page: pages at offsets 0, 100, 200; the exact match is on the third.
    expect(emulator.requests.map((r) => r.query.get("offset"))).toEqual(["0", "100", "200"]);
  });

  it("must refuse two exact matches instead of picking one (F15)", async () => {
    policy("Payments");
    policy("Payments");

    await expect(
      findByExactName(client(), "escalation_policies", "Payments"),
    ).rejects.toBeInstanceOf(AmbiguousNameError);
  });

  it("must answer undefined when only longer names contain the query", async () => {
    policy("Payments EU");

    await expect(
      findByExactName(client(), "escalation_policies", "Payments"),
    ).resolves.toBeUndefined();
  });
});

describe("PagerDutyClient rate limits and retries", () => {
  it("must wait the 7 s of ratelimit-reset when the third request answers 429, then complete (F16)", async () => {
    addUsers(250);
    emulator.faults.push(rateLimitFault(7, { after: 2 }));
    const clock = fakeClock();

    const users = await listUsers(client({ clock }));

    expect(users).toHaveLength(250);
    // Pages at 0, 100, 200; the third answers 429 once and is sent again: 4 requests.
    expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(clock.slept).toEqual([7_000]);
  });

  it("must fall back to Retry-After when there is no ratelimit-reset", async () => {
    emulator.faults.push({ status: 429, headers: { "retry-after": "3" } });
    const clock = fakeClock();

    await listUsers(client({ clock }));

    expect(clock.slept).toEqual([3_000]);
  });

  it("must back off exponentially with jitter when a 429 names no wait", async () => {
    emulator.faults.push({ status: 429, times: 3 });
    const clock = fakeClock();

    await listUsers(client({ clock, backoffMs: 1000, random: () => 0.5 }));

    // Step 1000·2^(n-1), wait step/2 + step/2·0.5: 750, 1500, 3000.
    expect(clock.slept).toEqual([750, 1_500, 3_000]);
  });

  it("must give up with a RateLimitError (code 2020), never an authentication error, after the bounded attempts (F16)", async () => {
    emulator.faults.push(rateLimitFault(7, { times: 100 }));

    const error = await listUsers(client({ maxAttempts: 4 })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect((error as RateLimitError).code).toBe(2020);
    expect(emulator.requests).toHaveLength(4);
  });

  it("must retry a GET that answered 502 and return its data", async () => {
    addUsers(1);
    emulator.faults.push({ status: 502, times: 2 });

    const users = await listUsers(client());

    expect(users).toHaveLength(1);
    expect(emulator.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it("must not resend a POST that answered 500, since it may have been applied", async () => {
    emulator.faults.push({ status: 500 });

    const error = await client()
      .post("/teams", { team: { type: "team", name: "Once" } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnavailableError);
    expect(emulator.requests).toHaveLength(1);
  });

  it("must report a wrong token as an authentication error that does not print the token", async () => {
    const error = await listUsers(client({ token: "s3cret-value" })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain("s3cret-value");
    expect((error as Error).message).toContain("PAGERDUTY_TOKEN");
  });

  it("must keep at most maxConcurrency requests of one token in flight", async () => {
    let inFlight = 0;
    let highest = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      highest = Math.max(highest, inFlight);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const limited = client({ fetch: counting, maxConcurrency: 2 });

    await Promise.all(Array.from({ length: 8 }, () => limited.get("/teams")));

    expect(highest).toBe(2);
  });
});

describe("PagerDutyClient read-only mode", () => {
  it.each(["POST", "PUT", "DELETE"] as const)(
    "must refuse %s before anything is sent",
    async (method) => {
      const readOnly = client({ readOnly: true });

      await expect(readOnly.request(method, "/teams", { body: {} })).rejects.toBeInstanceOf(
        ReadOnlyError,
      );
      expect(emulator.requests).toHaveLength(0);
    },
  );

  it("must send only GET while reading a whole account", async () => {
    addUsers(120);
    const readOnly = client({ readOnly: true });

    await listUsers(readOnly);

    expect(emulator.requests.length).toBe(2);
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);
  });
});
