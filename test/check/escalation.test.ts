import { describe, expect, it } from "vitest";
import {
  checkEscalation,
  levelReachedBy,
  walkPolicy,
  type WhoIsOnCall,
} from "../../infra/check/escalation";
import { OnCallIndex } from "../../infra/check/on-call";
import type { EscalationPolicyInputs, EscalationRuleInputs } from "../../infra/graph/inputs";
import { ref } from "../../infra/graph/types";
import { CHECK_VALID, loadTree } from "./fixtures";

const T0 = Date.parse("2027-03-01T13:00:00Z");
const nobodyAnywhere: WhoIsOnCall = () => null;

function rule(delay: number, ...targets: string[]): EscalationRuleInputs {
  return {
    escalationDelayInMinutes: delay,
    targets: targets.map((t) =>
      t.startsWith("schedule-")
        ? { type: "schedule_reference", id: ref(t) }
        : { type: "user_reference", id: ref(t) },
    ),
  };
}

function policy(numLoops: number, ...rules: EscalationRuleInputs[]): EscalationPolicyInputs {
  return { name: "Test", numLoops, rules };
}

describe("walkPolicy", () => {
  it("notifications must come every 30 minutes and the policy be exhausted at 240 when num_loops is 3 (F07)", () => {
    // r1 (alice, 30) then r2 (bob and carol, 30): one pass is 30 + 30 = 60 min, and num_loops 3
    // makes 1 + 3 = 4 passes: r1 at 0, 60, 120, 180 and r2 at 30, 90, 150, 210; 4 x 60 = 240.
    const walk = walkPolicy(
      policy(3, rule(30, "user-alice"), rule(30, "user-bob", "user-carol")),
      T0,
      nobodyAnywhere,
    );
    expect(walk.notifications.map((n) => n.minute)).toEqual([0, 30, 60, 90, 120, 150, 180, 210]);
    expect(walk.notifications.map((n) => n.rule + 1)).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
    expect(walk.notifications[1]!.targets.map((t) => t.user)).toEqual(["user-bob", "user-carol"]);
    expect(walk.exhaustedAtMinute).toBe(240);
  });

  it("a rule must be skipped at once and the next reached at its minute when its schedule has nobody on call", () => {
    // Delays 15, 15, 30: rule 2 would be reached at 15, but its schedule is empty, so rule 3 is
    // reached at 15 (not 15 + 15 = 30), and the pass ends at 15 + 30 = 45.
    const walk = walkPolicy(
      policy(0, rule(15, "user-alice"), rule(15, "schedule-empty"), rule(30, "user-erin")),
      T0,
      nobodyAnywhere,
    );
    expect(walk.notifications.map((n) => [n.rule + 1, n.minute])).toEqual([
      [1, 0],
      [3, 15],
    ]);
    expect(walk.skipped).toEqual([{ pass: 0, rule: 1, minute: 15, schedules: ["schedule-empty"] }]);
    expect(walk.exhaustedAtMinute).toBe(45);
  });

  it("a schedule must be asked who is on call at the minute its rule is reached", () => {
    const asked: number[] = [];
    const who: WhoIsOnCall = (_schedule, instant) => {
      asked.push((instant - T0) / 60_000);
      return "user-carol";
    };
    walkPolicy(policy(0, rule(15, "user-alice"), rule(30, "schedule-secondary")), T0, who);
    // Rule 2 is reached after rule 1's delay: minute 15.
    expect(asked).toEqual([15]);
  });
});

describe("levelReachedBy", () => {
  // F06: the chain says level 1 at 0, 2 at 15, 3 at 30, 4 at 60. Cumulative minutes become
  // delays 15, 15, 30, 60; written as delays 15, 30, 60, 60 instead, level 3 is reached at
  // 15 + 30 = 45.
  const levels = ["user-l1", "user-l2", "user-l3", "user-l4"];

  it("level 3 must be reached at minute 30 when the delays are 15, 15, 30, 60", () => {
    const walk = walkPolicy(
      policy(0, ...[15, 15, 30, 60].map((d, i) => rule(d, levels[i]!))),
      T0,
      nobodyAnywhere,
    );
    expect(levelReachedBy(walk, ["user-l2"])?.minute).toBe(15);
    expect(levelReachedBy(walk, ["user-l3"])?.minute).toBe(30);
  });

  it("level 3 must be reached at minute 45 when the delays are 15, 30, 60, 60", () => {
    const walk = walkPolicy(
      policy(0, ...[15, 30, 60, 60].map((d, i) => rule(d, levels[i]!))),
      T0,
      nobodyAnywhere,
    );
    expect(levelReachedBy(walk, ["user-l3"])).toMatchObject({ rule: 2, minute: 45 });
  });

  it("a level must not count as reached when its own schedule has nobody, even if the rule notifies others", () => {
    const walk = walkPolicy(policy(0, rule(15, "schedule-desk", "user-alice")), T0, nobodyAnywhere);
    expect(levelReachedBy(walk, ["schedule-desk"])).toBeUndefined();
    expect(levelReachedBy(walk, ["user-alice"])?.minute).toBe(0);
  });
});

describe("checkEscalation", () => {
  it("F06 must fail with the rule, the minute reached and the minute required when the expansion writes delays 15, 30, 60", async () => {
    const { model, graph } = await loadTree(CHECK_VALID);
    // Simulate an expansion bug on the graph itself: the P1 policy (chain 0, 15, 30) gets rule
    // delays 15, 30, 30, so the lead (L3) is reached at 15 + 30 = 45 instead of 30.
    const spec = graph.resources.find((s) => s.name === "escalation-policy-p1")!;
    const inputs = spec.inputs as unknown as EscalationPolicyInputs;
    inputs.rules[1]!.escalationDelayInMinutes = 30;
    const from = T0;
    const findings = checkEscalation(
      model,
      graph,
      new OnCallIndex(graph, from, from + 86_400_000),
      [{ timeClass: "market_hours", instant: T0 }],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "SLA_LEVEL_LATE",
      level: "error",
      // Chain-built rules point at the chain level: L3 is on line 31 of policies.yaml.
      file: "policies/policies.yaml",
      line: 31,
      col: 7,
      facts: { policy: "escalation-policy-p1", rule: 3, reachedAtMinute: 45, requiredByMinute: 30 },
    });
  });

  it("a policy must be reported when nobody at all is on call at the sampled instant", async () => {
    const { model, graph } = await loadTree(CHECK_VALID);
    const spec = graph.resources.find((s) => s.name === "escalation-policy-p1")!;
    const inputs = spec.inputs as unknown as EscalationPolicyInputs;
    inputs.rules = [rule(30, "schedule-desk")];
    // 21:00 UTC on a Monday: the desk (08:00 for 10 h) has nobody.
    const evening = Date.parse("2027-03-01T21:00:00Z");
    const findings = checkEscalation(
      model,
      graph,
      new OnCallIndex(graph, evening, evening + 86_400_000),
      [{ timeClass: "after_hours", instant: evening }],
    );
    expect(findings.map((f) => f.code)).toEqual(["ESCALATION_NOBODY_ON_CALL"]);
  });
});
