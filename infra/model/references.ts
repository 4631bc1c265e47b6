/**
 * Cross-file validation: duplicate ids, names and emails (case-insensitive where PagerDuty is),
 * and every reference from one entity to another.
 */
import type { Problem } from "./problem";
import { problemAtOrigin } from "./load";
import type { OrgModel, Origin } from "./types";

interface Named {
  origin: Origin;
}

const DUPLICATE_CODES: Record<string, string> = {
  email: "EMAIL_DUPLICATE",
  name: "NAME_DUPLICATE",
  setting: "NOTIFICATION_RULE_DUPLICATE",
  "Slack channel id": "CHANNEL_ID_DUPLICATE",
  entry: "SOURCE_DUPLICATE",
  address: "CONTACT_METHOD_DUPLICATE",
  date: "HOLIDAY_DUPLICATE",
};

/** Section names of the kinds references point to, to recognise ids of items refused earlier. */
const SECTION_OF: Record<string, string> = {
  person: "people",
  team: "teams",
  rotation: "rotations",
  severity: "severities",
  "escalation policy": "escalation_policies",
  service: "services",
  "email list": "email_lists",
  level: "escalation_chain",
  channel: "slack",
};

export function validateReferences(
  model: OrgModel,
  invalidIds: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  /** A single section (market hours, the chain, Slack) written but refused by its schema. */
  const refused = (section: string) => invalidIds.has(`${section}:*`);
  const report = (origin: Origin, code: string, message: string, hint?: string) =>
    problems.push(problemAtOrigin(origin, code, message, hint));

  const unique = <T extends Named>(
    kind: string,
    items: T[],
    key: (item: T) => string,
    what = "id",
    fold = false,
  ) => {
    const seen = new Map<string, T>();
    for (const item of items) {
      const raw = key(item);
      const k = fold ? raw.toLowerCase() : raw;
      const first = seen.get(k);
      if (first) {
        const code = DUPLICATE_CODES[what] ?? "ID_DUPLICATE";
        const compare = fold ? " (compared case-insensitively)" : "";
        report(
          item.origin,
          code,
          `${kind} ${what} ${raw} is already used at ${first.origin.file}:${first.origin.line}${compare}`,
          `give each ${kind} its own ${what}`,
        );
        if (what === "email" || what === "address") {
          problems[problems.length - 1]!.personal = [raw, key(first)];
        }
      } else {
        seen.set(k, item);
      }
    }
    return seen;
  };

  const people = unique("person", model.people, (p) => p.id);
  unique(
    "person",
    model.people.map((p) => ({ email: p.email, origin: p.emailOrigin })),
    (p) => p.email,
    "email",
    true,
  );
  const teams = unique("team", model.teams, (t) => t.id);
  unique("team", model.teams, (t) => t.name, "name", true);
  const rotations = unique("rotation", model.rotations, (r) => r.id);
  unique("rotation", model.rotations, (r) => r.name, "name", true);
  const severities = unique("severity", model.severities, (s) => s.id);
  const policies = unique("escalation policy", model.policies, (p) => p.id);
  unique("escalation policy", model.policies, (p) => p.name, "name", true);
  const services = unique("service", model.services, (s) => s.id);
  unique("service", model.services, (s) => s.name, "name", true);
  unique("holiday", model.holidays, (h) => h.date, "date");
  const emailLists = unique("email list", model.emailLists, (e) => e.id);
  unique("scenario", model.scenarios, (s) => s.id);
  const levels = unique("level", model.chain?.levels ?? [], (l) => l.id);
  const channels = unique("channel", model.slack?.channels ?? [], (c) => c.id);
  unique("connection", model.slack?.connections ?? [], (c) => c.id);

  const check = (
    origin: Origin,
    kind: string,
    id: string,
    known: Map<string, unknown>,
    where: string,
  ) => {
    const section = SECTION_OF[kind];
    if (known.has(id) || invalidIds.has(`${section}:${id}`) || invalidIds.has(`${section}:*`)) {
      return;
    }
    const candidates = [...known.keys()];
    const near = candidates.filter((c) => c.startsWith(id.slice(0, 3))).slice(0, 3);
    const hint =
      near.length > 0
        ? `did you mean ${near.join(", ")}?`
        : candidates.length > 0
          ? `known ${kind} ids: ${candidates.slice(0, 8).join(", ")}`
          : `no ${kind} is defined`;
    report(origin, "REFERENCE_UNKNOWN", `${where} names ${kind} ${id}, which does not exist`, hint);
  };

  for (const person of model.people) {
    unique(`contact method of ${person.id}`, person.contact_methods, (c) => c.id);
    // PagerDuty refuses a second method of one type with the same address ("already exists").
    unique(
      `contact method of ${person.id}`,
      person.contact_methods,
      (c) =>
        `${c.type} ${c.countryCode !== undefined ? `+${c.countryCode} ` : ""}${c.normalisedAddress}`,
      "address",
    );
    // The rule's logical name is made of these three, and PagerDuty keeps one rule per combination.
    unique(
      `notification rule of ${person.id}`,
      person.notification_rules,
      (r) => `${r.urgency} urgency, ${r.contact_method} at minute ${r.start_delay_minutes}`,
      "setting",
    );
    const methods = new Set(person.writtenContactMethodIds);
    for (const rule of person.notification_rules) {
      if (rule.contact_method !== "default_email" && !methods.has(rule.contact_method)) {
        report(
          rule.origin,
          "REFERENCE_UNKNOWN",
          `person ${person.id}: notification rule names contact method ${rule.contact_method}, which the person does not have`,
          `use one of: ${[...methods, "default_email"].join(", ")}`,
        );
      }
    }
  }

  for (const team of model.teams) {
    for (const member of team.members)
      check(member.origin, "person", member.person, people, `team ${team.id}`);
    unique(`member of team ${team.id}`, team.members, (m) => m.person);
    if (team.email_list)
      check(team.origin, "email list", team.email_list, emailLists, `team ${team.id}`);
    if (team.slack_channel)
      check(team.origin, "channel", team.slack_channel, channels, `team ${team.id}`);
  }

  for (const rotation of model.rotations) {
    if (rotation.team)
      check(rotation.origin, "team", rotation.team, teams, `rotation ${rotation.id}`);
    unique(`layer of rotation ${rotation.id}`, rotation.layers, (l) => l.id);
    for (const layer of rotation.layers) {
      layer.members.forEach((member, k) =>
        check(
          layer.memberOrigins[k]!,
          "person",
          member,
          people,
          `rotation ${rotation.id} › layer ${layer.id}`,
        ),
      );
    }
    if (rotation.covers === "market_hours" && !model.marketHours && !refused("market_hours")) {
      report(
        rotation.origin,
        "REFERENCE_UNKNOWN",
        `rotation ${rotation.id} must cover market hours, but policies/ defines no market_hours`,
      );
    }
  }

  for (const severity of model.severities) {
    for (const level of severity.reaches_levels)
      check(severity.origin, "level", level, levels, `severity ${severity.id}`);
    const order = (model.chain?.levels ?? []).map((l) => l.id);
    const positions = severity.reaches_levels.map((l) => order.indexOf(l)).filter((i) => i >= 0);
    if (
      positions.some((p, i) => i > 0 && p <= positions[i - 1]!) ||
      (positions.length > 0 && positions[0] !== 0)
    ) {
      report(
        severity.origin,
        "SEVERITY_LEVEL_ORDER",
        `severity ${severity.id} must reach levels in chain order starting with ${order[0] ?? "the first level"}`,
        `write them as ${order.join(", ")}`,
      );
    }
  }

  for (const level of model.chain?.levels ?? [])
    checkTargets(level.origin, level.targets, `level ${level.id}`);
  for (const policy of model.policies) {
    if (policy.team)
      check(policy.origin, "team", policy.team, teams, `escalation policy ${policy.id}`);
    check(policy.origin, "severity", policy.severity, severities, `escalation policy ${policy.id}`);
    for (const rule of policy.rules) {
      for (const target of rule.written) {
        if ("level" in target)
          check(rule.origin, "level", target.level, levels, `escalation policy ${policy.id}`);
      }
      checkTargets(
        rule.origin,
        rule.written.filter((t) => !("level" in t)),
        `escalation policy ${policy.id}`,
      );
    }
    if (policy.fromChain && !model.chain && !refused("escalation_chain")) {
      report(
        policy.origin,
        "REFERENCE_UNKNOWN",
        `escalation policy ${policy.id} has no rules and policies/ defines no escalation_chain to build them from`,
      );
    }
  }

  for (const scenario of model.scenarios) {
    if (scenario.escalation_policy)
      check(
        scenario.origin,
        "escalation policy",
        scenario.escalation_policy,
        policies,
        `scenario ${scenario.id}`,
      );
    for (const list of scenario.notify_email_lists)
      check(scenario.origin, "email list", list, emailLists, `scenario ${scenario.id}`);
    for (const channel of scenario.notify_channels)
      check(scenario.origin, "channel", channel, channels, `scenario ${scenario.id}`);
  }

  for (const service of model.services) {
    if (service.team) check(service.origin, "team", service.team, teams, `service ${service.id}`);
    check(
      service.origin,
      "escalation policy",
      service.escalation_policy,
      policies,
      `service ${service.id}`,
    );
    check(service.origin, "severity", service.severity, severities, `service ${service.id}`);
    unique(
      `integration of service ${service.id}`,
      service.integrations.map((i, k) => ({ ...i, origin: service.integrationOrigins[k]! })),
      (i) => i.id,
    );
    if (
      service.support_hours === "market_hours" &&
      !model.marketHours &&
      !refused("market_hours")
    ) {
      report(
        service.origin,
        "REFERENCE_UNKNOWN",
        `service ${service.id} uses market hours as support hours, but policies/ defines no market_hours`,
      );
    }
  }

  unique("channel", model.slack?.channels ?? [], (c) => c.channel_id, "Slack channel id");
  for (const connection of model.slack?.connections ?? []) {
    const where = `Slack connection ${connection.id}`;
    // One PagerDuty connection is made per source: a source named twice would be two resources
    // with one logical name.
    unique(
      `source of ${where}`,
      connection.sources.map((source, k) => ({ ...source, origin: connection.sourceOrigins[k]! })),
      (source) => ("service" in source ? `service ${source.service}` : `team ${source.team}`),
      "entry",
    );
    check(connection.origin, "channel", connection.channel, channels, where);
    for (const source of connection.sources) {
      if ("service" in source) check(connection.origin, "service", source.service, services, where);
      else check(connection.origin, "team", source.team, teams, where);
    }
    if (Array.isArray(connection.priorities)) {
      for (const severity of connection.priorities)
        check(connection.origin, "severity", severity, severities, where);
    }
  }

  return problems;

  function checkTargets(
    origin: Origin,
    targets: ({ rotation: string } | { person: string } | { level: string })[],
    where: string,
  ) {
    for (const target of targets) {
      if ("rotation" in target) check(origin, "rotation", target.rotation, rotations, where);
      else if ("person" in target) check(origin, "person", target.person, people, where);
      else
        report(
          origin,
          "CHAIN_LEVEL_NESTED",
          `${where} names level ${target.level}; a chain level lists rotations and people only`,
        );
    }
  }
}
