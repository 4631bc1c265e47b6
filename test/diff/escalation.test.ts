import { describe, expect, it } from "vitest";
import { diffEscalationTiming } from "../../infra/diff/escalation";
import { RESOURCE_TYPES, ref, type Graph } from "../../infra/graph/types";

/** A graph with one policy whose rules target one user each, with these delays. */
function policy(delays: number[], numLoops = 0): Graph {
  const rules = delays.map((delay, i) => ({
    escalationDelayInMinutes: delay,
    targets: [{ type: "user_reference", id: ref(`user-l${i + 1}`) }],
  }));
  return {
    resources: [
      {
        kind: "escalationPolicy",
        type: RESOURCE_TYPES.escalationPolicy,
        name: "escalation-policy-p0",
        inputs: { name: "P0", numLoops, rules },
        source: {
          file: "policies/escalation.yaml",
          line: 1,
          col: 1,
          path: "escalation_policies[0]",
        },
      },
    ],
  };
}

describe("diffEscalationTiming", () => {
  it("only the levels reached at another minute must be listed when a delay changes", () => {
    // F06: delays 15, 15, 30, 60, 60 reach levels at 0, 15, 30, 60, 120; delays 15, 30, 60, 60, 60
    // reach them at 0, 15, 45, 105, 165. Levels 1 and 2 keep their minute.
    const timing = diffEscalationTiming(policy([15, 15, 30, 60, 60]), policy([15, 30, 60, 60, 60]));

    expect(timing).toHaveLength(1);
    expect(timing[0]!.levels).toEqual([
      { targets: ["user-l3"], before: { rule: 3, minute: 30 }, after: { rule: 3, minute: 45 } },
      { targets: ["user-l4"], before: { rule: 4, minute: 60 }, after: { rule: 4, minute: 105 } },
      { targets: ["user-l5"], before: { rule: 5, minute: 120 }, after: { rule: 5, minute: 165 } },
    ]);
    // One pass: 15+15+30+60+60 = 180 before, 15+30+60+60+60 = 225 after.
    expect(timing[0]!.exhaustedBefore).toBe(180);
    expect(timing[0]!.exhaustedAfter).toBe(225);
  });

  it("the exhaustion minute must count every pass when num loops changes", () => {
    // F07: two rules of 30 min; num_loops 3 is four passes of 60 = 240; num_loops 0 is one pass.
    const timing = diffEscalationTiming(policy([30, 30], 0), policy([30, 30], 3));

    expect(timing[0]!.levels).toEqual([]);
    expect(timing[0]!.exhaustedBefore).toBe(60);
    expect(timing[0]!.exhaustedAfter).toBe(240);
  });

  it("a policy must be left out when its timing is the same", () => {
    expect(diffEscalationTiming(policy([15, 30]), policy([15, 30]))).toEqual([]);
  });

  it("a new policy must list every level with no minute before", () => {
    const timing = diffEscalationTiming({ resources: [] }, policy([10, 20]));

    expect(timing[0]!.levels).toEqual([
      { targets: ["user-l1"], after: { rule: 1, minute: 0 } },
      { targets: ["user-l2"], after: { rule: 2, minute: 10 } },
    ]);
    expect(timing[0]!.exhaustedBefore).toBeUndefined();
  });
});
