/**
 * List and look-up functions, one per PagerDuty concept this project manages. Each reads every page
 * and asks for related objects with `include[]`, so reading an account costs about one request per
 * 100 objects per type (plus one per team for its members).
 */
import type { PagerDutyClient } from "./client";
import { AmbiguousNameError } from "./errors";
import type {
  LiveEscalationPolicy,
  LivePriority,
  LiveSchedule,
  LiveService,
  LiveSlackConnection,
  LiveTeam,
  LiveTeamMember,
  LiveUser,
} from "./types";

/** Users with their contact methods and notification rules as full objects. */
export function listUsers(client: PagerDutyClient): Promise<LiveUser[]> {
  return client.listAll<LiveUser>("/users", "users", {
    include: ["contact_methods", "notification_rules"],
  });
}

export function listTeams(client: PagerDutyClient): Promise<LiveTeam[]> {
  return client.listAll<LiveTeam>("/teams", "teams");
}

export function listTeamMembers(
  client: PagerDutyClient,
  teamId: string,
): Promise<LiveTeamMember[]> {
  return client.listAll<LiveTeamMember>(`/teams/${encodeURIComponent(teamId)}/members`, "members");
}

/** Schedules with their layers (the list leaves them out unless asked). */
export function listSchedules(client: PagerDutyClient): Promise<LiveSchedule[]> {
  return client.listAll<LiveSchedule>("/schedules", "schedules", { include: ["schedule_layers"] });
}

export function listEscalationPolicies(client: PagerDutyClient): Promise<LiveEscalationPolicy[]> {
  return client.listAll<LiveEscalationPolicy>("/escalation_policies", "escalation_policies");
}

/** Services with their integrations as full objects. */
export function listServices(client: PagerDutyClient): Promise<LiveService[]> {
  return client.listAll<LiveService>("/services", "services", { include: ["integrations"] });
}

/**
 * The account's incident priorities, most severe first. Slack connections filter by priority id;
 * the data names priorities, so drift needs this list to compare them by name.
 */
export function listPriorities(client: PagerDutyClient): Promise<LivePriority[]> {
  return client.listAll<LivePriority>("/priorities", "priorities");
}

/** The Slack connections of one Slack workspace (`slack_team_id`), from the Slack integration API. */
export function listSlackConnections(
  client: PagerDutyClient,
  workspaceId: string,
): Promise<LiveSlackConnection[]> {
  return client.listAll<LiveSlackConnection>(
    `/workspaces/${encodeURIComponent(workspaceId)}/connections`,
    "slack_connections",
    { api: "slack" },
  );
}

/** The collections whose list endpoint filters by name with `query`. */
export const NAMED_COLLECTIONS = {
  escalation_policies: "/escalation_policies",
  schedules: "/schedules",
  services: "/services",
  teams: "/teams",
} as const;

export type NamedCollection = keyof typeof NAMED_COLLECTIONS;

/**
 * The one object of `collection` whose name is exactly `name`, or undefined when there is none.
 * PagerDuty's `query` matches substrings, so every page of the answer is read and filtered here
 * (F15: the exact match may be on page 3). Two exact matches are an error, not a guess.
 */
export async function findByExactName<T extends { id: string; name: string }>(
  client: PagerDutyClient,
  collection: NamedCollection,
  name: string,
): Promise<T | undefined> {
  const path = NAMED_COLLECTIONS[collection];
  const candidates = await client.listAll<T>(path, collection, { query: { query: name } });
  const matches = candidates.filter((candidate) => candidate.name === name);
  if (matches.length > 1) {
    const ids = matches.map((match) => match.id).join(", ");
    throw new AmbiguousNameError(
      `${matches.length} ${collection} are named "${name}" (ids ${ids}); rename all but one in PagerDuty, or refer to it by id.`,
      "AMBIGUOUS_NAME",
      undefined,
      "GET",
      path,
    );
  }
  return matches[0];
}
