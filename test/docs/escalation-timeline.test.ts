import { describe, expect, it } from "vitest";
import {
  loopText,
  renderTimelineSvg,
  timelineOf,
  timelinesOf,
  type Timeline,
} from "../../infra/docs/escalation-timeline";
import { namesOf } from "../../infra/docs/html";
import type { EscalationPolicyInputs, ScheduleInputs } from "../../infra/graph/inputs";
import { RESOURCE_TYPES, ref, type Graph, type ResourceSpec } from "../../infra/graph/types";
import type { OrgModel } from "../../infra/model/types";
import { loadRepository } from "./support";

const NOW = Date.parse("2026-01-05T15:00:00Z");
const SOURCE = { file: "policies/test.yaml", line: 1, col: 1, path: "" };

/** A graph of one weekly schedule (alice, then bob, from Monday 2026-01-05 09:00 New York) and one user. */
function graphWith(policy: EscalationPolicyInputs): Graph {
  const schedule: ScheduleInputs = {
    name: "Primary",
    timeZone: "America/New_York",
    layers: [
      {
        name: "weekly",
        start: "2026-01-05T09:00:00-05:00",
        rotationVirtualStart: "2026-01-05T09:00:00-05:00",
        rotationTurnLengthSeconds: 604800,
        users: [ref("user-alice"), ref("user-bob")],
      },
    ],
  };
  const spec = (kind: ResourceSpec["kind"], name: string, inputs: object): ResourceSpec => ({
    kind,
    type: RESOURCE_TYPES[kind],
    name,
    inputs: inputs as ResourceSpec["inputs"],
    source: SOURCE,
  });
  return {
    resources: [
      spec("user", "user-alice", { name: "Alice Example", email: "a@example.com", role: "user", timeZone: "UTC" }),
      spec("user", "user-bob", { name: "Bob Example", email: "b@example.com", role: "user", timeZone: "UTC" }),
      spec("user", "user-carol", { name: "Carol Example", email: "c@example.com", role: "user", timeZone: "UTC" }),
      spec("schedule", "schedule-primary", schedule),
      spec("escalationPolicy", "escalation-policy-test", policy),
    ],
  };
}

const EMPTY_MODEL = { chain: undefined } as unknown as OrgModel;

function timelineFor(policy: EscalationPolicyInputs, now = NOW): Timeline {
  const graph = graphWith(policy);
  return timelineOf(graph.resources[4]!, undefined, EMPTY_MODEL, namesOf(graph), now);
}

const THREE_RULES: EscalationPolicyInputs = {
  name: "Test policy",
  numLoops: 2,
  rules: [
    { escalationDelayInMinutes: 10, targets: [{ type: "schedule_reference", id: ref("schedule-primary") }] },
    { escalationDelayInMinutes: 20, targets: [{ type: "user_reference", id: ref("user-carol") }] },
    { escalationDelayInMinutes: 5, targets: [{ type: "user_reference", id: ref("user-bob") }] },
  ],
};

describe("timelineOf", () => {
  it("each rule must be reached at the sum of the escalation delays before it when the rules are expanded", () => {
    const timeline = timelineFor(THREE_RULES);
    // 0; 0 + 10; 0 + 10 + 20. One pass lasts 10 + 20 + 5 = 35 minutes.
    expect(timeline.rows.map((row) => row.minute)).toEqual([0, 10, 30]);
    expect(timeline.cycle).toBe(35);
  });

  it("a schedule target must name who is on call at --now when somebody is", () => {
    // 2026-01-05T15:00Z is 10:00 in New York, one hour into alice's first weekly turn.
    expect(timelineFor(THREE_RULES).rows[0]!.targets[0]).toEqual({
      kind: "schedule",
      label: "Primary",
      onCallNow: "Alice Example",
    });
  });

  it("a schedule target must be marked as having nobody on call when --now is before its layer starts", () => {
    // 2026-01-05T12:00Z is 07:00 in New York, two hours before the layer starts.
    const row = timelineFor(THREE_RULES, Date.parse("2026-01-05T12:00:00Z")).rows[0]!;
    expect(row.targets[0]!.onCallNow).toBeNull();
    const svg = renderTimelineSvg(timelineFor(THREE_RULES, Date.parse("2026-01-05T12:00:00Z")));
    expect(svg).toContain("schedule Primary (nobody on call now: skipped)");
  });

  it("a user target must show the user's display name when the rule pages a person", () => {
    expect(timelineFor(THREE_RULES).rows[1]!.targets).toEqual([{ kind: "user", label: "Carol Example" }]);
  });
});

describe("loopText", () => {
  it.each([
    [0, "Not repeated (num loops 0): after minute 35 the incident stays with the last rule."],
    [1, "Repeats 1 time(s) (num loops 1): rule 1 again at minute 35."],
    [2, "Repeats 2 time(s) (num loops 2): rule 1 again at minute 35 and 70."],
  ])("the footnote must say when rule 1 comes again when num loops is %i", (numLoops, text) => {
    expect(loopText({ ...timelineFor(THREE_RULES), numLoops })).toBe(text);
  });
});

describe("timelinesOf on the repository's data", () => {
  it("the P0 policy must reach L1…L5 at minutes 0, 15, 30, 60 and 120 when built from the chain", async () => {
    const { model, graph } = await loadRepository();
    const p0 = timelinesOf(model, graph, namesOf(graph), NOW).find(
      (t) => t.name === "escalation-policy-p0-critical",
    )!;
    // The chain's reached_at_minute values; the last level keeps last_level_minutes = 30.
    expect(p0.rows.map((row) => [row.minute, row.levels])).toEqual([
      [0, ["L1 Primary on-call"]],
      [15, ["L2 Secondary on-call"]],
      [30, ["L3 Engineering lead"]],
      [60, ["L4 Engineering management"]],
      [120, ["L5 Executive"]],
    ]);
    expect(p0.cycle).toBe(150);
    expect(p0.severity).toBe("P0");
    expect(p0.rows[4]!.targets).toEqual([{ kind: "user", label: "Logan Price" }]);
  });

  it("the SVG must label the executive rule with minute 120 when the P0 policy is rendered", async () => {
    const { model, graph } = await loadRepository();
    const p0 = timelinesOf(model, graph, namesOf(graph), NOW).find(
      (t) => t.name === "escalation-policy-p0-critical",
    )!;
    const svg = renderTimelineSvg(p0);
    expect(svg).toContain("Rule 5: minute 120 · L5 Executive");
    expect(svg).toMatch(/<text class="tick"[^>]*>120<\/text>/);
    expect(svg).not.toMatch(/\bid="/);
  });
});
