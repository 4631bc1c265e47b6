/**
 * check: every responder an escalation policy can notify while its severity is high urgency must
 * be called or texted by a high-urgency notification rule that starts within the severity's
 * acknowledge time. Responders are the users targeted directly and the users on call in targeted
 * schedules during the horizon. A start delay of 0 is a real value: that person is first reached
 * at minute 0 (field case F11).
 */
import type { EscalationPolicyInputs, NotificationRuleInputs } from "../graph/inputs";
import type { Graph, ResourceSpec } from "../graph/types";
import { names } from "../graph/expand/names";
import type { OrgModel, Severity } from "../model/types";
import { findingAt, type Finding } from "./finding";
import type { OnCallIndex } from "./on-call";
import { TIME_CLASSES, TIME_CLASS_NAMES, urgencyKey, type TimeClass } from "./time-class";
import { slaIn } from "./escalation";

/**
 * The earliest minute a high-urgency notification rule calls or texts a user, with the rule's
 * spec; undefined when no such rule exists (email only, or low urgency only).
 */
export function firstHighUrgencyPage(graph: Graph, user: string): FirstPage | undefined {
  return firstPages(graph).get(user);
}

type FirstPage = { minute: number; spec: ResourceSpec };

/** {@link firstHighUrgencyPage} of every user at once, in one pass over the graph. */
function firstPages(graph: Graph): Map<string, FirstPage> {
  const best = new Map<string, FirstPage>();
  for (const spec of graph.resources) {
    if (spec.kind !== "notificationRule") continue;
    const rule = spec.inputs as unknown as NotificationRuleInputs;
    if (rule.urgency !== "high") continue;
    const type = rule.contactMethod.type;
    if (type !== "phone_contact_method" && type !== "sms_contact_method") continue;
    const known = best.get(rule.userId.ref);
    if (known === undefined || rule.startDelayInMinutes < known.minute)
      best.set(rule.userId.ref, { minute: rule.startDelayInMinutes, spec });
  }
  return best;
}

/**
 * The acknowledge time a severity demands wherever it is high urgency: the smallest over the time
 * classes whose urgency is high. Undefined when the severity never pages.
 */
export function pagingAcknowledgeMinutes(
  severity: Severity,
): { minutes: number; timeClass: TimeClass } | undefined {
  let best: { minutes: number; timeClass: TimeClass } | undefined;
  for (const timeClass of TIME_CLASSES) {
    if (severity.urgency[urgencyKey(timeClass)] !== "high") continue;
    const minutes = slaIn(severity, timeClass).acknowledge_minutes;
    if (best === undefined || minutes < best.minutes) best = { minutes, timeClass };
  }
  return best;
}

interface Requirement {
  minutes: number;
  timeClass: TimeClass;
  severity: string;
  policy: string;
}

export function checkResponders(model: OrgModel, graph: Graph, onCall: OnCallIndex): Finding[] {
  // The strictest requirement per user, so each person is reported once.
  const strictest = new Map<string, Requirement>();
  const policies = new Map(model.policies.map((p) => [names.escalationPolicy(p.id), p]));
  for (const spec of graph.resources) {
    if (spec.kind !== "escalationPolicy") continue;
    const policy = policies.get(spec.name);
    if (!policy) continue;
    const severityIds = new Set([
      policy.severity,
      ...model.services.filter((s) => s.escalation_policy === policy.id).map((s) => s.severity),
    ]);
    let requirement: Requirement | undefined;
    for (const id of [...severityIds].sort()) {
      const severity = model.severities.find((s) => s.id === id);
      const ack = severity && pagingAcknowledgeMinutes(severity);
      if (ack && (requirement === undefined || ack.minutes < requirement.minutes))
        requirement = { ...ack, severity: id, policy: spec.name };
    }
    if (!requirement) continue;

    const inputs = spec.inputs as unknown as EscalationPolicyInputs;
    for (const user of respondersOf(inputs, onCall)) {
      const known = strictest.get(user);
      if (known === undefined || requirement.minutes < known.minutes)
        strictest.set(user, requirement);
    }
  }

  const findings: Finding[] = [];
  const pages = firstPages(graph);
  const users = new Map(graph.resources.filter((s) => s.kind === "user").map((s) => [s.name, s]));
  for (const [user, requirement] of [...strictest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = pages.get(user);
    if (first !== undefined && first.minute <= requirement.minutes) continue;
    const userSpec = users.get(user);
    const person = user.replace(/^user-/, "");
    const where = `on the path of ${requirement.policy.replace(/^escalation-policy-/, "escalation policy ")}, and severity ${requirement.severity} must be acknowledged within ${requirement.minutes} min in ${TIME_CLASS_NAMES[requirement.timeClass]}`;
    const message =
      first === undefined
        ? `${person} has no high-urgency notification rule by phone or SMS but is ${where}`
        : `${person} is first called or texted at minute ${first.minute} of a high-urgency notification but is ${where}`;
    findings.push(
      findingAt(
        (first?.spec ?? userSpec)?.source ?? { file: "", line: 0, col: 0, path: "" },
        "RESPONDER_NOT_PAGED",
        "error",
        message,
        `add a notification rule { urgency: high, contact_method: <a phone or sms method>, start_delay_minutes: 0 }`,
        {
          user,
          policy: requirement.policy,
          severity: requirement.severity,
          requiredByMinute: requirement.minutes,
          ...(first === undefined ? {} : { firstPagedAtMinute: first.minute }),
        },
      ),
    );
  }
  return findings;
}

/** Users a policy can notify: direct targets, and whoever is on call in its schedules. */
function respondersOf(policy: EscalationPolicyInputs, onCall: OnCallIndex): Set<string> {
  const users = new Set<string>();
  for (const rule of policy.rules) {
    for (const target of rule.targets) {
      if (target.type === "user_reference") users.add(target.id.ref);
      else for (const shift of onCall.shifts(target.id.ref)) users.add(shift.user);
    }
  }
  return users;
}
