/**
 * Escalation timing before and after: the minute each rule of a policy is reached, which is the sum
 * of the escalation delays of the rules before it (a rule's delay is how long it waits before the
 * next one, not the minute it starts). Only levels whose minute changed are reported.
 */
import type { EscalationPolicyInputs } from "../graph/inputs";
import type { Graph, ResourceSpec } from "../graph/types";
import { passMinutes, ruleMinutes } from "../graph/escalation-timing";

/** When one set of targets is reached, on one side of the change. */
export interface LevelReach {
  /** 1-based position of the rule in the policy. */
  rule: number;
  minute: number;
}

export interface LevelTiming {
  /** Logical names of the rule's targets, sorted: targets of a rule are a set. */
  targets: string[];
  /** Absent when the level does not exist on that side. */
  before?: LevelReach;
  after?: LevelReach;
}

export interface PolicyTiming {
  name: string;
  displayName: string;
  /** Levels whose minute (or existence) changed, in the order of the new policy. */
  levels: LevelTiming[];
  /**
   * The minute the policy is exhausted: every rule's delay, times the passes (num loops + 1).
   * Absent on the side where the policy does not exist.
   */
  exhaustedBefore?: number;
  exhaustedAfter?: number;
}

/** Policies whose timing changed, by logical name. Added and removed policies are included. */
export function diffEscalationTiming(before: Graph, after: Graph): PolicyTiming[] {
  const policies = (graph: Graph) =>
    new Map(
      graph.resources.filter((s) => s.kind === "escalationPolicy").map((s) => [s.name, s] as const),
    );
  const old = policies(before);
  const current = policies(after);
  const names = [...new Set([...old.keys(), ...current.keys()])].sort();

  const out: PolicyTiming[] = [];
  for (const name of names) {
    const a = old.get(name);
    const b = current.get(name);
    const timing = comparePolicy(name, a, b);
    if (timing) out.push(timing);
  }
  return out;
}

function comparePolicy(
  name: string,
  before: ResourceSpec | undefined,
  after: ResourceSpec | undefined,
): PolicyTiming | null {
  const a = before ? reachTimes(before) : new Map<string, Reached>();
  const b = after ? reachTimes(after) : new Map<string, Reached>();

  const levels: LevelTiming[] = [];
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.minute === y.minute) continue;
    const level: LevelTiming = { targets: (y ?? x)!.targets };
    if (x) level.before = { rule: x.rule, minute: x.minute };
    if (y) level.after = { rule: y.rule, minute: y.minute };
    levels.push(level);
  }

  const exhaustedBefore = before ? exhaustedAt(before) : undefined;
  const exhaustedAfter = after ? exhaustedAt(after) : undefined;
  if (levels.length === 0 && exhaustedBefore === exhaustedAfter) return null;

  const timing: PolicyTiming = {
    name,
    displayName: ((after ?? before)!.inputs as unknown as EscalationPolicyInputs).name,
    levels,
  };
  if (exhaustedBefore !== undefined) timing.exhaustedBefore = exhaustedBefore;
  if (exhaustedAfter !== undefined) timing.exhaustedAfter = exhaustedAfter;
  return timing;
}

interface Reached extends LevelReach {
  targets: string[];
}

/**
 * Minute at which each rule is reached in the first pass, keyed by its set of targets (and which
 * occurrence of that set it is), so inserting a rule shows as later minutes for the levels after it
 * rather than as every level changing its targets.
 */
function reachTimes(spec: ResourceSpec): Map<string, Reached> {
  const policy = spec.inputs as unknown as EscalationPolicyInputs;
  const out = new Map<string, Reached>();
  const seen = new Map<string, number>();
  const minutes = ruleMinutes(policy);
  policy.rules.forEach((rule, i) => {
    const targets = rule.targets.map((t) => t.id.ref).sort();
    const set = targets.join(",");
    const occurrence = (seen.get(set) ?? 0) + 1;
    seen.set(set, occurrence);
    out.set(`${set}#${occurrence}`, { rule: i + 1, minute: minutes[i]!, targets });
  });
  return out;
}

function exhaustedAt(spec: ResourceSpec): number {
  const policy = spec.inputs as unknown as EscalationPolicyInputs;
  return passMinutes(policy) * (policy.numLoops + 1);
}
