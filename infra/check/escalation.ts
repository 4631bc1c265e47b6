/**
 * check: every escalation policy of the expanded graph against the SLA matrix, per time class.
 *
 * The minute a rule is reached is the sum of the escalation delays before it; `num_loops` repeats
 * the whole policy; a rule whose targets are all schedules with nobody on call is skipped at once,
 * so the next rule is reached at the skipped rule's minute (field cases F06, F07). Levels of the
 * chain map to rules through their targets: a rule stands for a level when it notifies every
 * target of the level, and the level is reached there when one of those targets has someone.
 */
import type { EscalationPolicyInputs, TargetType } from "../graph/inputs";
import type { Graph, ResourceSpec } from "../graph/types";
import { names } from "../graph/expand/names";
import type { ChainLevel, EscalationPolicy, OrgModel, Severity } from "../model/types";
import { MINUTE_MS } from "../timeline/zone";
import { findingAt, isoMinute, type Finding, type FindingCode } from "./finding";
import type { OnCallIndex } from "./on-call";
import { TIME_CLASS_NAMES, type Sample, type TimeClass } from "./time-class";

/** A target of a rule as notified at one instant. */
export interface NotifiedTarget {
  type: TargetType;
  /** Logical name of the user or schedule. */
  ref: string;
  /** The user notified: the user itself, or who is on call in the schedule; null for nobody. */
  user: string | null;
}

export interface Notification {
  /** 0 for the first pass through the rules, 1 for the first repeat (num_loops), … */
  pass: number;
  /** Index of the rule in the policy, from 0. */
  rule: number;
  minute: number;
  targets: NotifiedTarget[];
}

export interface EscalationWalk {
  notifications: Notification[];
  /** Rules skipped because none of their targets had anybody on call. */
  skipped: { pass: number; rule: number; minute: number; schedules: string[] }[];
  /** The minute after the last rule's delay of the last pass: nobody else is notified. */
  exhaustedAtMinute: number;
}

export type WhoIsOnCall = (schedule: string, instant: number) => string | null;

/** Walks a policy from an incident opened at `start`, as PagerDuty would escalate it unacknowledged. */
export function walkPolicy(
  policy: EscalationPolicyInputs,
  start: number,
  onCall: WhoIsOnCall,
): EscalationWalk {
  const walk: EscalationWalk = { notifications: [], skipped: [], exhaustedAtMinute: 0 };
  let minute = 0;
  for (let pass = 0; pass <= policy.numLoops; pass++) {
    policy.rules.forEach((rule, index) => {
      const instant = start + minute * MINUTE_MS;
      const targets = rule.targets.map((target): NotifiedTarget => {
        const user =
          target.type === "user_reference" ? target.id.ref : onCall(target.id.ref, instant);
        return { type: target.type, ref: target.id.ref, user };
      });
      if (targets.every((t) => t.user === null)) {
        walk.skipped.push({ pass, rule: index, minute, schedules: targets.map((t) => t.ref) });
        return;
      }
      walk.notifications.push({ pass, rule: index, minute, targets });
      minute += rule.escalationDelayInMinutes;
    });
  }
  walk.exhaustedAtMinute = minute;
  return walk;
}

/** The logical names of what a chain level notifies, as the expansion names them. */
export function levelTargetRefs(level: ChainLevel): string[] {
  return level.targets.flatMap((target) => {
    if ("rotation" in target) return [names.schedule(target.rotation)];
    if ("person" in target) return [names.user(target.person)];
    // A level inside a level is not expanded by the model either; it stands for nothing here.
    return [];
  });
}

/**
 * The first notification that reaches a level: its rule notifies every target of the level and
 * at least one of them has somebody. Undefined when the policy never reaches it.
 */
export function levelReachedBy(
  walk: EscalationWalk,
  levelRefs: readonly string[],
): Notification | undefined {
  if (levelRefs.length === 0) return undefined;
  return walk.notifications.find((n) => {
    const byRef = new Map(n.targets.map((t) => [t.ref, t.user]));
    return (
      levelRefs.every((ref) => byRef.has(ref)) && levelRefs.some((ref) => byRef.get(ref) !== null)
    );
  });
}

/** The SLA figures in force in a time class: market hours override the standard row. */
export function slaIn(severity: Severity, timeClass: TimeClass): Severity["sla"] {
  return timeClass === "market_hours"
    ? { ...severity.sla, ...severity.market_hours_sla }
    : severity.sla;
}

interface Pending {
  code: FindingCode;
  source: ResourceSpec["source"];
  message: (classes: string) => string;
  hint: string;
  facts: Finding["facts"];
  classes: TimeClass[];
}

export function checkEscalation(
  model: OrgModel,
  graph: Graph,
  onCall: OnCallIndex,
  samples: readonly Sample[],
): Finding[] {
  const pending = new Map<string, Pending>();
  const add = (key: string, timeClass: TimeClass, make: () => Omit<Pending, "classes">) => {
    const found = pending.get(key);
    if (found) found.classes.push(timeClass);
    else pending.set(key, { ...make(), classes: [timeClass] });
  };
  const who: WhoIsOnCall = (schedule, instant) => onCall.at(schedule, instant);
  const policies = new Map(model.policies.map((p) => [names.escalationPolicy(p.id), p]));

  for (const spec of graph.resources) {
    if (spec.kind !== "escalationPolicy") continue;
    const policy = policies.get(spec.name);
    if (!policy) continue;
    const inputs = spec.inputs as unknown as EscalationPolicyInputs;
    const ruleSource = (rule: number) => policy.rules[rule]?.origin ?? spec.source;

    for (const { timeClass, instant } of samples) {
      const walk = walkPolicy(inputs, instant, who);
      if (walk.notifications.length === 0) {
        add(`nobody|${spec.name}`, timeClass, () => ({
          code: "ESCALATION_NOBODY_ON_CALL",
          source: spec.source,
          message: (classes) =>
            `escalation policy ${inputs.name} notifies nobody in ${classes} (first at ${isoMinute(instant)}): every rule's schedules have nobody on call`,
          hint: "fill the coverage gaps of its schedules, or add a user target to the first rule",
          facts: { policy: spec.name, instant: isoMinute(instant) },
        }));
        continue;
      }
      for (const [severity, requiredBy] of severitiesOf(policy, model)) {
        const sla = slaIn(severity, timeClass);
        severity.reaches_levels.forEach((levelId, k) => {
          const level = model.chain?.levels.find((l) => l.id === levelId);
          if (!level) return;
          const reached = levelReachedBy(walk, levelTargetRefs(level));
          const base = { policy: spec.name, severity: severity.id, requiredBy, level: level.id };
          const levelName = `level ${level.id} (${level.name})`;
          const skipped = skippedNote(walk);
          if (!reached) {
            add(`missing|${spec.name}|${severity.id}|${level.id}`, timeClass, () => ({
              code: "SLA_LEVEL_MISSING",
              source: spec.source,
              message: (classes) =>
                `escalation policy ${inputs.name} never reaches ${levelName}, which severity ${severity.id}${requiredBy === "policy" ? "" : ` (${requiredBy})`} must reach by minute ${level.reached_at_minute}, in ${classes}${skipped}`,
              hint: `add a rule whose targets include every target of ${level.id}, or fill the gaps of its schedules`,
              facts: {
                ...base,
                requiredByMinute: level.reached_at_minute,
                instant: isoMinute(instant),
              },
            }));
            return;
          }
          const ruleNumber = reached.rule + 1;
          if (reached.minute > level.reached_at_minute) {
            const key = `late|${spec.name}|${severity.id}|${level.id}|${reached.rule}|${reached.minute}`;
            add(key, timeClass, () => ({
              code: "SLA_LEVEL_LATE",
              source: ruleSource(reached.rule),
              message: (classes) =>
                `escalation policy ${inputs.name} reaches ${levelName} at minute ${reached.minute} (rule ${ruleNumber}), but severity ${severity.id}${requiredBy === "policy" ? "" : ` (${requiredBy})`} requires it by minute ${level.reached_at_minute}, in ${classes}${skipped}`,
              hint: `the minute a rule is reached is the sum of the escalation delays before it: bring rule ${ruleNumber} to minute ${level.reached_at_minute} or earlier`,
              facts: {
                ...base,
                rule: ruleNumber,
                reachedAtMinute: reached.minute,
                requiredByMinute: level.reached_at_minute,
              },
            }));
          }
          if (k === 1 && reached.minute > sla.escalate_minutes) {
            const figure =
              timeClass === "market_hours" &&
              severity.market_hours_sla.escalate_minutes !== undefined
                ? "market_hours_sla.escalate_minutes"
                : "sla.escalate_minutes";
            const key = `escalate|${spec.name}|${severity.id}|${reached.rule}|${reached.minute}|${sla.escalate_minutes}`;
            add(key, timeClass, () => ({
              code: "SLA_ESCALATION_LATE",
              source: ruleSource(reached.rule),
              message: (classes) =>
                `escalation policy ${inputs.name} reaches the second level, ${levelName}, at minute ${reached.minute} (rule ${ruleNumber}), but severity ${severity.id}${requiredBy === "policy" ? "" : ` (${requiredBy})`} must escalate by minute ${sla.escalate_minutes} (${figure}), in ${classes}${skipped}`,
              hint: `reach ${level.id} by minute ${sla.escalate_minutes}: shorten the escalation delays before rule ${ruleNumber}`,
              facts: {
                ...base,
                rule: ruleNumber,
                reachedAtMinute: reached.minute,
                requiredByMinute: sla.escalate_minutes,
              },
            }));
          }
        });
      }
    }
  }

  return [...pending.values()].map((p) =>
    findingAt(p.source, p.code, "error", p.message(joinClasses(p.classes)), p.hint, {
      ...p.facts,
      timeClasses: p.classes,
    }),
  );
}

/**
 * The severities whose SLA a policy must meet: its own, and those of the services that use it
 * (a P0 service on a P1 policy must still meet P0). The second item says who requires it.
 */
function severitiesOf(policy: EscalationPolicy, model: OrgModel): [Severity, string][] {
  const out = new Map<string, string[]>();
  out.set(policy.severity, []);
  for (const service of model.services) {
    if (service.escalation_policy !== policy.id || service.severity === policy.severity) continue;
    out.set(service.severity, [...(out.get(service.severity) ?? []), service.id]);
  }
  return [...out].flatMap(([id, services]) => {
    const severity = model.severities.find((s) => s.id === id);
    if (!severity) return [];
    return [[severity, services.length === 0 ? "policy" : `service ${services.join(", ")}`]];
  });
}

function skippedNote(walk: EscalationWalk): string {
  const first = walk.skipped.filter((s) => s.pass === 0);
  if (first.length === 0) return "";
  const list = first.map((s) => `rule ${s.rule + 1} at minute ${s.minute}`).join(", ");
  return `; skipped because nobody was on call: ${list}`;
}

function joinClasses(classes: readonly TimeClass[]): string {
  const words = classes.map((c) => TIME_CLASS_NAMES[c]);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
