/**
 * render: the offline plan. Text groups resources by concept with the fields a reviewer needs;
 * JSON lists every resource as `{ type, name, inputs }` with references as `{ "ref": name }`.
 */
import { ruleMinutes } from "../graph/escalation-timing";
import type {
  ContactMethodInputs,
  EscalationPolicyInputs,
  NotificationRuleInputs,
  ScheduleInputs,
  ServiceInputs,
  SlackConnectionInputs,
  TeamMembershipInputs,
  UserInputs,
} from "../graph/inputs";
import {
  KIND_ORDER,
  isLookup,
  isRef,
  type Graph,
  type InputValue,
  type ResourceKind,
  type ResourceSpec,
} from "../graph/types";
import { maskEmail, maskInputs, maskPhone } from "../cli/mask";
import { formatProblem, maskProblem, type Problem } from "../model/problem";

export interface PlanInput {
  graph: Graph;
  problems: Problem[];
  /** Lines of the check summary, if checks ran. */
  checkSummary?: string[];
  showPersonal: boolean;
}

export const KIND_TITLES: Record<ResourceKind, string> = {
  user: "Users",
  contactMethod: "Contact methods",
  notificationRule: "Notification rules",
  team: "Teams",
  teamMembership: "Team memberships",
  schedule: "Schedules",
  escalationPolicy: "Escalation policies",
  service: "Services",
  serviceIntegration: "Service integrations",
  slackConnection: "Slack connections",
};

export function countByKind(graph: Graph): Record<ResourceKind, number> {
  const counts = Object.fromEntries(KIND_ORDER.map((k) => [k, 0])) as Record<ResourceKind, number>;
  for (const spec of graph.resources) counts[spec.kind]++;
  return counts;
}

export function renderPlanJson({ graph, problems, checkSummary, showPersonal }: PlanInput): string {
  const resources = graph.resources.map((spec) => ({
    type: spec.type,
    name: spec.name,
    inputs: showPersonal ? spec.inputs : maskInputs(spec.inputs),
  }));
  const counts = countByKind(graph);
  const plan: Record<string, unknown> = {
    resources,
    counts,
    total: graph.resources.length,
    problems: showPersonal ? problems : problems.map(maskProblem),
  };
  if (checkSummary) plan.checks = checkSummary;
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function renderPlanText({ graph, problems, checkSummary, showPersonal }: PlanInput): string {
  const out: string[] = [];
  const email = (v: string) => (showPersonal ? v : maskEmail(v));
  const phone = (v: string) => (showPersonal ? v : maskPhone(v));
  const counts = countByKind(graph);

  for (const kind of KIND_ORDER) {
    const specs = graph.resources.filter((s) => s.kind === kind);
    if (specs.length === 0) continue;
    out.push(`${KIND_TITLES[kind]} (${specs.length})`);
    for (const spec of specs) out.push(...describe(spec, email, phone));
    out.push("");
  }

  out.push(`Plan: ${graph.resources.length} resources to manage`);
  out.push(
    `  ${KIND_ORDER.filter((k) => counts[k] > 0)
      .map((k) => `${KIND_TITLES[k].toLowerCase()} ${counts[k]}`)
      .join(", ")}`,
  );
  const errors = problems.filter((p) => p.level === "error").length;
  const warnings = problems.length - errors;
  out.push(`Validation: ${errors} error(s), ${warnings} warning(s)`);
  for (const problem of problems) out.push(`  ${formatProblem(problem, showPersonal)}`);
  if (checkSummary) out.push(...checkSummary);
  return `${out.join("\n")}\n`;
}

function describe(
  spec: ResourceSpec,
  email: (v: string) => string,
  phone: (v: string) => string,
): string[] {
  const head = `  + ${spec.name}`;
  const inputs = spec.inputs as unknown;
  switch (spec.kind) {
    case "user": {
      const u = inputs as UserInputs;
      return [`${head}  ${u.name} <${email(u.email)}> role ${u.role}, ${u.timeZone}`];
    }
    case "contactMethod": {
      const c = inputs as ContactMethodInputs;
      const address =
        c.type === "email_contact_method"
          ? email(c.address)
          : `+${c.countryCode} ${phone(c.address)}`;
      return [`${head}  ${c.type.replace("_contact_method", "")} ${address} "${c.label}"`];
    }
    case "notificationRule": {
      const n = inputs as NotificationRuleInputs;
      const method = isRef(n.contactMethod.id) ? n.contactMethod.id.ref : "default email";
      return [`${head}  ${n.urgency} urgency: ${method} at minute ${n.startDelayInMinutes}`];
    }
    case "team":
      return [`${head}  ${(inputs as { name: string }).name}`];
    case "teamMembership": {
      const m = inputs as TeamMembershipInputs;
      return [`${head}  ${m.userId.ref} in ${m.teamId.ref} as ${m.role}`];
    }
    case "schedule": {
      const s = inputs as ScheduleInputs;
      const lines = [`${head}  ${s.name} (${s.timeZone})`];
      for (const layer of s.layers) {
        const turn = turnLength(layer.rotationTurnLengthSeconds);
        const restrictions = (layer.restrictions ?? []).map((r) =>
          r.type === "daily_restriction"
            ? `daily ${r.startTimeOfDay.slice(0, 5)} for ${hours(r.durationSeconds)}`
            : `${WEEKDAYS[r.startDayOfWeek! - 1]} ${r.startTimeOfDay.slice(0, 5)} for ${hours(r.durationSeconds)}`,
        );
        lines.push(
          `      layer ${layer.name}: ${turn} turns from ${layer.rotationVirtualStart}${layer.end ? ` until ${layer.end}` : ""}`,
        );
        lines.push(
          `        users ${layer.users.map((u) => u.ref.replace(/^user-/, "")).join(", ")}`,
        );
        if (restrictions.length > 0) lines.push(`        restricted to ${restrictions.join("; ")}`);
      }
      return lines;
    }
    case "escalationPolicy": {
      const p = inputs as EscalationPolicyInputs;
      const lines = [
        `${head}  ${p.name}${p.numLoops > 0 ? `, repeats ${p.numLoops} time(s)` : ""}${spec.critical ? ", critical" : ""}`,
      ];
      const minutes = ruleMinutes(p);
      p.rules.forEach((rule, i) => {
        const targets = rule.targets.map(
          (t) =>
            `${t.type === "schedule_reference" ? "schedule" : "user"} ${t.id.ref.replace(/^(schedule|user)-/, "")}`,
        );
        lines.push(
          `      rule ${i + 1} at minute ${minutes[i]}: ${targets.join(" + ")} (escalates after ${rule.escalationDelayInMinutes} min)`,
        );
      });
      return lines;
    }
    case "service": {
      const s = inputs as ServiceInputs;
      const urgency =
        s.incidentUrgencyRule.type === "constant"
          ? `urgency ${s.incidentUrgencyRule.urgency}`
          : `urgency ${s.incidentUrgencyRule.duringSupportHours.urgency} in support hours (${s.supportHours?.startTime.slice(0, 5)}–${s.supportHours?.endTime.slice(0, 5)} ${s.supportHours?.timeZone}), ${s.incidentUrgencyRule.outsideSupportHours.urgency} outside`;
      const ack =
        s.acknowledgementTimeout === "null"
          ? "no ack timeout"
          : `ack timeout ${Number(s.acknowledgementTimeout) / 60} min`;
      const resolve =
        s.autoResolveTimeout === "null"
          ? "no auto-resolve"
          : `auto-resolve ${Number(s.autoResolveTimeout) / 60} min`;
      return [`${head}  ${s.name} → ${s.escalationPolicy.ref}; ${urgency}; ${ack}; ${resolve}`];
    }
    case "serviceIntegration": {
      const i = inputs as { name: string; service: { ref: string }; type: string };
      return [`${head}  ${i.name} (${i.type}) on ${i.service.ref}`];
    }
    case "slackConnection": {
      const c = inputs as SlackConnectionInputs;
      const config = c.configs[0]!;
      const priorities =
        config.priorities.length === 0
          ? "no priority"
          : config.priorities[0] === "*"
            ? "any priority"
            : config.priorities
                .map((p) => (isLookup(p) && p.lookup === "priority" ? p.name : String(p)))
                .join("/");
      return [
        `${head}  ${c.sourceId.ref} → channel ${c.channelId} as ${c.notificationType}; ${config.urgency ?? "any"} urgency, ${priorities}; ${config.events.length} event type(s)`,
      ];
    }
  }
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function hours(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.round(seconds / 60)}m`;
}

function turnLength(seconds: number): string {
  if (seconds % 604800 === 0) return seconds === 604800 ? "weekly" : `${seconds / 604800}-week`;
  if (seconds % 86400 === 0) return seconds === 86400 ? "daily" : `${seconds / 86400}-day`;
  return `${hours(seconds)}`;
}

export type { InputValue };
