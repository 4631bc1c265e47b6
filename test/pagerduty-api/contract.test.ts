import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PagerDutyClient } from "../../infra/pagerduty-api/client";
import {
  listEscalationPolicies,
  listPriorities,
  listSchedules,
  listServices,
  listSlackConnections,
  listTeamMembers,
  listTeams,
  listUsers,
} from "../../infra/pagerduty-api/resources";
import { rateLimitFault } from "../emulator/http";
import { DEFAULT_TOKEN, startEmulator, type Emulator } from "../emulator/server";
import { ContractValidator, matchOperation } from "./openapi";

const WORKSPACE = "T0EXAMPLE";

/** Creates a small account through the API, as a person in the web UI (or `pulumi up`) would. */
async function createAccount(client: PagerDutyClient) {
  const { user: alice } = await client.post<any>("/users", {
    user: {
      type: "user",
      name: "Alice Example",
      email: "alice@example.com",
      time_zone: "Europe/Paris",
      role: "user",
    },
  });
  const { user: bob } = await client.post<any>("/users", {
    user: {
      type: "user",
      name: "Bob Example",
      email: "bob@example.com",
      time_zone: "America/New_York",
      role: "user",
    },
  });
  const { contact_method: phone } = await client.post<any>(`/users/${alice.id}/contact_methods`, {
    contact_method: {
      type: "phone_contact_method",
      label: "Mobile",
      country_code: 1,
      address: "5550100123",
    },
  });
  await client.post(`/users/${alice.id}/notification_rules`, {
    notification_rule: {
      type: "assignment_notification_rule",
      start_delay_in_minutes: 0,
      urgency: "high",
      contact_method: { id: phone.id, type: "phone_contact_method" },
    },
  });
  const { team } = await client.post<any>("/teams", { team: { type: "team", name: "Platform" } });
  await client.put(`/teams/${team.id}/users/${alice.id}`, { role: "responder" });
  await client.put(`/teams/${team.id}/users/${bob.id}`, { role: "manager" });
  const layer = (name: string, users: string[]) => ({
    name,
    start: "2024-01-01T09:00:00Z",
    rotation_virtual_start: "2024-01-01T09:00:00Z",
    rotation_turn_length_seconds: 604800,
    users: users.map((id) => ({ user: { id, type: "user_reference" } })),
    restrictions: [
      { type: "daily_restriction", start_time_of_day: "09:00:00", duration_seconds: 32400 },
    ],
  });
  const { schedule } = await client.post<any>("/schedules", {
    schedule: {
      type: "schedule",
      name: "Platform primary",
      time_zone: "Europe/Paris",
      schedule_layers: [layer("Days", [alice.id, bob.id]), layer("Weekend", [bob.id])],
    },
  });
  const { escalation_policy: policy } = await client.post<any>("/escalation_policies", {
    escalation_policy: {
      type: "escalation_policy",
      name: "Platform",
      num_loops: 2,
      teams: [{ id: team.id, type: "team_reference" }],
      escalation_rules: [
        {
          escalation_delay_in_minutes: 15,
          targets: [
            { id: schedule.id, type: "schedule_reference" },
            { id: alice.id, type: "user_reference" },
          ],
        },
        { escalation_delay_in_minutes: 30, targets: [{ id: bob.id, type: "user_reference" }] },
      ],
    },
  });
  const { service } = await client.post<any>("/services", {
    service: {
      type: "service",
      name: "Checkout",
      escalation_policy: { id: policy.id, type: "escalation_policy_reference" },
      acknowledgement_timeout: null,
      auto_resolve_timeout: 14400,
      incident_urgency_rule: {
        type: "use_support_hours",
        during_support_hours: { type: "constant", urgency: "high" },
        outside_support_hours: { type: "constant", urgency: "low" },
      },
      support_hours: {
        type: "fixed_time_per_day",
        time_zone: "America/New_York",
        days_of_week: [1, 2, 3, 4, 5],
        start_time: "06:00:00",
        end_time: "18:00:00",
      },
      scheduled_actions: [
        {
          type: "urgency_change",
          at: { type: "named_time", name: "support_hours_start" },
          to_urgency: "high",
        },
      ],
    },
  });
  await client.post(`/services/${service.id}/integrations`, {
    integration: { type: "events_api_v2_inbound_integration", name: "Events API v2" },
  });
  await client.post(
    `/workspaces/${WORKSPACE}/connections`,
    {
      slack_connection: {
        source_id: service.id,
        source_type: "service_reference",
        channel_id: "C0INCIDENTS",
        notification_type: "responder",
        config: {
          events: ["incident.triggered", "incident.resolved"],
          priorities: null,
          urgency: null,
        },
      },
    },
    { api: "slack" },
  );
  return { team };
}

describe("emulator and client against the official descriptions", () => {
  let emulator: Emulator;
  let validator: ContractValidator;

  beforeAll(async () => {
    emulator = await startEmulator();
    // Priorities are made by an account's admins in the web UI; the API only lists them.
    for (const name of ["P1", "P2"])
      emulator.store.priorities.set(`PRI${name}`, {
        id: `PRI${name}`,
        name,
        description: `Priority ${name}`,
      });
    validator = new ContractValidator();
    const client = new PagerDutyClient({ token: DEFAULT_TOKEN, baseUrl: emulator.url });
    const { team } = await createAccount(client);

    await listUsers(client);
    await listTeams(client);
    await listTeamMembers(client, team.id);
    await listSchedules(client);
    await listEscalationPolicies(client);
    await listServices(client);
    await listSlackConnections(client, WORKSPACE);
    await listPriorities(client);
    await client.get(`/schedules/${(await listSchedules(client))[0]?.id}`);

    // Error answers, so their bodies are checked too.
    const raw = (path: string, headers: Record<string, string>) =>
      fetch(`${emulator.url}${path}`, { headers });
    const good = {
      Accept: "application/vnd.pagerduty+json;version=2",
      Authorization: `Token token=${DEFAULT_TOKEN}`,
    };
    await raw("/users", { ...good, Authorization: "Token token=wrong" });
    await raw("/teams/PNOPE00/members", good);
    await raw("/users?offset=9950&limit=100", good);
    emulator.faults.push(rateLimitFault(7));
    await raw("/users", good);
  });

  afterAll(async () => {
    await emulator.close();
  });

  it("every request the client sent must be an operation the descriptions define, with declared query parameters", () => {
    const undefinedOperations = [];
    for (const request of emulator.requests) {
      const match = matchOperation(validator.docs, request.method, request.path);
      if (!match) {
        undefinedOperations.push(`${request.method} ${request.path}`);
        continue;
      }
      for (const name of new Set(request.query.keys())) {
        if (!match.queryParameters.has(name))
          undefinedOperations.push(`${request.method} ${match.template} ?${name}`);
      }
    }
    expect(undefinedOperations).toEqual([]);
  });

  it("every request the client sent must carry the token and the versioned Accept header", () => {
    const sentByClient = emulator.requests.filter(
      (r) => r.headers["content-type"] === "application/json",
    );
    expect(sentByClient.length).toBeGreaterThan(20);
    for (const request of sentByClient) {
      expect(request.headers.authorization).toBe(`Token token=${DEFAULT_TOKEN}`);
      expect(request.headers.accept).toBe("application/vnd.pagerduty+json;version=2");
    }
  });

  it("every emulator answer must match the response schema of its operation and status", () => {
    const problems: string[] = [];
    for (const request of emulator.requests) {
      const match = matchOperation(validator.docs, request.method, request.path);
      if (!match) continue;
      const errors = validator.validate(
        match.api,
        request.method,
        match.template,
        request.status,
        request.response,
      );
      for (const error of errors)
        problems.push(`${request.method} ${match.template} ${request.status}: ${error}`);
    }
    expect(problems).toEqual([]);
  });

  it("the checked answers must include the error statuses 401, 404, 400 and 429", () => {
    const statuses = new Set(emulator.requests.map((r) => r.status));
    for (const status of [200, 201, 204, 400, 401, 404, 429]) expect(statuses).toContain(status);
  });

  it("the validator must reject an answer that breaks the description", () => {
    const errors = validator.validate("rest", "GET", "/users", 200, {
      users: [{ type: "user", name: "No email" }],
    });
    expect(errors.join("\n")).toContain("email");
  });
});
