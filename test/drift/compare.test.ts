import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compare } from "../../infra/drift/compare";
import { flattenAccount } from "../../infra/drift/flatten";
import { readAccount } from "../../infra/drift/read";
import {
  RESOURCE_TYPES,
  ref,
  type Graph,
  type Inputs,
  type ResourceKind,
} from "../../infra/graph/types";
import { PagerDutyClient } from "../../infra/pagerduty-api/client";
import { seedFromGraph } from "../emulator/seed";
import { DEFAULT_TOKEN, startEmulator, type Emulator } from "../emulator/server";

const NOW = new Date("2024-06-01T12:00:00Z");

function spec(kind: ResourceKind, name: string, inputs: Inputs) {
  return {
    kind,
    type: RESOURCE_TYPES[kind],
    name,
    inputs,
    source: { file: "test.yaml", line: 1, col: 1, path: name },
  };
}

/** One valid organisation; each test changes one thing, in the data or live. */
function desiredGraph(): Graph {
  return {
    resources: [
      spec("user", "alice", {
        name: "Alice Smith",
        email: "Alice.Smith@Example.com",
        role: "user",
        timeZone: "Europe/Paris",
      }),
      spec("user", "bob", {
        name: "Bob Jones",
        email: "bob@example.com",
        role: "user",
        timeZone: "America/New_York",
      }),
      spec("contactMethod", "alice-phone", {
        userId: ref("alice"),
        type: "phone_contact_method",
        label: "Mobile",
        address: "5550100123",
        countryCode: 1,
      }),
      spec("notificationRule", "alice-high-0", {
        userId: ref("alice"),
        urgency: "high",
        startDelayInMinutes: 0,
        contactMethod: { id: ref("alice-phone"), type: "phone_contact_method" },
      }),
      spec("notificationRule", "alice-high-5", {
        userId: ref("alice"),
        urgency: "high",
        startDelayInMinutes: 5,
        contactMethod: {
          id: { lookup: "defaultEmail", user: ref("alice") },
          type: "email_contact_method",
        },
      }),
      spec("team", "platform", { name: "Platform" }),
      spec("teamMembership", "platform-alice", {
        teamId: ref("platform"),
        userId: ref("alice"),
        role: "responder",
      }),
      spec("schedule", "primary", {
        name: "Platform primary",
        timeZone: "Europe/Paris",
        layers: [
          {
            name: "Weeks",
            start: "2024-01-01T09:00:00+01:00",
            rotationVirtualStart: "2024-01-01T09:00:00+01:00",
            rotationTurnLengthSeconds: 604800,
            users: [ref("alice"), ref("bob")],
          },
          {
            name: "Nights",
            start: "2024-01-01T19:00:00+01:00",
            rotationVirtualStart: "2024-01-01T19:00:00+01:00",
            rotationTurnLengthSeconds: 86400,
            users: [ref("bob")],
            restrictions: [
              { type: "daily_restriction", startTimeOfDay: "19:00:00", durationSeconds: 43200 },
            ],
          },
        ],
      }),
      spec("escalationPolicy", "platform-policy", {
        name: "Platform",
        numLoops: 2,
        teams: ref("platform"),
        rules: [
          {
            escalationDelayInMinutes: 15,
            targets: [
              { type: "schedule_reference", id: ref("primary") },
              { type: "user_reference", id: ref("alice") },
            ],
          },
          { escalationDelayInMinutes: 30, targets: [{ type: "user_reference", id: ref("bob") }] },
        ],
      }),
      spec("service", "checkout", {
        name: "Checkout",
        escalationPolicy: ref("platform-policy"),
        acknowledgementTimeout: "null",
        autoResolveTimeout: "14400",
        alertCreation: "create_alerts_and_incidents",
        incidentUrgencyRule: { type: "constant", urgency: "high" },
      }),
      spec("serviceIntegration", "checkout-events", {
        name: "Events API v2",
        service: ref("checkout"),
        type: "events_api_v2_inbound_integration",
      }),
      spec("slackConnection", "checkout-slack", {
        sourceId: ref("checkout"),
        sourceType: "service_reference",
        workspaceId: "T0EXAMPLE",
        channelId: "C0INCIDENTS",
        notificationType: "responder",
        configs: [{ events: ["incident.triggered", "incident.resolved"], priorities: ["*"] }],
      }),
      spec("slackConnection", "platform-slack", {
        sourceId: ref("platform"),
        sourceType: "team_reference",
        workspaceId: "T0EXAMPLE",
        channelId: "C0MAJOR",
        notificationType: "stakeholder",
        configs: [
          {
            events: ["incident.triggered"],
            priorities: [
              { lookup: "priority", name: "P1" },
              { lookup: "priority", name: "P2" },
            ],
            urgency: "high",
          },
        ],
      }),
    ],
  };
}

let emulator: Emulator;

async function live(): Promise<Graph> {
  const client = new PagerDutyClient({
    token: DEFAULT_TOKEN,
    baseUrl: emulator.url,
    readOnly: true,
  });
  return flattenAccount(await readAccount(client, ["T0EXAMPLE"]), { now: NOW });
}

/** The seeded account as `pulumi up` would leave it, with the email written live in lower case. */
beforeEach(async () => {
  const store = seedFromGraph(desiredGraph(), { now: () => NOW, priorities: ["P1", "P2", "P3"] });
  for (const user of store.users.values()) user.email = user.email.toLowerCase();
  emulator = await startEmulator({ store });
});

afterEach(async () => {
  await emulator.close();
});

const policy = () => [...emulator.store.escalationPolicies.values()][0]!;
const connectionOf = (channel: string) =>
  [...emulator.store.slackConnections.values()].find((c) => c.channel_id === channel)!;

describe("compare", () => {
  it("must report nothing when the account is what the data describes (round trip through the API)", async () => {
    const report = compare(desiredGraph(), await live());

    // 2 users, 1 contact method, 2 notification rules, 1 team, 1 membership, 1 schedule, 1 policy,
    // 1 service, 1 integration, 2 Slack connections = 13 live specs matched one to one.
    expect((await live()).resources).toHaveLength(13);
    expect(report).toEqual({ missing: [], changed: [], unmanaged: [], importable: [] });
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("must not report drift when the API returns a rule's targets in another order (F09)", async () => {
    const rule = policy().rules[0]!;
    rule.targets.reverse();

    const report = compare(desiredGraph(), await live());

    expect(report.changed).toEqual([]);
  });

  it("must report drift, field by field, when two rules are swapped (F09)", async () => {
    policy().rules.reverse();

    const report = compare(desiredGraph(), await live());

    expect(report.changed).toHaveLength(1);
    const changes = report.changed[0]!.changes;
    expect(report.changed[0]!.name).toBe("platform-policy");
    // Live rule 0 is now bob at 30 minutes; the data says 15 minutes with the schedule and alice.
    expect(changes).toContainEqual({
      field: "rules[0].escalationDelayInMinutes",
      old: 30,
      new: 15,
    });
    expect(changes).toContainEqual({
      field: "rules[1].escalationDelayInMinutes",
      old: 15,
      new: 30,
    });
    // Each rule's targets as one set, by identity key.
    expect(changes).toContainEqual({
      field: "rules[0].targets",
      old: ["user:bob@example.com"],
      new: ["schedule:Platform primary", "user:alice.smith@example.com"],
    });
  });

  it("must not report drift for an email that differs only in case (F13)", async () => {
    const report = compare(desiredGraph(), await live());

    expect(report.changed.filter((c) => c.kind === "user")).toEqual([]);
    expect(report.missing.filter((c) => c.kind === "user")).toEqual([]);
  });

  it("must propose import, not creation, for a live service that has a desired name but is not in the state (F13)", async () => {
    const graph = await live();
    const checkout = graph.resources.find((r) => r.kind === "service")!;
    const stateIds = new Set(
      graph.resources.filter((r) => r !== checkout).map((r) => r.source.path),
    );

    const report = compare(desiredGraph(), graph, { stateIds });

    expect(report.missing).toEqual([]);
    expect(report.importable).toEqual([
      { kind: "service", key: "service:Checkout", name: "checkout", liveId: checkout.source.path },
    ]);
  });

  it("must compare layer instants, not their text, and read layers in precedence order", async () => {
    const report = compare(desiredGraph(), await live());
    const rendered = emulator.requests.find((r) => r.path === "/schedules")!.response as any;

    // The API answers the later layer ("Nights") first, and writes instants in the schedule's zone,
    // so the text may differ from the data's while the instant is the same.
    expect(rendered.schedules[0].schedule_layers.map((l: any) => l.name)).toEqual([
      "Nights",
      "Weeks",
    ]);
    expect(report.changed).toEqual([]);
  });

  it("must report a layer start that moved by one hour as changed", async () => {
    const layer = [...emulator.store.schedules.values()][0]!.layers[0]!;
    layer.start = "2024-01-01T10:00:00+01:00";

    const report = compare(desiredGraph(), await live());

    expect(report.changed).toEqual([
      {
        kind: "schedule",
        key: "schedule:Platform primary",
        name: "primary",
        liveId: expect.any(String),
        // 10:00+01:00 = 09:00Z live; the data's 09:00+01:00 = 08:00Z: different instants, so a
        // change, shown as each side writes it.
        changes: [
          {
            field: "layers[0].start",
            old: "2024-01-01T10:00:00+01:00",
            new: "2024-01-01T09:00:00+01:00",
          },
        ],
      },
    ]);
  });

  it("must drop layers that ended before now and report a live-only team as unmanaged", async () => {
    const schedule = [...emulator.store.schedules.values()][0]!;
    schedule.layers.unshift({
      ...schedule.layers[0]!,
      id: "PENDED1",
      name: "Old",
      end: "2024-02-01T00:00:00Z",
    });
    emulator.store.teams.set("PEXTRA1", { id: "PEXTRA1", name: "Nobody's" });

    const report = compare(desiredGraph(), await live());

    expect(report.changed).toEqual([]);
    expect(report.unmanaged).toEqual([{ kind: "team", key: "team:Nobody's", liveId: "PEXTRA1" }]);
  });

  it("must report a deleted service integration as missing", async () => {
    emulator.store.integrations.clear();

    const report = compare(desiredGraph(), await live());

    expect(report.missing).toEqual([
      {
        kind: "serviceIntegration",
        key: "serviceIntegration:service:Checkout/Events API v2",
        name: "checkout-events",
      },
    ]);
  });

  it("must not report drift when a Slack connection's priorities and events come back in another order", async () => {
    const connection = connectionOf("C0MAJOR");
    connection.config.priorities = [...connection.config.priorities!].reverse();
    connection.config.events = ["incident.triggered"];

    const report = compare(desiredGraph(), await live());

    expect(report.changed).toEqual([]);
  });

  it("must report a Slack connection's priority by name when it was changed by hand", async () => {
    // Live ids of P1 and P3 in the account the seed made: P1 replaced by P3.
    const ids = new Map([...emulator.store.priorities.values()].map((p) => [p.name, p.id]));
    connectionOf("C0MAJOR").config.priorities = [ids.get("P3")!, ids.get("P2")!];

    const report = compare(desiredGraph(), await live());

    expect(report.changed.map((c) => [c.name, c.changes])).toEqual([
      [
        "platform-slack",
        [
          {
            field: "configs[0].priorities",
            old: ["priority:P2", "priority:P3"],
            new: ["priority:P1", "priority:P2"],
          },
        ],
      ],
    ]);
  });

  it("must tell 'any priority' from 'no priority' on a Slack connection", async () => {
    connectionOf("C0INCIDENTS").config.priorities = [];

    const report = compare(desiredGraph(), await live());

    // The data says ["*"] (any); live [] (only incidents without a priority).
    expect(report.changed.map((c) => [c.name, c.changes])).toEqual([
      ["checkout-slack", [{ field: "configs[0].priorities", old: undefined, new: ["*"] }]],
    ]);
  });

  it("must leave out a layer of the data that ended before now, as the live side does", async () => {
    const graph = desiredGraph();
    const schedule = graph.resources.find((r) => r.kind === "schedule")!;
    const layers = schedule.inputs.layers as Record<string, unknown>[];
    // Ended on 2024-02-01, four months before NOW (2024-06-01); live it was never created.
    layers.unshift({ ...layers[0]!, name: "Old", end: "2024-02-01T00:00:00Z" });

    const report = compare(graph, await live(), { now: NOW });

    expect(report.changed).toEqual([]);
  });
});
