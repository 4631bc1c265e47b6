/**
 * The fewest requests that can read an account holding a graph: per listed type, one page per 100
 * objects (PagerDuty's largest page), at least one page to learn that a list is empty; plus what
 * `include[]` cannot fold into a list: the members of each team (`GET /teams/{id}/members`, no
 * include on /teams) and the Slack connections of each workspace (a separate API). Contact methods
 * and notification rules come with /users, integrations with /services, layers with /schedules.
 * Priorities are one more list when a Slack connection filters by priority (their ids are looked
 * up by name).
 */
import { isLookup, type Graph, type ResourceKind } from "../infra/graph/types";

export const PAGE_SIZE = 100;

/** PagerDuty's REST API allows 960 requests per minute per token. */
export const REQUESTS_PER_MINUTE = 960;

export interface RequestFloor {
  /** Pages of the top-level lists: users, teams, schedules, escalation policies, services. */
  lists: number;
  /** Pages of team members, one list per team. */
  teamMembers: number;
  /** Pages of Slack connections, one list per workspace. */
  slackConnections: number;
  /** Pages of incident priorities, read when a Slack connection filters by priority. */
  priorities: number;
  total: number;
}

const LISTED: readonly ResourceKind[] = ["user", "team", "schedule", "escalationPolicy", "service"];

const pages = (objects: number) => Math.max(1, Math.ceil(objects / PAGE_SIZE));

export function requestFloor(graph: Graph): RequestFloor {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const teams = new Map<string, number>();
  const priorityNames = new Set<string>();
  for (const spec of graph.resources) {
    bump(spec.kind);
    if (spec.kind === "team") teams.set(spec.name, teams.get(spec.name) ?? 0);
    if (spec.kind === "teamMembership") {
      const team = (spec.inputs.teamId as { ref: string }).ref;
      teams.set(team, (teams.get(team) ?? 0) + 1);
    }
    if (spec.kind === "slackConnection") {
      bump(`workspace:${String(spec.inputs.workspaceId)}`);
      for (const config of spec.inputs.configs as { priorities: unknown[] }[]) {
        for (const p of config.priorities) if (isLookup(p)) priorityNames.add(JSON.stringify(p));
      }
    }
  }
  const lists = LISTED.reduce((sum, kind) => sum + pages(counts.get(kind) ?? 0), 0);
  const teamMembers = [...teams.values()].reduce((sum, members) => sum + pages(members), 0);
  const slackConnections = [...counts]
    .filter(([key]) => key.startsWith("workspace:"))
    .reduce((sum, [, connections]) => sum + pages(connections), 0);
  const priorities = priorityNames.size > 0 ? pages(priorityNames.size) : 0;
  return {
    lists,
    teamMembers,
    slackConnections,
    priorities,
    total: lists + teamMembers + slackConnections + priorities,
  };
}

/** Seconds that `requests` take at the API's rate limit, however fast the client is. */
export function secondsAtRateLimit(requests: number): number {
  return (requests / REQUESTS_PER_MINUTE) * 60;
}
