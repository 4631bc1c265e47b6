/**
 * When the rules of an expanded escalation policy are reached. A rule's escalation delay is how
 * long it waits before the next one, so the minute a rule is reached is the sum of the delays before
 * it (field case F06), and one pass through the rules lasts the sum of all of them; `num_loops`
 * repeats the pass. The checks walk policies themselves, because there a rule with nobody on call
 * is skipped at once; plan, docs and diff show the timing as configured, from here.
 */
import type { EscalationPolicyInputs } from "./inputs";

/** The minute each rule is reached in the first pass. */
export function ruleMinutes(policy: EscalationPolicyInputs): number[] {
  let minute = 0;
  return policy.rules.map((rule) => {
    const reached = minute;
    minute += rule.escalationDelayInMinutes;
    return reached;
  });
}

/** How long one pass through the rules lasts, in minutes. */
export function passMinutes(policy: EscalationPolicyInputs): number {
  return policy.rules.reduce((sum, rule) => sum + rule.escalationDelayInMinutes, 0);
}
