import { describe, expect, it } from "vitest";
import { expandGraph } from "../../infra/graph/expand/index";
import type { EscalationPolicyInputs } from "../../infra/graph/inputs";
import { copyTree, loadWith, REPO_ROOT } from "../support/tree";
import { loadOrg } from "../../infra/model/load";

const ESCALATION = "policies/escalation.yaml";

async function policy(edits: Parameters<typeof loadWith>[0], name = "escalation-policy-p0") {
  const { model, problems } = await loadWith(edits);
  expect(problems).toEqual([]);
  const spec = expandGraph(model!).resources.find((s) => s.name === name)!;
  return spec.inputs as unknown as EscalationPolicyInputs;
}

/** The minute each rule is reached: the running sum of the delays before it. */
function reachedAt(inputs: EscalationPolicyInputs): number[] {
  const minutes: number[] = [];
  let minute = 0;
  for (const rule of inputs.rules) {
    minutes.push(minute);
    minute += rule.escalationDelayInMinutes;
  }
  return minutes;
}

describe("expandPolicy", () => {
  // Field case F06: the chain is written in cumulative minutes 0, 15, 30; PagerDuty needs delays.
  // Delays: 15 - 0 = 15, 30 - 15 = 15, and the last rule's own delay (last_level_minutes = 30).
  it("must turn cumulative chain minutes into rule delays", async () => {
    const inputs = await policy([]);
    expect(inputs.rules.map((r) => r.escalationDelayInMinutes)).toEqual([15, 15, 30]);
    expect(reachedAt(inputs)).toEqual([0, 15, 30]);
  });

  it("must send the shipped P0 policy to L2 at 15, L3 at 30, L4 at 60 and L5 at 120", async () => {
    const { model } = await loadOrg(REPO_ROOT);
    const spec = expandGraph(model!).resources.find(
      (s) => s.name === "escalation-policy-p0-critical",
    )!;
    const inputs = spec.inputs as unknown as EscalationPolicyInputs;
    // Chain: 0, 15, 30, 60, 120 -> delays 15, 15, 30, 60, then last_level_minutes (30).
    expect(inputs.rules.map((r) => r.escalationDelayInMinutes)).toEqual([15, 15, 30, 60, 30]);
    expect(reachedAt(inputs)).toEqual([0, 15, 30, 60, 120]);
  });

  it("must never send a rule delay below 1 for any shipped policy", async () => {
    const { model } = await loadOrg(REPO_ROOT);
    const policies = expandGraph(model!).resources.filter((s) => s.kind === "escalationPolicy");
    expect(policies.length).toBeGreaterThan(4);
    for (const spec of policies) {
      for (const rule of (spec.inputs as unknown as EscalationPolicyInputs).rules) {
        expect(rule.escalationDelayInMinutes).toBeGreaterThanOrEqual(1);
      }
    }
  });

  // Field case F08: a delay of 0 is refused, 1 is accepted.
  it("must refuse two levels reached at the same minute (a delay of 0)", async () => {
    const result = await loadWith([
      { file: ESCALATION, path: ["escalation_chain", "levels", 1, "reached_at_minute"], value: 0 },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["ESCALATION_DELAY_ZERO"]);
    expect(result.problems[0]).toMatchObject({
      file: ESCALATION,
      path: "escalation_chain.levels[1].reached_at_minute",
    });
  });

  it("must accept levels one minute apart (a delay of 1)", async () => {
    const inputs = await policy([
      { file: ESCALATION, path: ["escalation_chain", "levels", 1, "reached_at_minute"], value: 1 },
    ]);
    // 1 - 0 = 1, 30 - 1 = 29, last 30.
    expect(inputs.rules.map((r) => r.escalationDelayInMinutes)).toEqual([1, 29, 30]);
  });

  it("must refuse a last rule delay of 0", async () => {
    const result = await loadWith([
      { file: ESCALATION, path: ["escalation_chain", "last_level_minutes"], value: 0 },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["ESCALATION_DELAY_ZERO"]);
  });

  it("must refuse explicit rules whose minutes do not increase", async () => {
    const rules = [
      { at_minute: 0, targets: [{ level: "L1" }] },
      { at_minute: 0, targets: [{ person: "dave" }] },
    ];
    const result = await loadWith([
      { file: ESCALATION, path: ["escalation_policies", 1, "rules"], value: rules },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["ESCALATION_DELAY_ZERO"]);
    expect(result.problems[0]!.path).toBe("escalation_policies[1].rules[1].at_minute");
  });

  // Field case F09: every target is sent with an explicit type.
  it("must give every target an explicit type", async () => {
    const inputs = await policy([]);
    expect(inputs.rules.flatMap((r) => r.targets)).toEqual([
      { type: "schedule_reference", id: { ref: "schedule-primary" } },
      { type: "user_reference", id: { ref: "user-dave" } },
      { type: "user_reference", id: { ref: "user-carol" } },
    ]);
  });

  it("must notify a target once when two levels of one rule name it", async () => {
    const rules = [
      { at_minute: 0, targets: [{ level: "L1" }, { rotation: "primary" }, { person: "dave" }] },
      { at_minute: 10, targets: [{ level: "L3" }] },
    ];
    const inputs = await policy(
      [{ file: ESCALATION, path: ["escalation_policies", 1, "rules"], value: rules }],
      "escalation-policy-p3",
    );
    expect(inputs.rules[0]!.targets).toEqual([
      { type: "schedule_reference", id: { ref: "schedule-primary" } },
      { type: "user_reference", id: { ref: "user-dave" } },
    ]);
    // 10 - 0 = 10, then last_level_minutes 30.
    expect(inputs.rules.map((r) => r.escalationDelayInMinutes)).toEqual([10, 30]);
  });

  it("must report a level that the chain does not have", async () => {
    const rules = [{ at_minute: 0, targets: [{ level: "L9" }] }];
    const result = await loadWith([
      { file: ESCALATION, path: ["escalation_policies", 1, "rules"], value: rules },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["REFERENCE_UNKNOWN"]);
    expect(result.problems[0]!.message).toContain("L9");
  });

  it("must keep the copy of the fixture untouched by other tests", () => {
    expect(copyTree()).not.toBe(copyTree());
  });
});
