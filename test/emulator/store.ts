/**
 * The emulator's account: plain records in the API's own field names, plus the rendering that turns
 * them into what the REST API answers (references, summaries, layers in reverse order, instants in
 * the schedule's time zone).
 */
import { DateTime } from "luxon";

export interface Reference {
  id: string;
  type: string;
}

export interface StoredUser {
  id: string;
  name: string;
  email: string;
  time_zone: string;
  role: string;
  job_title?: string;
  description?: string | null;
}

export interface StoredContactMethod {
  id: string;
  type: string;
  label: string;
  address: string;
  country_code?: number;
}

export interface StoredNotificationRule {
  id: string;
  start_delay_in_minutes: number;
  urgency: "high" | "low";
  contact_method: Reference;
}

export interface StoredTeam {
  id: string;
  name: string;
  description?: string;
}

export interface StoredRestriction {
  type: "daily_restriction" | "weekly_restriction";
  start_time_of_day: string;
  duration_seconds: number;
  start_day_of_week?: number;
}

export interface StoredLayer {
  id: string;
  name: string;
  start: string;
  end: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: string[];
  restrictions: StoredRestriction[];
}

export interface StoredSchedule {
  id: string;
  name: string;
  description?: string;
  time_zone: string;
  /** In precedence order (the last one wins); the API answers them reversed. */
  layers: StoredLayer[];
  teams: string[];
}

export interface StoredRule {
  id: string;
  escalation_delay_in_minutes: number;
  targets: Reference[];
}

export interface StoredEscalationPolicy {
  id: string;
  name: string;
  description?: string;
  num_loops: number;
  rules: StoredRule[];
  teams: string[];
}

export interface StoredService {
  id: string;
  name: string;
  description?: string;
  acknowledgement_timeout: number | null;
  auto_resolve_timeout: number | null;
  alert_creation: string;
  escalation_policy: string;
  incident_urgency_rule: Record<string, unknown>;
  support_hours: Record<string, unknown> | null;
  scheduled_actions: Record<string, unknown>[];
  created_at: string;
}

export interface StoredIntegration {
  id: string;
  type: string;
  name: string;
  service: string;
  created_at: string;
}

export interface StoredPriority {
  id: string;
  name: string;
  description: string;
}

export interface StoredSlackConnection {
  id: string;
  workspace_id: string;
  source_id: string;
  source_type: "service_reference" | "team_reference";
  channel_id: string;
  notification_type: "responder" | "stakeholder";
  config: { events: string[]; priorities: string[] | null; urgency: "high" | "low" | null };
}

export interface StoreOptions {
  /** The account's "now", for ended layers and creation times. Default the wall clock. */
  now?: () => Date;
}

export class Store {
  readonly users = new Map<string, StoredUser>();
  readonly contactMethods = new Map<string, StoredContactMethod[]>();
  readonly notificationRules = new Map<string, StoredNotificationRule[]>();
  readonly teams = new Map<string, StoredTeam>();
  /** team id -> user id -> role. */
  readonly members = new Map<string, Map<string, string>>();
  readonly schedules = new Map<string, StoredSchedule>();
  readonly escalationPolicies = new Map<string, StoredEscalationPolicy>();
  readonly services = new Map<string, StoredService>();
  readonly integrations = new Map<string, StoredIntegration>();
  readonly slackConnections = new Map<string, StoredSlackConnection>();
  /** In the account's order, most severe first, as `GET /priorities` lists them. */
  readonly priorities = new Map<string, StoredPriority>();
  readonly now: () => Date;
  /** The base of `self` links; the server sets it to its own address so no link leaves 127.0.0.1. */
  selfBase = "http://127.0.0.1";
  private counter = 0;

  constructor(options: StoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  /** A PagerDuty-looking id: `P` and six upper-case characters, deterministic per store. */
  newId(): string {
    this.counter += 1;
    return `P${this.counter.toString(36).toUpperCase().padStart(6, "0")}`;
  }

  nowIso(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }
}

/** An instant rendered in `zone`, as PagerDuty renders schedule times (same instant, other text). */
export function inZone(instant: string, zone: string): string {
  const time = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  return time.isValid ? (time.toISO({ suppressMilliseconds: true }) ?? instant) : instant;
}

export function renderReference(
  store: Store,
  type: string,
  id: string,
  summary: string,
  path: string,
) {
  return { id, type, summary, self: `${store.selfBase}${path}/${id}`, html_url: null };
}

export function userReference(store: Store, id: string) {
  return renderReference(store, "user_reference", id, store.users.get(id)?.name ?? id, "/users");
}

export function teamReference(store: Store, id: string) {
  return renderReference(store, "team_reference", id, store.teams.get(id)?.name ?? id, "/teams");
}

export function renderContactMethod(store: Store, userId: string, method: StoredContactMethod) {
  return {
    ...method,
    summary: method.label,
    self: `${store.selfBase}/users/${userId}/contact_methods/${method.id}`,
    html_url: null,
  };
}

export function renderNotificationRule(store: Store, userId: string, rule: StoredNotificationRule) {
  const method = store.contactMethods.get(userId)?.find((m) => m.id === rule.contact_method.id);
  return {
    id: rule.id,
    type: "assignment_notification_rule",
    summary: `${rule.start_delay_in_minutes} minutes: channel ${rule.contact_method.id}`,
    self: `${store.selfBase}/users/${userId}/notification_rules/${rule.id}`,
    html_url: null,
    start_delay_in_minutes: rule.start_delay_in_minutes,
    urgency: rule.urgency,
    contact_method: {
      id: rule.contact_method.id,
      // A notification rule names its contact method by reference, whatever type was sent.
      type: `${rule.contact_method.type.replace(/_reference$/, "")}_reference`,
      summary: method?.label ?? rule.contact_method.id,
    },
  };
}

export function renderUser(store: Store, user: StoredUser, include: Set<string>) {
  const methods = store.contactMethods.get(user.id) ?? [];
  const rules = store.notificationRules.get(user.id) ?? [];
  const teamIds = [...store.members].filter(([, m]) => m.has(user.id)).map(([id]) => id);
  return {
    ...user,
    type: "user",
    summary: user.name,
    self: `${store.selfBase}/users/${user.id}`,
    html_url: null,
    avatar_url: "https://example.com/avatar.png",
    color: "green",
    invitation_sent: false,
    contact_methods: include.has("contact_methods")
      ? methods.map((m) => renderContactMethod(store, user.id, m))
      : methods.map((m) =>
          renderReference(
            store,
            `${m.type}_reference`,
            m.id,
            m.label,
            `/users/${user.id}/contact_methods`,
          ),
        ),
    notification_rules: include.has("notification_rules")
      ? rules.map((r) => renderNotificationRule(store, user.id, r))
      : rules.map((r) =>
          renderReference(
            store,
            "assignment_notification_rule_reference",
            r.id,
            `${r.start_delay_in_minutes} minutes`,
            `/users/${user.id}/notification_rules`,
          ),
        ),
    teams: teamIds.map((id) => teamReference(store, id)),
  };
}

export function renderTeam(store: Store, team: StoredTeam) {
  return {
    ...team,
    type: "team",
    summary: team.name,
    self: `${store.selfBase}/teams/${team.id}`,
    html_url: null,
    default_role: "manager",
  };
}

export function renderSchedule(store: Store, schedule: StoredSchedule, withLayers: boolean) {
  const zone = schedule.time_zone;
  const userIds = [...new Set(schedule.layers.flatMap((layer) => layer.users))];
  const rendered: Record<string, unknown> = {
    id: schedule.id,
    type: "schedule",
    summary: schedule.name,
    self: `${store.selfBase}/schedules/${schedule.id}`,
    html_url: null,
    name: schedule.name,
    description: schedule.description ?? "",
    time_zone: zone,
    users: userIds.map((id) => userReference(store, id)),
    teams: schedule.teams.map((id) => teamReference(store, id)),
    escalation_policies: [...store.escalationPolicies.values()]
      .filter((policy) =>
        policy.rules.some((rule) => rule.targets.some((t) => t.id === schedule.id)),
      )
      .map((policy) =>
        renderReference(
          store,
          "escalation_policy_reference",
          policy.id,
          policy.name,
          "/escalation_policies",
        ),
      ),
  };
  if (withLayers) {
    // PagerDuty lists layers with the winning (last added) one first.
    rendered.schedule_layers = [...schedule.layers].reverse().map((layer) => ({
      id: layer.id,
      name: layer.name,
      start: inZone(layer.start, zone),
      end: layer.end === null ? null : inZone(layer.end, zone),
      rotation_virtual_start: inZone(layer.rotation_virtual_start, zone),
      rotation_turn_length_seconds: layer.rotation_turn_length_seconds,
      users: layer.users.map((id) => ({ user: userReference(store, id) })),
      restrictions: layer.restrictions,
    }));
  }
  return rendered;
}

export function renderEscalationPolicy(store: Store, policy: StoredEscalationPolicy) {
  return {
    id: policy.id,
    type: "escalation_policy",
    summary: policy.name,
    self: `${store.selfBase}/escalation_policies/${policy.id}`,
    html_url: null,
    name: policy.name,
    description: policy.description ?? "",
    num_loops: policy.num_loops,
    on_call_handoff_notifications: "if_has_services",
    escalation_rules: policy.rules.map((rule) => ({
      id: rule.id,
      escalation_delay_in_minutes: rule.escalation_delay_in_minutes,
      targets: rule.targets.map((target) => {
        const name =
          target.type === "user_reference"
            ? store.users.get(target.id)?.name
            : store.schedules.get(target.id)?.name;
        const path = target.type === "user_reference" ? "/users" : "/schedules";
        return renderReference(store, target.type, target.id, name ?? target.id, path);
      }),
    })),
    services: [...store.services.values()]
      .filter((service) => service.escalation_policy === policy.id)
      .map((service) =>
        renderReference(store, "service_reference", service.id, service.name, "/services"),
      ),
    teams: policy.teams.map((id) => teamReference(store, id)),
  };
}

export function renderIntegration(store: Store, integration: StoredIntegration) {
  const service = store.services.get(integration.service);
  return {
    id: integration.id,
    type: integration.type,
    summary: integration.name,
    self: `${store.selfBase}/services/${integration.service}/integrations/${integration.id}`,
    html_url: null,
    name: integration.name,
    created_at: integration.created_at,
    service: renderReference(
      store,
      "service_reference",
      integration.service,
      service?.name ?? integration.service,
      "/services",
    ),
  };
}

export function renderService(store: Store, service: StoredService, include: Set<string>) {
  const policy = store.escalationPolicies.get(service.escalation_policy);
  const integrations = [...store.integrations.values()].filter((i) => i.service === service.id);
  const rendered: Record<string, unknown> = {
    id: service.id,
    type: "service",
    summary: service.name,
    self: `${store.selfBase}/services/${service.id}`,
    html_url: null,
    name: service.name,
    description: service.description ?? "",
    status: "active",
    created_at: service.created_at,
    acknowledgement_timeout: service.acknowledgement_timeout,
    auto_resolve_timeout: service.auto_resolve_timeout,
    alert_creation: service.alert_creation,
    escalation_policy: renderReference(
      store,
      "escalation_policy_reference",
      service.escalation_policy,
      policy?.name ?? service.escalation_policy,
      "/escalation_policies",
    ),
    incident_urgency_rule: service.incident_urgency_rule,
    scheduled_actions: service.scheduled_actions,
    teams: policy ? policy.teams.map((id) => teamReference(store, id)) : [],
    addons: [],
    integrations: include.has("integrations")
      ? integrations.map((i) => renderIntegration(store, i))
      : integrations.map((i) =>
          renderReference(
            store,
            `${i.type}_reference`,
            i.id,
            i.name,
            `/services/${service.id}/integrations`,
          ),
        ),
  };
  // PagerDuty leaves support hours out of a service that has none.
  if (service.support_hours) rendered.support_hours = service.support_hours;
  return rendered;
}

export function renderPriority(store: Store, priority: StoredPriority) {
  return {
    id: priority.id,
    type: "priority",
    summary: priority.name,
    self: `${store.selfBase}/priorities/${priority.id}`,
    html_url: null,
    name: priority.name,
    description: priority.description,
  };
}

export function renderSlackConnection(store: Store, connection: StoredSlackConnection) {
  const source =
    connection.source_type === "service_reference"
      ? store.services.get(connection.source_id)?.name
      : store.teams.get(connection.source_id)?.name;
  const { workspace_id: _workspace, ...rest } = connection;
  return {
    ...rest,
    source_name: source ?? connection.source_id,
    channel_name: connection.channel_id.toLowerCase(),
  };
}
