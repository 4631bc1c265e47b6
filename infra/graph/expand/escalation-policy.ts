/** expand: escalation policies, from cumulative minutes to PagerDuty rule delays. */
import type {
  EscalationPolicyInputs,
  EscalationRuleInputs,
  EscalationTargetInputs,
} from "../inputs";
import { RESOURCE_TYPES, ref, type ResourceSpec } from "../types";
import type { EscalationPolicy, ResolvedTarget } from "../../model/types";
import { DEFAULT_DESCRIPTION, names } from "./names";

/**
 * A rule's escalation delay is how long it waits before the next rule, so the minute a level is
 * reached is the sum of the delays before it (field case F06). The data writes the cumulative
 * minute; the delay of rule i is the next rule's minute minus its own, and the last rule's delay is
 * the policy's own `last_rule_minutes`.
 */
export function expandPolicy(policy: EscalationPolicy): ResourceSpec {
  const rules: EscalationRuleInputs[] = policy.rules.map((rule, i) => {
    const next = policy.rules[i + 1];
    return {
      escalationDelayInMinutes: next ? next.atMinute - rule.atMinute : policy.lastRuleMinutes,
      targets: uniqueTargets(rule.targets).map(expandTarget),
    };
  });
  const inputs: EscalationPolicyInputs = { name: policy.name, numLoops: policy.num_loops, rules };
  inputs.description = policy.description ?? DEFAULT_DESCRIPTION;
  if (policy.team !== undefined) inputs.teams = ref(names.team(policy.team));
  const spec: ResourceSpec = {
    kind: "escalationPolicy",
    type: RESOURCE_TYPES.escalationPolicy,
    name: names.escalationPolicy(policy.id),
    inputs: { ...inputs } as unknown as ResourceSpec["inputs"],
    source: policy.origin,
  };
  if (policy.critical) spec.critical = true;
  return spec;
}

/** Every target carries its type explicitly (field case F09): the API has no default that fits both. */
function expandTarget(target: ResolvedTarget): EscalationTargetInputs {
  if ("rotation" in target)
    return { type: "schedule_reference", id: ref(names.schedule(target.rotation)) };
  return { type: "user_reference", id: ref(names.user(target.person)) };
}

/** Targets of one rule are a set: the same schedule named twice (via two levels) is notified once. */
function uniqueTargets(targets: ResolvedTarget[]): ResolvedTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = "rotation" in target ? `r:${target.rotation}` : `p:${target.person}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
