/**
 * `drift` run as a user runs it: `node --import tsx scripts/drift.ts` in a child process, against an
 * emulator this test starts on 127.0.0.1 and seeds with the account the shipped data describes.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expandGraph } from "../../infra/graph/expand/index";
import type { Graph } from "../../infra/graph/types";
import { loadOrg } from "../../infra/model/load";
import { PagerDutyClient } from "../../infra/pagerduty-api/client";
import { rateLimitFault, type Fault } from "../emulator/http";
import { seedFromGraph } from "../emulator/seed";
import { DEFAULT_TOKEN, startEmulator, type Emulator } from "../emulator/server";
import { addUnmanagedService, changeRuleDelay, deleteSchedule, upperCaseEmail } from "./hand-edits";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const NOW = "2026-01-05T12:00:00Z";
/** A child process with tsx takes a second or two to start. */
const SLOW = 30_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let graph: Graph;
let emulator: Emulator;
let scratch: string;

beforeAll(async () => {
  const { model, problems } = await loadOrg(ROOT);
  if (!model) throw new Error(`the shipped data does not load: ${JSON.stringify(problems[0])}`);
  graph = expandGraph(model);
  scratch = await mkdtemp(join(tmpdir(), "drift-command-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  emulator = await startEmulator({ store: seedFromGraph(graph, { now: () => new Date(NOW) }) });
});

afterEach(async () => {
  await emulator.close();
});

/** Runs the command; the emulator keeps answering since the child is awaited, not waited on. */
function drift(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PAGERDUTY_TOKEN: DEFAULT_TOKEN,
    PAGERDUTY_API_URL: undefined,
    ...env,
  };
  for (const [name, value] of Object.entries(childEnv))
    if (value === undefined) delete childEnv[name];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/drift.ts", ...args], {
      cwd: ROOT,
      env: childEnv as NodeJS.ProcessEnv,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

const against = () => ["--api-url", emulator.url, "--now", NOW];

/** A client that writes, for the hand edits; drift itself builds its own read-only one. */
const writer = () => new PagerDutyClient({ token: DEFAULT_TOKEN, baseUrl: emulator.url });

describe("drift command", () => {
  it(
    "drift must exit 1 without reading the account when the data itself is invalid",
    async () => {
      const run = await drift([...against(), "--dir", join(ROOT, "test/fixtures/broken-many")]);

      // Invalid data is a finding (1), as in plan and check; 2 is kept for a run that cannot read.
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/5 error\(s\), so it cannot be compared/);
      expect(emulator.requests).toEqual([]);
    },
    SLOW,
  );

  it(
    "drift must exit 0 and send only GET requests when the account is the one the shipped data describes",
    async () => {
      const run = await drift(against());

      expect(run.stderr).not.toContain("error");
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("No drift");
      const methods = new Set(emulator.requests.map((r) => r.method));
      expect(methods).toEqual(new Set(["GET"]));
      // Priorities are read so Slack connections filtered by priority compare by name.
      expect(emulator.requests.some((r) => r.path === "/priorities")).toBe(true);
    },
    SLOW,
  );

  it(
    "drift must exit 1 naming the policy, the rule and the field when a PUT changed one rule delay",
    async () => {
      const edit = await changeRuleDelay(writer(), 5);
      const firstDriftRequest = emulator.requests.length;

      const run = await drift(against());

      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`changed    escalationPolicy "${edit.policy}"`);
      // Live (the hand edit) -> data.
      expect(run.stdout).toContain(
        `rules[1].escalationDelayInMinutes: ${edit.after} -> ${edit.before}`,
      );
      expect(run.stdout).toContain("0 missing, 1 changed, 0 unmanaged");
      const driftMethods = emulator.requests.slice(firstDriftRequest).map((r) => r.method);
      expect(new Set(driftMethods)).toEqual(new Set(["GET"]));
    },
    SLOW,
  );

  it(
    "drift must report a service created by hand as unmanaged",
    async () => {
      const id = await addUnmanagedService(writer(), "Hand-made service");

      const run = await drift(against());

      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`unmanaged  service "Hand-made service" (live ${id})`);
    },
    SLOW,
  );

  it(
    "drift must report a deleted schedule as missing",
    async () => {
      const name = await deleteSchedule(writer());
      const logical = graph.resources.find((r) => r.kind === "schedule" && r.inputs.name === name);

      const run = await drift(against());

      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`missing    schedule "${name}" (${logical!.name})`);
    },
    SLOW,
  );

  it(
    "drift must exit 0 when an email was changed only in case (F13)",
    async () => {
      await upperCaseEmail(writer());

      const run = await drift(against());

      expect(run.status).toBe(0);
      expect(run.stdout).toContain("No drift");
    },
    SLOW,
  );

  it(
    "drift must complete with the whole account when a short 429 storm clears",
    async () => {
      // ratelimit-reset 0 so the child waits no real time; the client's own wait rule is tested
      // with an injected clock in the client tests (F16).
      emulator.faults.push(rateLimitFault(0, { times: 3 }));

      const run = await drift(against());

      expect(emulator.requests.filter((r) => r.status === 429)).toHaveLength(3);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("No drift");
    },
    SLOW,
  );

  it.each<[string, Fault, string]>([
    [
      "a 429 storm on services that never clears",
      rateLimitFault(0, { path: /^\/services$/, times: 1_000 }),
      "services (GET /services was still rate limited after 5 attempts",
    ],
    [
      // Not retried (a 5xx is, with real backoff that would cost this test seconds).
      "one team's members page that answers 404",
      { path: /^\/teams\/[^/]+\/members$/, status: 404, times: 1 },
      "members of team ",
    ],
    [
      "a page of teams that is refused with 403",
      { path: /^\/teams$/, status: 403, times: 1_000 },
      "teams (and so their members) (GET /teams is not allowed for this token (403)",
    ],
  ])(
    "drift must exit 2 naming what was not read and print no report after %s",
    async (_, fault, named) => {
      emulator.faults.push(fault);

      const run = await drift(against());

      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("could not read 1 part(s) of the account");
      expect(run.stderr).toContain(named);
      expect(run.stderr).not.toContain("No drift");
    },
    SLOW,
  );

  it(
    "drift must mask emails unless --show-personal is given",
    async () => {
      const { user } = await writer().post<{ user: { id: string } }>("/users", {
        user: { type: "user", name: "Hand Made", email: "hand.made@example.com" },
      });

      const masked = await drift(against());
      const shown = await drift([...against(), "--show-personal"]);

      expect(masked.status).toBe(1);
      expect(masked.stdout).toContain(`unmanaged  user "h***@example.com" (live ${user.id})`);
      expect(masked.stdout).not.toContain("hand.made@example.com");
      expect(shown.stdout).toContain(`unmanaged  user "hand.made@example.com" (live ${user.id})`);
    },
    SLOW,
  );

  it(
    "drift must write JSON and Markdown reports when --format asks for them",
    async () => {
      const edit = await changeRuleDelay(writer(), 10);

      const json = await drift([...against(), "--format", "json"]);
      const markdown = await drift([...against(), "--format", "markdown"]);

      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(report.counts).toEqual({ missing: 0, changed: 1, unmanaged: 0, importable: 0 });
      expect(report.changed[0].changes).toEqual([
        { field: "rules[1].escalationDelayInMinutes", old: edit.after, new: edit.before },
      ]);
      expect(markdown.status).toBe(1);
      expect(markdown.stdout).toContain("## PagerDuty drift");
      expect(markdown.stdout).toContain(
        `| \`rules[1].escalationDelayInMinutes\` | \`${edit.after}\` | \`${edit.before}\` |`,
      );
    },
    SLOW,
  );

  it(
    "drift must propose a live service that matches a desired one but is not in the stack for import, not creation (F13)",
    async () => {
      const service = graph.resources.find((r) => r.kind === "service")!;
      const live = [...emulator.store.services.values()].find(
        (s) => s.name === service.inputs.name,
      )!;
      // The stack's state holds every seeded object but that service.
      const stateIds = [
        ...emulator.store.users.keys(),
        ...emulator.store.teams.keys(),
        ...emulator.store.schedules.keys(),
        ...emulator.store.escalationPolicies.keys(),
        ...emulator.store.services.keys(),
        ...emulator.store.integrations.keys(),
        ...emulator.store.slackConnections.keys(),
        ...[...emulator.store.contactMethods.values()].flat().map((m) => m.id),
        ...[...emulator.store.notificationRules.values()].flat().map((r) => r.id),
        ...[...emulator.store.members].flatMap(([team, members]) =>
          [...members.keys()].map((user) => `${user}:${team}`),
        ),
      ].filter((id) => id !== live.id);
      const state = join(scratch, "state.json");
      await writeFile(
        state,
        JSON.stringify({
          version: 3,
          deployment: {
            resources: stateIds.map((id) => ({ type: "pagerduty:index/x:X", id })),
          },
        }),
      );
      const importFile = join(scratch, "import.json");

      const run = await drift([...against(), "--state", state, "--import-file", importFile]);

      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        `import     service "${service.inputs.name}" (${service.name}, live ${live.id})`,
      );
      expect(run.stdout).not.toContain("missing ");
      expect(JSON.parse(await readFile(importFile, "utf8"))).toEqual({
        resources: [{ type: "pagerduty:index/service:Service", name: service.name, id: live.id }],
      });
    },
    SLOW,
  );

  it(
    "drift must list every matched live object in the import file when no state is given",
    async () => {
      const importFile = join(scratch, "adopt.json");

      const run = await drift([...against(), "--import-file", importFile]);

      expect(run.status).toBe(0);
      const file = JSON.parse(await readFile(importFile, "utf8"));
      // One entry per desired resource, since the seeded account matches the data one to one.
      expect(file.resources).toHaveLength(graph.resources.length);
      expect(new Set(file.resources.map((r: { name: string }) => r.name))).toEqual(
        new Set(graph.resources.map((r) => r.name)),
      );
    },
    SLOW,
  );

  it.each<[string, string[], Record<string, string | undefined>, string]>([
    ["no --api-url and no PAGERDUTY_API_URL", [], {}, "--api-url is required"],
    [
      "no token",
      ["--api-url", "http://127.0.0.1:9"],
      { PAGERDUTY_TOKEN: undefined },
      "PAGERDUTY_TOKEN is not set",
    ],
    ["an unknown format", ["--api-url", "http://127.0.0.1:9", "--format", "html"], {}, "--format"],
  ])(
    "drift must exit 2 with one line on stderr and send nothing when it is given %s",
    async (_, args, env, message) => {
      const run = await drift(args, env);

      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
      expect(emulator.requests).toEqual([]);
    },
    SLOW,
  );
});
