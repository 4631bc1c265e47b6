/**
 * Logical names of the resources in the Pulumi stack. They come from the ids in the YAML, never
 * from display names, so renaming a person or a service is an update and not a replacement.
 */
export const names = {
  user: (person: string) => `user-${person}`,
  contactMethod: (person: string, method: string) => `user-${person}-contact-${method}`,
  notificationRule: (person: string, urgency: string, method: string, delay: number) =>
    `user-${person}-notify-${urgency}-${method}-${delay}m`,
  team: (team: string) => `team-${team}`,
  teamMembership: (team: string, person: string) => `team-${team}-member-${person}`,
  schedule: (rotation: string) => `schedule-${rotation}`,
  escalationPolicy: (policy: string) => `escalation-policy-${policy}`,
  service: (service: string) => `service-${service}`,
  serviceIntegration: (service: string, integration: string) =>
    `service-${service}-integration-${integration}`,
  slackConnection: (connection: string, sourceKind: "service" | "team", source: string) =>
    `slack-${connection}-${sourceKind}-${source}`,
};

/**
 * The description `@pulumi/pagerduty` sends when none is given (users, teams, schedules, escalation
 * policies, services). The graph writes it out so that it equals what the provider registers and
 * what drift reads back.
 */
export const DEFAULT_DESCRIPTION = "Managed by Pulumi";
