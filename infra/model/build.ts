/**
 * Builds the model from schema-valid sections: remembers origins, normalises phone numbers and
 * date-times, and turns the chain and explicit rules into escalation rules with cumulative minutes.
 */
import type { Problem } from "./problem";
import { formatInstant, resolveDateTime } from "./local-time";
import { normalisePhone } from "./phone";
import { problemAt, type DocPath, type SourceFile } from "./source";
import { withContext } from "./schema-problems";
import { originOf, type Sections, type Sourced } from "./load";
import type {
  ChainData,
  EscalationPolicyData,
  ScenarioData,
  TargetData,
} from "./schema/escalation";
import type { PersonData } from "./schema/person";
import type { RotationData } from "./schema/rotation";
import type { ServiceData } from "./schema/service";
import type { SlackData } from "./schema/slack";
import type { MarketHoursData, SeverityData } from "./schema/severity";
import type { TeamData } from "./schema/team";
import type {
  Chain,
  ContactMethod,
  EscalationPolicy,
  Layer,
  OrgModel,
  Person,
  PolicyRule,
  ResolvedTarget,
  Rotation,
  Severity,
} from "./types";

interface Context {
  problems: Problem[];
  report(
    source: SourceFile,
    path: DocPath,
    code: string,
    message: string,
    hint?: string,
    personal?: string[],
  ): void;
}

export function buildModel(sections: Sections): { model: OrgModel; problems: Problem[] } {
  const problems: Problem[] = [];
  const ctx: Context = {
    problems,
    report(source, path, code, message, hint, personal) {
      const problem = problemAt(source, path, code, withContext(source.data, path, message), hint);
      if (personal) problem.personal = personal;
      problems.push(problem);
    },
  };

  const located = <T extends object>(item: Sourced<unknown>) => ({
    ...(item.value as T),
    origin: originOf(item.source, item.path),
  });

  const severities = sections.severities.map((s) => located<SeverityData>(s));
  const chain = sections.escalation_chain[0]
    ? buildChain(sections.escalation_chain[0] as Sourced<ChainData>, ctx)
    : undefined;
  const slackItem = sections.slack[0] as Sourced<SlackData> | undefined;

  const model: OrgModel = {
    people: sections.people.map((p) => buildPerson(p as Sourced<PersonData>, ctx)),
    teams: sections.teams.map((t) => {
      const { value, source, path } = t as Sourced<TeamData>;
      return {
        ...value,
        origin: originOf(source, path),
        members: value.members.map((m, i) => ({
          ...m,
          origin: originOf(source, [...path, "members", i]),
        })),
      };
    }),
    rotations: sections.rotations.map((r) => buildRotation(r as Sourced<RotationData>, ctx)),
    severities,
    holidays: sections.holidays.map((h) => located<{ date: string; name: string }>(h)),
    policies: sections.escalation_policies.map((p) =>
      buildPolicy(p as Sourced<EscalationPolicyData>, chain, severities, ctx),
    ),
    scenarios: sections.scenarios.map((s) => located<ScenarioData>(s)),
    services: sections.services.map((item) => {
      const { value, source, path } = item as Sourced<ServiceData>;
      return {
        ...value,
        origin: originOf(source, path),
        integrationOrigins: value.integrations.map((_, k) =>
          originOf(source, [...path, "integrations", k]),
        ),
      };
    }),
    emailLists: sections.email_lists.map((e) =>
      located<{ id: string; address: string; purpose: string }>(e),
    ),
  };
  if (chain) model.chain = chain;
  if (sections.market_hours[0])
    model.marketHours = located<MarketHoursData>(sections.market_hours[0]);
  if (sections.conference_bridge[0]) {
    model.bridge = located<{ dial: string; access_code: string; availability: string }>(
      sections.conference_bridge[0],
    );
  }
  if (slackItem) {
    const { source, path, value } = slackItem;
    model.slack = {
      workspace_id: value.workspace_id,
      origin: originOf(source, path),
      channels: value.channels.map((c, i) => ({
        ...c,
        origin: originOf(source, [...path, "channels", i]),
      })),
      connections: value.connections.map((c, i) => ({
        ...c,
        origin: originOf(source, [...path, "connections", i]),
        sourceOrigins: c.sources.map((_, k) =>
          originOf(source, [...path, "connections", i, "sources", k]),
        ),
      })),
    };
  }
  if (model.marketHours && model.marketHours.start_time >= model.marketHours.end_time) {
    const item = sections.market_hours[0]!;
    ctx.report(
      item.source,
      [...item.path, "end_time"],
      "MARKET_HOURS_EMPTY",
      "market hours must end after they start on the same day",
    );
  }
  return { model, problems };
}

function buildPerson({ value, source, path }: Sourced<PersonData>, ctx: Context): Person {
  const contactMethods: ContactMethod[] = [];
  value.contact_methods.forEach((method, i) => {
    const at = [...path, "contact_methods", i];
    const origin = originOf(source, at);
    if (method.type === "email") {
      if (!method.address || method.number !== undefined || method.country_code !== undefined) {
        ctx.report(
          source,
          at,
          "CONTACT_METHOD_FIELDS",
          "an email contact method has an address and no number or country_code",
        );
        return;
      }
      if (method.address.toLowerCase() === value.email.toLowerCase()) {
        ctx.report(
          source,
          [...at, "address"],
          "CONTACT_METHOD_DEFAULT_EMAIL",
          "this is the login email, which PagerDuty already has as the default email method",
          "remove this method and use contact_method: default_email in notification rules",
        );
        return;
      }
      contactMethods.push({ ...method, origin, normalisedAddress: method.address });
      return;
    }
    if (method.number === undefined || method.address !== undefined) {
      ctx.report(
        source,
        at,
        "CONTACT_METHOD_FIELDS",
        `a ${method.type} contact method has a number (and country_code unless the number starts with +) and no address`,
      );
      return;
    }
    const phone = normalisePhone(method.country_code, method.number);
    if (!phone.ok) {
      // The message quotes the number as written and as digits; a hint may be the fixed number.
      const digits = method.number.replace(/[^\d]/g, "");
      const hinted = phone.hint && /^\d+$/.test(phone.hint) ? [phone.hint] : [];
      const personal = [method.number, digits, ...hinted].filter((v) => v.trim().length > 0);
      ctx.report(source, [...at, "number"], phone.code, phone.message, phone.hint, personal);
      return;
    }
    contactMethods.push({
      ...method,
      origin,
      countryCode: phone.countryCode,
      normalisedAddress: phone.address,
    });
  });
  return {
    ...value,
    origin: originOf(source, path),
    contact_methods: contactMethods,
    writtenContactMethodIds: value.contact_methods.map((m) => m.id),
    emailOrigin: originOf(source, [...path, "email"]),
    notification_rules: value.notification_rules.map((rule, i) => ({
      ...rule,
      origin: originOf(source, [...path, "notification_rules", i]),
    })),
  };
}

function buildRotation({ value, source, path }: Sourced<RotationData>, ctx: Context): Rotation {
  const layers: Layer[] = [];
  value.layers.forEach((layer, i) => {
    const at = [...path, "layers", i];
    const instant = (field: "start" | "end" | "rotation_virtual_start", written: string) => {
      const resolved = resolveDateTime(written, value.time_zone);
      if (resolved.ok) return formatInstant(resolved.instant, value.time_zone);
      const code =
        resolved.kind === "invalid"
          ? "DATE_TIME_INVALID"
          : `LOCAL_TIME_${resolved.kind.toUpperCase()}`;
      const hint =
        resolved.kind === "nonexistent"
          ? "pick a time outside the hour the clocks skip, for example an hour later"
          : resolved.kind === "ambiguous"
            ? "write the instant with its offset to say which of the two you mean, for example 2024-11-03T01:30-04:00"
            : "write YYYY-MM-DDTHH:MM, optionally with an offset";
      ctx.report(source, [...at, field], code, resolved.message, hint);
      return undefined;
    };
    const start = instant("start", layer.start);
    // Without its own virtual start the layer counts turns from its start: one problem, not two.
    const virtualStart =
      layer.rotation_virtual_start === undefined
        ? start
        : instant("rotation_virtual_start", layer.rotation_virtual_start);
    const end = layer.end === undefined ? undefined : instant("end", layer.end);
    if (
      start === undefined ||
      virtualStart === undefined ||
      (layer.end !== undefined && end === undefined)
    )
      return;
    if (end !== undefined && Date.parse(end) <= Date.parse(start)) {
      ctx.report(
        source,
        [...at, "end"],
        "LAYER_END_BEFORE_START",
        `the layer must end after it starts; it starts at ${start} and ends at ${end}`,
        "move end after start, or remove end to keep the layer running",
      );
      return;
    }
    const built: Layer = {
      ...layer,
      origin: originOf(source, at),
      startInstant: start,
      virtualStartInstant: virtualStart,
      memberOrigins: layer.members.map((_, k) => originOf(source, [...at, "members", k])),
      restrictions: layer.restrictions.map((r, k) => ({
        ...r,
        origin: originOf(source, [...at, "restrictions", k]),
      })),
    };
    if (end !== undefined) built.endInstant = end;
    layers.push(built);
  });
  return { ...value, origin: originOf(source, path), layers };
}

function buildChain({ value, source, path }: Sourced<ChainData>, ctx: Context): Chain {
  value.levels.forEach((level, i) => {
    const at = [...path, "levels", i, "reached_at_minute"];
    if (i === 0 && level.reached_at_minute !== 0) {
      ctx.report(
        source,
        at,
        "CHAIN_FIRST_LEVEL_NOT_ZERO",
        `the first level is reached when the incident opens, at minute 0, not ${level.reached_at_minute}`,
        "set reached_at_minute: 0 on the first level; later levels carry the waiting time",
      );
    }
    const previous = value.levels[i - 1];
    if (previous && level.reached_at_minute <= previous.reached_at_minute) {
      ctx.report(
        source,
        at,
        "ESCALATION_DELAY_ZERO",
        `level ${level.id} is reached at minute ${level.reached_at_minute}, not after ${previous.id} (minute ${previous.reached_at_minute}); PagerDuty rule delays are at least 1 minute`,
        "reached_at_minute is cumulative and must increase from level to level",
      );
    }
  });
  if (value.last_level_minutes < 1) {
    ctx.report(
      source,
      [...path, "last_level_minutes"],
      "ESCALATION_DELAY_ZERO",
      "the last rule's escalation delay must be at least 1 minute",
      "it is how long the last level has before the policy repeats or ends; PagerDuty's minimum is 1",
    );
  }
  return {
    last_level_minutes: value.last_level_minutes,
    origin: originOf(source, path),
    levels: value.levels.map((level, i) => ({
      ...level,
      origin: originOf(source, [...path, "levels", i]),
    })),
  };
}

function buildPolicy(
  { value, source, path }: Sourced<EscalationPolicyData>,
  chain: Chain | undefined,
  severities: Severity[],
  ctx: Context,
): EscalationPolicy {
  const origin = originOf(source, path);
  const levels = new Map((chain?.levels ?? []).map((l) => [l.id, l]));
  const resolve = (targets: TargetData[]): { targets: ResolvedTarget[]; levels: string[] } => {
    const out: ResolvedTarget[] = [];
    const named: string[] = [];
    for (const target of targets) {
      if ("level" in target) {
        const level = levels.get(target.level);
        if (!level) continue; // reported by the reference check
        named.push(level.id);
        out.push(...(level.targets.filter((t) => !("level" in t)) as ResolvedTarget[]));
      } else {
        out.push(target);
      }
    }
    return { targets: out, levels: named };
  };

  let rules: PolicyRule[] = [];
  if (value.rules) {
    rules = value.rules.map((rule, i) => ({
      atMinute: rule.at_minute,
      ...resolve(rule.targets),
      written: rule.targets,
      origin: originOf(source, [...path, "rules", i]),
    }));
    value.rules.forEach((rule, i) => {
      const at = [...path, "rules", i, "at_minute"];
      if (i === 0 && rule.at_minute !== 0) {
        ctx.report(
          source,
          at,
          "ESCALATION_FIRST_RULE_NOT_ZERO",
          `the first rule is notified when the incident opens, at minute 0, not ${rule.at_minute}`,
          "set at_minute: 0 on the first rule",
        );
      }
      const previous = value.rules![i - 1];
      if (previous && rule.at_minute <= previous.at_minute) {
        ctx.report(
          source,
          at,
          "ESCALATION_DELAY_ZERO",
          `rule ${i + 1} is reached at minute ${rule.at_minute}, not after rule ${i} (minute ${previous.at_minute}); PagerDuty rule delays are at least 1 minute`,
          "at_minute is cumulative; targets notified together belong in one rule",
        );
      }
    });
  } else if (chain) {
    const severity = severities.find((s) => s.id === value.severity);
    for (const levelId of severity?.reaches_levels ?? []) {
      const level = levels.get(levelId);
      if (!level) continue;
      const written = [{ level: level.id }];
      rules.push({
        atMinute: level.reached_at_minute,
        ...resolve(written),
        written,
        origin: level.origin,
      });
    }
  }
  const lastRuleMinutes = value.last_rule_minutes ?? chain?.last_level_minutes ?? 30;
  if (value.last_rule_minutes !== undefined && value.last_rule_minutes < 1) {
    ctx.report(
      source,
      [...path, "last_rule_minutes"],
      "ESCALATION_DELAY_ZERO",
      "the last rule's escalation delay must be at least 1 minute",
      "it is how long the last level has before the policy repeats or ends; PagerDuty's minimum is 1",
    );
  }
  return { ...value, origin, rules, lastRuleMinutes, fromChain: !value.rules };
}
