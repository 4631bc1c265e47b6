/**
 * flatten: live PagerDuty objects into the desired graph's own shape (`@pulumi/pagerduty` input
 * names), so drift compares like with like. A live spec's `name` is its identity key (see
 * identity.ts) and its references point at identity keys; `source.path` holds the live id.
 */
import {
  RESOURCE_TYPES,
  ref,
  type Graph,
  type Inputs,
  type ResourceKind,
  type ResourceSpec,
} from "../graph/types";
import type {
  LiveEscalationPolicy,
  LivePriority,
  LiveSchedule,
  LiveService,
  LiveSlackConnection,
  LiveTeam,
  LiveTeamMember,
  LiveUser,
} from "../pagerduty-api/types";
import { defaultEmailKey, identity } from "./identity";

/** Everything drift reads from one account. */
export interface LiveAccount {
  users: LiveUser[];
  teams: LiveTeam[];
  /** Team id -> its members. */
  members: Record<string, LiveTeamMember[]>;
  schedules: LiveSchedule[];
  escalationPolicies: LiveEscalationPolicy[];
  services: LiveService[];
  /** The account's incident priorities: Slack connections filter by their ids. */
  priorities: LivePriority[];
  /** Slack workspace id -> its connections. */
  slackConnections: Record<string, LiveSlackConnection[]>;
}

export interface FlattenOptions {
  /** Layers that ended before this instant are history, not configuration. */
  now: Date;
}

export function flattenAccount(account: LiveAccount, options: FlattenOptions): Graph {
  const resources: ResourceSpec[] = [];
  const keyOf = new Map<string, string>();
  const add = (kind: ResourceKind, id: string, inputs: Inputs) => {
    const name = identity(kind, inputs);
    keyOf.set(id, name);
    resources.push({
      kind,
      type: RESOURCE_TYPES[kind],
      name,
      inputs,
      source: { file: "(live)", line: 0, col: 0, path: id },
    });
  };
  // References to objects drift did not read (another team's user) keep the raw id.
  const to = (id: string) => ref(keyOf.get(id) ?? `id:${id}`);
  // The data names priorities; live connections hold their ids. Both sides meet at the name.
  for (const priority of account.priorities) keyOf.set(priority.id, `priority:${priority.name}`);

  for (const user of account.users) {
    add("user", user.id, {
      name: user.name,
      email: user.email,
      role: user.role ?? "user",
      timeZone: user.time_zone ?? "",
      ...(user.job_title ? { jobTitle: user.job_title } : {}),
      ...(user.description ? { description: user.description } : {}),
    });
  }
  for (const user of account.users) {
    for (const method of user.contact_methods ?? []) {
      if (!("address" in method)) continue;
      // PagerDuty creates the "Default" email with every user; the data refers to it by look-up.
      const isDefault = method.type === "email_contact_method" && method.label === "Default";
      const inputs: Inputs = {
        userId: to(user.id),
        type: method.type,
        label: method.label,
        address: method.address,
      };
      if (method.country_code !== undefined) inputs.countryCode = method.country_code;
      if (isDefault) keyOf.set(method.id, defaultEmailKey(keyOf.get(user.id) ?? ""));
      else add("contactMethod", method.id, inputs);
    }
  }
  for (const user of account.users) {
    for (const rule of user.notification_rules ?? []) {
      if (!("start_delay_in_minutes" in rule)) continue;
      add("notificationRule", rule.id, {
        userId: to(user.id),
        urgency: rule.urgency,
        startDelayInMinutes: rule.start_delay_in_minutes,
        contactMethod: {
          id: to(rule.contact_method.id),
          type: rule.contact_method.type.replace(/_reference$/, ""),
        },
      });
    }
  }
  for (const team of account.teams) {
    add("team", team.id, {
      name: team.name,
      ...(team.description ? { description: team.description } : {}),
    });
  }
  for (const team of account.teams) {
    for (const member of account.members[team.id] ?? []) {
      // `<user id>:<team id>` is the id the provider keeps in the state for a membership.
      add("teamMembership", `${member.user.id}:${team.id}`, {
        teamId: to(team.id),
        userId: to(member.user.id),
        role: member.role,
      });
    }
  }
  for (const schedule of account.schedules)
    add("schedule", schedule.id, flattenSchedule(schedule, options.now, to));
  for (const policy of account.escalationPolicies) {
    add("escalationPolicy", policy.id, {
      name: policy.name,
      ...(policy.description ? { description: policy.description } : {}),
      numLoops: policy.num_loops ?? 0,
      ...(policy.teams?.[0] ? { teams: to(policy.teams[0].id) } : {}),
      rules: policy.escalation_rules.map((rule) => ({
        escalationDelayInMinutes: rule.escalation_delay_in_minutes,
        targets: rule.targets.map((target) => ({ type: target.type, id: to(target.id) })),
      })),
    });
  }
  for (const service of account.services) add("service", service.id, flattenService(service, to));
  for (const service of account.services) {
    for (const integration of service.integrations ?? []) {
      add("serviceIntegration", integration.id, {
        name: integration.name ?? integration.summary ?? "",
        service: to(service.id),
        type: integration.type,
      });
    }
  }
  for (const [workspaceId, connections] of Object.entries(account.slackConnections)) {
    for (const connection of connections) {
      add("slackConnection", connection.id, {
        sourceId: to(connection.source_id),
        sourceType: connection.source_type,
        workspaceId,
        channelId: connection.channel_id,
        notificationType: connection.notification_type,
        configs: [
          {
            events: connection.config.events,
            // The API's null ("any priority") is the provider's ["*"].
            priorities: connection.config.priorities?.map(to) ?? ["*"],
            ...(connection.config.urgency ? { urgency: connection.config.urgency } : {}),
          },
        ],
      });
    }
  }
  return { resources };
}

function flattenSchedule(
  schedule: LiveSchedule,
  now: Date,
  to: (id: string) => ReturnType<typeof ref>,
): Inputs {
  // The API lists the winning layer first; the data lists it last.
  const layers = [...(schedule.schedule_layers ?? [])]
    .reverse()
    .filter((layer) => !layer.end || Date.parse(layer.end) > now.getTime());
  return {
    name: schedule.name,
    ...(schedule.description ? { description: schedule.description } : {}),
    timeZone: schedule.time_zone,
    ...(schedule.teams?.length ? { teams: schedule.teams.map((team) => to(team.id)) } : {}),
    layers: layers.map((layer) => ({
      name: layer.name ?? "",
      start: layer.start,
      ...(layer.end ? { end: layer.end } : {}),
      rotationVirtualStart: layer.rotation_virtual_start,
      rotationTurnLengthSeconds: layer.rotation_turn_length_seconds,
      users: layer.users.map((entry) => to(entry.user.id)),
      ...(layer.restrictions?.length
        ? {
            restrictions: layer.restrictions.map((r) => ({
              type: r.type,
              startTimeOfDay: r.start_time_of_day,
              durationSeconds: r.duration_seconds,
              ...(r.start_day_of_week ? { startDayOfWeek: r.start_day_of_week } : {}),
            })),
          }
        : {}),
    })),
  };
}

function flattenService(service: LiveService, to: (id: string) => ReturnType<typeof ref>): Inputs {
  const rule = service.incident_urgency_rule ?? { type: "constant", urgency: "high" };
  const seconds = (value: number | null | undefined) =>
    value === null || value === undefined ? "null" : String(value);
  const inputs: Inputs = {
    name: service.name,
    ...(service.description ? { description: service.description } : {}),
    escalationPolicy: to(service.escalation_policy.id),
    acknowledgementTimeout: seconds(service.acknowledgement_timeout),
    autoResolveTimeout: seconds(service.auto_resolve_timeout),
    alertCreation: service.alert_creation ?? "create_alerts_and_incidents",
    incidentUrgencyRule:
      rule.type === "constant"
        ? { type: "constant", urgency: rule.urgency ?? "high" }
        : {
            type: "use_support_hours",
            duringSupportHours: {
              ...(rule.during_support_hours ?? { type: "constant", urgency: "high" }),
            },
            outsideSupportHours: {
              ...(rule.outside_support_hours ?? { type: "constant", urgency: "low" }),
            },
          },
  };
  if (service.support_hours) {
    const hours = service.support_hours;
    inputs.supportHours = {
      type: hours.type,
      timeZone: hours.time_zone,
      daysOfWeeks: hours.days_of_week,
      startTime: hours.start_time,
      endTime: hours.end_time,
    };
  }
  if (service.scheduled_actions?.length) {
    inputs.scheduledActions = service.scheduled_actions.map((a) => ({
      type: a.type,
      toUrgency: a.to_urgency,
      ats: [{ ...a.at }],
    }));
  }
  return inputs;
}
