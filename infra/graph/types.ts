/**
 * The desired graph: one spec per PagerDuty resource that `pulumi up` would manage, with symbolic
 * references between them. It is the single shape every consumer reads: the Pulumi program, the
 * checks, plan, diff, docs and drift (which flattens live objects into this same shape).
 */

/** Pulumi type tokens of the resources the graph holds, as `@pulumi/pagerduty` 3.4.0 names them. */
export const RESOURCE_TYPES = {
  user: "pagerduty:index/user:User",
  contactMethod: "pagerduty:index/userContactMethod:UserContactMethod",
  notificationRule: "pagerduty:index/userNotificationRule:UserNotificationRule",
  team: "pagerduty:index/team:Team",
  teamMembership: "pagerduty:index/teamMembership:TeamMembership",
  schedule: "pagerduty:index/schedule:Schedule",
  escalationPolicy: "pagerduty:index/escalationPolicy:EscalationPolicy",
  service: "pagerduty:index/service:Service",
  serviceIntegration: "pagerduty:index/serviceIntegration:ServiceIntegration",
  slackConnection: "pagerduty:index/slackConnection:SlackConnection",
} as const;

export type ResourceKind = keyof typeof RESOURCE_TYPES;
export type ResourceType = (typeof RESOURCE_TYPES)[ResourceKind];

/** The order in which kinds are registered: every reference points to an earlier kind. */
export const KIND_ORDER: readonly ResourceKind[] = [
  "user",
  "contactMethod",
  "notificationRule",
  "team",
  "teamMembership",
  "schedule",
  "escalationPolicy",
  "service",
  "serviceIntegration",
  "slackConnection",
];

/** The id of another resource of the graph, by logical name. */
export interface Ref {
  ref: string;
}

/**
 * A value that only the live account knows, looked up at deploy time by a data source.
 * `priority`: the id of the incident priority with this name (`pagerduty.getPriority`).
 * `defaultEmail`: the id of the email contact method PagerDuty creates with every user
 * (`pagerduty.getUserContactMethod`, label "Default").
 */
export type Lookup = { lookup: "priority"; name: string } | { lookup: "defaultEmail"; user: Ref };

export type InputValue =
  string | number | boolean | null | Ref | Lookup | InputValue[] | { [key: string]: InputValue };

export type Inputs = { [key: string]: InputValue };

/** Where a spec came from in the YAML, so a finding about it can point at the line to edit. */
export interface SourceRef {
  file: string;
  line: number;
  col: number;
  /** The path inside the document, for example `people[3].contact_methods[0]`. */
  path: string;
}

export interface ResourceSpec {
  kind: ResourceKind;
  type: ResourceType;
  /** The logical name in the Pulumi stack; derived from YAML ids, never display names. */
  name: string;
  /** Inputs named as `@pulumi/pagerduty` names them. */
  inputs: Inputs;
  source: SourceRef;
  /** Deleting this resource would leave a severity without escalation: protected in production. */
  critical?: boolean;
}

export interface Graph {
  /** Specs ordered by {@link KIND_ORDER}, then by logical name. */
  resources: ResourceSpec[];
}

export function isRef(value: unknown): value is Ref {
  return (
    typeof value === "object" && value !== null && "ref" in value && Object.keys(value).length === 1
  );
}

export function isLookup(value: unknown): value is Lookup {
  return typeof value === "object" && value !== null && "lookup" in value;
}

export function ref(name: string): Ref {
  return { ref: name };
}
