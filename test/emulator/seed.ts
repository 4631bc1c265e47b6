/**
 * Fills an emulator store with the account that `pulumi up` would leave behind for a desired graph:
 * the same translation from `@pulumi/pagerduty` inputs to REST fields that the provider makes.
 */
import type { Graph, InputValue, Inputs, ResourceSpec } from "../../infra/graph/types";
import { isLookup, isRef } from "../../infra/graph/types";
import { Store, type StoreOptions, type StoredRestriction } from "./store";

/** The id a `priority` lookup resolves to in the emulator: stable, derived from the name. */
export function priorityId(name: string): string {
  return `PRI${name.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;
}

export interface SeedOptions extends StoreOptions {
  /**
   * The account's incident priorities, most severe first. Default: the names the graph's `priority`
   * look-ups use, in order of first use, since `pulumi up` fails on a priority the account lacks.
   */
  priorities?: readonly string[];
}

export function seedFromGraph(graph: Graph, options: SeedOptions = {}): Store {
  const store = new Store(options);
  for (const name of options.priorities ?? priorityNames(graph)) {
    const id = priorityId(name);
    store.priorities.set(id, { id, name, description: `Incidents of priority ${name}` });
  }
  const ids = new Map<string, string>();
  const id = (value: InputValue | undefined): string => {
    if (isRef(value)) {
      const found = ids.get(value.ref);
      if (!found)
        throw new Error(
          `seedFromGraph: ${value.ref} is referenced before it is created; the graph must be in KIND_ORDER.`,
        );
      return found;
    }
    if (isLookup(value)) {
      if (value.lookup === "priority") {
        const name = value.name;
        const priority = [...store.priorities.values()].find((p) => p.name === name);
        // As `pagerduty.getPriority` fails during `pulumi up`.
        if (!priority) throw new Error(`seedFromGraph: the account has no priority named ${name}.`);
        return priority.id;
      }
      const userId = id(value.user);
      const email = store.contactMethods.get(userId)?.find((m) => m.label === "Default");
      if (!email)
        throw new Error(
          `seedFromGraph: user ${value.user.ref} has no default email contact method.`,
        );
      return email.id;
    }
    return String(value);
  };

  for (const spec of graph.resources) {
    ids.set(spec.name, seedOne(store, spec, id));
  }
  return store;
}

type Resolve = (value: InputValue | undefined) => string;

function priorityNames(graph: Graph): string[] {
  const names = new Set<string>();
  const visit = (value: InputValue | undefined): void => {
    if (isLookup(value)) {
      if (value.lookup === "priority") names.add(value.name);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === "object" && !isRef(value)) {
      Object.values(value).forEach(visit);
    }
  };
  for (const spec of graph.resources) visit(spec.inputs);
  return [...names];
}

function seedOne(store: Store, spec: ResourceSpec, id: Resolve): string {
  const inputs = spec.inputs as Record<string, any>;
  const newId = store.newId();
  switch (spec.kind) {
    case "user":
      store.users.set(newId, {
        id: newId,
        name: inputs.name,
        email: inputs.email,
        time_zone: inputs.timeZone,
        role: inputs.role,
        job_title: inputs.jobTitle,
        description: inputs.description ?? null,
      });
      // PagerDuty creates a default email contact method with every user.
      store.contactMethods.set(newId, [
        {
          id: store.newId(),
          type: "email_contact_method",
          label: "Default",
          address: inputs.email,
        },
      ]);
      store.notificationRules.set(newId, []);
      return newId;
    case "contactMethod": {
      const userId = id(inputs.userId);
      const method = {
        id: newId,
        type: inputs.type,
        label: inputs.label,
        address: inputs.address,
        ...(inputs.countryCode === undefined ? {} : { country_code: inputs.countryCode }),
      };
      store.contactMethods.get(userId)?.push(method);
      return newId;
    }
    case "notificationRule": {
      const userId = id(inputs.userId);
      store.notificationRules.get(userId)?.push({
        id: newId,
        start_delay_in_minutes: inputs.startDelayInMinutes,
        urgency: inputs.urgency,
        contact_method: { id: id(inputs.contactMethod.id), type: inputs.contactMethod.type },
      });
      return newId;
    }
    case "team":
      store.teams.set(newId, { id: newId, name: inputs.name, description: inputs.description });
      store.members.set(newId, new Map());
      return newId;
    case "teamMembership":
      store.members.get(id(inputs.teamId))?.set(id(inputs.userId), inputs.role);
      return newId;
    case "schedule":
      store.schedules.set(newId, {
        id: newId,
        name: inputs.name,
        description: inputs.description,
        time_zone: inputs.timeZone,
        teams: (inputs.teams ?? []).map(id),
        layers: (inputs.layers as Inputs[]).map((layer: Record<string, any>) => ({
          id: store.newId(),
          name: layer.name,
          start: layer.start,
          end: layer.end ?? null,
          rotation_virtual_start: layer.rotationVirtualStart,
          rotation_turn_length_seconds: layer.rotationTurnLengthSeconds,
          users: layer.users.map(id),
          restrictions: (layer.restrictions ?? []).map(
            (r: Record<string, any>): StoredRestriction => ({
              type: r.type,
              start_time_of_day: r.startTimeOfDay,
              duration_seconds: r.durationSeconds,
              ...(r.startDayOfWeek === undefined ? {} : { start_day_of_week: r.startDayOfWeek }),
            }),
          ),
        })),
      });
      return newId;
    case "escalationPolicy":
      store.escalationPolicies.set(newId, {
        id: newId,
        name: inputs.name,
        description: inputs.description,
        num_loops: inputs.numLoops,
        teams: inputs.teams ? [id(inputs.teams)] : [],
        rules: inputs.rules.map((rule: Record<string, any>) => ({
          id: store.newId(),
          escalation_delay_in_minutes: rule.escalationDelayInMinutes,
          targets: rule.targets.map((t: Record<string, any>) => ({ id: id(t.id), type: t.type })),
        })),
      });
      return newId;
    case "service":
      store.services.set(newId, {
        id: newId,
        name: inputs.name,
        description: inputs.description,
        acknowledgement_timeout: seconds(inputs.acknowledgementTimeout),
        auto_resolve_timeout: seconds(inputs.autoResolveTimeout),
        alert_creation: inputs.alertCreation,
        escalation_policy: id(inputs.escalationPolicy),
        incident_urgency_rule: urgencyRule(inputs.incidentUrgencyRule),
        support_hours: inputs.supportHours
          ? {
              type: inputs.supportHours.type,
              time_zone: inputs.supportHours.timeZone,
              days_of_week: inputs.supportHours.daysOfWeeks,
              start_time: inputs.supportHours.startTime,
              end_time: inputs.supportHours.endTime,
            }
          : null,
        scheduled_actions: (inputs.scheduledActions ?? []).map((a: Record<string, any>) => ({
          type: a.type,
          to_urgency: a.toUrgency,
          at: a.ats[0],
        })),
        created_at: store.nowIso(),
      });
      return newId;
    case "serviceIntegration":
      store.integrations.set(newId, {
        id: newId,
        type: inputs.type,
        name: inputs.name,
        service: id(inputs.service),
        created_at: store.nowIso(),
      });
      return newId;
    case "slackConnection": {
      const config = inputs.configs[0] ?? { events: [], priorities: ["*"] };
      const priorities: InputValue[] = config.priorities;
      store.slackConnections.set(newId, {
        id: newId,
        workspace_id: inputs.workspaceId,
        source_id: id(inputs.sourceId),
        source_type: inputs.sourceType,
        channel_id: inputs.channelId,
        notification_type: inputs.notificationType,
        config: {
          events: config.events,
          // The provider writes "any priority" as ["*"]; the API stores it as null.
          priorities: priorities.length === 1 && priorities[0] === "*" ? null : priorities.map(id),
          urgency: config.urgency ?? null,
        },
      });
      return newId;
    }
  }
}

/** `@pulumi/pagerduty` takes service timeouts in seconds as strings; `"null"` disables them. */
function seconds(value: string | undefined): number | null {
  if (value === undefined || value === "null") return null;
  return Number(value);
}

function urgencyRule(rule: Record<string, any>): Record<string, unknown> {
  if (rule.type === "constant") return { type: "constant", urgency: rule.urgency };
  return {
    type: "use_support_hours",
    during_support_hours: rule.duringSupportHours,
    outside_support_hours: rule.outsideSupportHours,
  };
}
