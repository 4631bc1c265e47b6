/**
 * The fields of live PagerDuty objects that this project reads, as the REST API v2 and the Slack
 * integration API return them. Only what flatten and drift use; the API sends more.
 */

export interface LiveReference {
  id: string;
  type: string;
  summary?: string | null;
}

export interface LiveContactMethod {
  id: string;
  type: string;
  label: string;
  address: string;
  country_code?: number;
}

export interface LiveNotificationRule {
  id: string;
  type: "assignment_notification_rule";
  start_delay_in_minutes: number;
  urgency: "high" | "low";
  contact_method: LiveReference;
}

export interface LiveUser {
  id: string;
  type: "user";
  name: string;
  email: string;
  time_zone?: string;
  role?: string;
  job_title?: string | null;
  description?: string | null;
  /** Full objects with `include[]=contact_methods`, references otherwise. */
  contact_methods?: (LiveContactMethod | LiveReference)[];
  /** Full objects with `include[]=notification_rules`, references otherwise. */
  notification_rules?: (LiveNotificationRule | LiveReference)[];
}

export interface LiveTeam {
  id: string;
  type: "team";
  name: string;
  description?: string | null;
}

export interface LiveTeamMember {
  user: LiveReference;
  role: string;
}

export interface LiveRestriction {
  type: "daily_restriction" | "weekly_restriction";
  start_time_of_day: string;
  duration_seconds: number;
  start_day_of_week?: number | null;
}

export interface LiveScheduleLayer {
  id?: string;
  name?: string;
  start: string;
  /** Null or absent while the layer has not ended. */
  end?: string | null;
  rotation_virtual_start: string;
  rotation_turn_length_seconds: number;
  users: { user: LiveReference }[];
  restrictions?: LiveRestriction[];
}

export interface LiveSchedule {
  id: string;
  type: "schedule";
  name: string;
  description?: string | null;
  time_zone: string;
  /** In reverse order of the layers' precedence: PagerDuty lists the winning layer first. */
  schedule_layers?: LiveScheduleLayer[];
  teams?: LiveReference[];
}

export interface LiveEscalationRule {
  id?: string;
  escalation_delay_in_minutes: number;
  targets: LiveReference[];
}

export interface LiveEscalationPolicy {
  id: string;
  type: "escalation_policy";
  name: string;
  description?: string | null;
  num_loops?: number;
  escalation_rules: LiveEscalationRule[];
  teams?: LiveReference[];
}

export interface LiveIntegration {
  id: string;
  type: string;
  name?: string;
  summary?: string | null;
  service?: LiveReference;
}

export interface LiveService {
  id: string;
  type: "service";
  name: string;
  description?: string | null;
  /** Seconds; null when disabled. */
  acknowledgement_timeout?: number | null;
  auto_resolve_timeout?: number | null;
  alert_creation?: string;
  escalation_policy: LiveReference;
  incident_urgency_rule?: {
    type: "constant" | "use_support_hours";
    urgency?: string;
    during_support_hours?: { type: string; urgency: string };
    outside_support_hours?: { type: string; urgency: string };
  };
  support_hours?: {
    type: "fixed_time_per_day";
    time_zone: string;
    days_of_week: number[];
    start_time: string;
    end_time: string;
  } | null;
  scheduled_actions?: { type: string; at: { type: string; name: string }; to_urgency: string }[];
  /** Full objects with `include[]=integrations`, references otherwise. */
  integrations?: LiveIntegration[];
}

/** An incident priority of the account (P1, P2…); the account's admins define them, not this project. */
export interface LivePriority {
  id: string;
  type: "priority";
  name: string;
  description?: string | null;
}

export interface LiveSlackConnection {
  id: string;
  source_id: string;
  source_name?: string;
  source_type: "service_reference" | "team_reference";
  channel_id: string;
  channel_name?: string;
  notification_type: "responder" | "stakeholder";
  config: {
    events: string[];
    /** Null: any priority. Empty: incidents without priority only. Else priority ids. */
    priorities: string[] | null;
    urgency: "high" | "low" | null;
  };
}
