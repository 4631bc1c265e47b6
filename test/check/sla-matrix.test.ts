/**
 * The SLA matrix suite: the shipped contacts/ and policies/ must pass every check, so a change that
 * breaks the SLA matrix (for example P1 reaching the secondary at minute 45) fails `npm test`.
 */
import { describe, expect, it } from "vitest";
import { walkPolicy, levelReachedBy, levelTargetRefs } from "../../infra/check/escalation";
import { runChecks } from "../../infra/check/index";
import { OnCallIndex } from "../../infra/check/on-call";
import type { EscalationPolicyInputs } from "../../infra/graph/inputs";
import { REPO_ROOT } from "../support/tree";
import { loadTree } from "./fixtures";

// Tuesday 2027-03-02 00:00 UTC; the four weeks after it hold market hours, nights, weekends and
// the Good Friday holiday (2027-03-26).
const NOW = Date.parse("2027-03-02T00:00:00Z");

describe("the shipped SLA matrix", () => {
  it("the shipped data must have no error finding when checked over four weeks", async () => {
    const { model, graph } = await loadTree(REPO_ROOT);
    const { findings, samples } = runChecks(model, graph, { now: NOW, horizonDays: 28 });
    expect(findings.filter((f) => f.level === "error")).toEqual([]);
    expect(samples.map((s) => s.timeClass)).toEqual([
      "market_hours",
      "after_hours",
      "weekend",
      "holiday",
    ]);
  });

  it("the only warnings must be the holiday urgency of the support-hours services", async () => {
    const { model, graph } = await loadTree(REPO_ROOT);
    const { findings } = runChecks(model, graph, { now: NOW, horizonDays: 28 });
    // P2 is high in market hours and low on weekends and holidays; reporting and monitoring use
    // market hours as support hours, which PagerDuty applies on Good Friday too.
    expect(findings.map((f) => [f.code, f.facts.service])).toEqual([
      ["URGENCY_HOLIDAY", "reporting"],
      ["URGENCY_HOLIDAY", "monitoring"],
    ]);
  });

  it.each([
    // Chain: L1 0, L2 15, L3 30, L4 60, L5 120 (cumulative), so delays 15, 15, 30, 60, then the
    // chain's last_level_minutes 30 after L5.
    ["p0-critical", ["L1", "L2", "L3", "L4", "L5"], [0, 15, 30, 60, 120]],
    ["p1-high", ["L1", "L2", "L3"], [0, 15, 30]],
    ["p2-medium", ["L1", "L2"], [0, 15]],
  ])(
    "policy %s must reach its levels at the chain's minutes when the primary and secondary are staffed",
    async (policy, levels, minutes) => {
      const { model, graph } = await loadTree(REPO_ROOT);
      const spec = graph.resources.find((s) => s.name === `escalation-policy-${policy}`)!;
      const onCall = new OnCallIndex(graph, NOW, NOW + 86_400_000);
      const walk = walkPolicy(
        spec.inputs as unknown as EscalationPolicyInputs,
        NOW,
        (schedule, instant) => onCall.at(schedule, instant),
      );
      const reached = levels.map((id) => {
        const level = model.chain!.levels.find((l) => l.id === id)!;
        return levelReachedBy(walk, levelTargetRefs(level))?.minute;
      });
      expect(reached).toEqual(minutes);
    },
  );

  it("the escalation check must fail when an expansion bug makes P1 reach the secondary at minute 45", async () => {
    const { model, graph } = await loadTree(REPO_ROOT);
    const spec = graph.resources.find((s) => s.name === "escalation-policy-p1-high")!;
    // Rule 1 waits 45 instead of 15, so rule 2 (the secondary, L2) is reached at 45; P1 must
    // escalate by 30 (standard) and the chain has L2 at 15.
    (spec.inputs as unknown as EscalationPolicyInputs).rules[0]!.escalationDelayInMinutes = 45;
    const { findings } = runChecks(model, graph, { now: NOW, horizonDays: 28 });
    const errors = findings.filter((f) => f.level === "error");
    expect(
      errors.map((f) => [f.code, f.facts.level, f.facts.reachedAtMinute, f.facts.requiredByMinute]),
    ).toEqual(
      expect.arrayContaining([
        ["SLA_LEVEL_LATE", "L2", 45, 15],
        ["SLA_ESCALATION_LATE", "L2", 45, 30],
      ]),
    );
  });
});
