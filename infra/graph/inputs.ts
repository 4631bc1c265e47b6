/**
 * Typed views of the inputs of each resource kind, as the expansion writes them. Consumers
 * (checks, timeline, drift) read specs through these instead of indexing untyped objects.
 */
import type { Lookup, Ref } from "./types";

export interface UserInputs {
  name: string;
  email: string;
  role: string;
  timeZone: string;
  jobTitle?: string;
  description?: string;
}

export type ContactMethodType =
  "phone_contact_method" | "sms_contact_method" | "email_contact_method";

export interface ContactMethodInputs {
  userId: Ref;
  type: ContactMethodType;
  label: string;
  /** Phone and SMS: the national number without `+` or trunk prefix; email: the address. */
  address: string;
  /** Phone and SMS only: the integer country calling code. */
  countryCode?: number;
}

export type Urgency = "high" | "low";

export interface NotificationRuleInputs {
  userId: Ref;
  urgency: Urgency;
  /** Sent as is, including 0: PagerDuty reads a missing delay differently from 0. */
  startDelayInMinutes: number;
  contactMethod: { id: Ref | Lookup; type: ContactMethodType };
}

export interface TeamInputs {
  name: string;
  description?: string;
}

export type TeamRole = "observer" | "responder" | "manager";

export interface TeamMembershipInputs {
  teamId: Ref;
  userId: Ref;
  role: TeamRole;
}

export interface RestrictionInputs {
  type: "daily_restriction" | "weekly_restriction";
  /** `HH:MM:SS` in the schedule's time zone; seconds are always `00`. */
  startTimeOfDay: string;
  durationSeconds: number;
  /** ISO weekday, Monday = 1; weekly restrictions only. */
  startDayOfWeek?: number;
}

export interface LayerInputs {
  name: string;
  /** ISO 8601 instant with the offset of the schedule's zone at that moment. */
  start: string;
  end?: string;
  rotationVirtualStart: string;
  rotationTurnLengthSeconds: number;
  users: Ref[];
  restrictions?: RestrictionInputs[];
}

export interface ScheduleInputs {
  name: string;
  description?: string;
  timeZone: string;
  teams?: Ref[];
  /** In the order of the data: where layers overlap, the later one wins. */
  layers: LayerInputs[];
}

export type TargetType = "user_reference" | "schedule_reference";

export interface EscalationTargetInputs {
  type: TargetType;
  id: Ref;
}

export interface EscalationRuleInputs {
  escalationDelayInMinutes: number;
  targets: EscalationTargetInputs[];
}

export interface EscalationPolicyInputs {
  name: string;
  description?: string;
  numLoops: number;
  /** `@pulumi/pagerduty` 3.4.0 takes one team id here, not a list. */
  teams?: Ref;
  rules: EscalationRuleInputs[];
}

export type UrgencyRuleInputs =
  | { type: "constant"; urgency: Urgency | "severity_based" }
  | {
      type: "use_support_hours";
      duringSupportHours: { type: "constant"; urgency: Urgency | "severity_based" };
      outsideSupportHours: { type: "constant"; urgency: Urgency | "severity_based" };
    };

export interface SupportHoursInputs {
  type: "fixed_time_per_day";
  timeZone: string;
  daysOfWeeks: number[];
  startTime: string;
  endTime: string;
}

export interface ServiceInputs {
  name: string;
  description?: string;
  escalationPolicy: Ref;
  /** Seconds as a string, as the provider takes them; `"null"` disables the timeout (0 does not). */
  acknowledgementTimeout: string;
  autoResolveTimeout: string;
  alertCreation: "create_alerts_and_incidents";
  incidentUrgencyRule: UrgencyRuleInputs;
  supportHours?: SupportHoursInputs;
  scheduledActions?: {
    type: "urgency_change";
    toUrgency: "high";
    ats: { type: "named_time"; name: "support_hours_start" }[];
  }[];
}

export interface ServiceIntegrationInputs {
  name: string;
  service: Ref;
  type: "events_api_v2_inbound_integration";
}

export interface SlackConnectionInputs {
  sourceId: Ref;
  sourceType: "service_reference" | "team_reference";
  workspaceId: string;
  channelId: string;
  notificationType: "responder" | "stakeholder";
  configs: {
    events: string[];
    /** `["*"]`: any priority; `[]`: incidents without priority only; else priority ids. */
    priorities: (string | Lookup)[];
    /** Omitted: both urgencies. */
    urgency?: Urgency;
  }[];
}
