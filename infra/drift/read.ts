/**
 * Reads everything drift compares, with a read-only client. Any failed read throws: drift must end
 * in "could not read" (exit 2), never in a report built from part of the account.
 */
import type { PagerDutyClient } from "../pagerduty-api/client";
import {
  listEscalationPolicies,
  listSchedules,
  listServices,
  listSlackConnections,
  listTeamMembers,
  listTeams,
  listUsers,
} from "../pagerduty-api/resources";
import type { LiveAccount } from "./flatten";

export async function readAccount(
  client: PagerDutyClient,
  workspaceIds: readonly string[],
): Promise<LiveAccount> {
  if (!client.readOnly) {
    throw new Error("readAccount needs a read-only client: create it with readOnly: true.");
  }
  const [users, teams, schedules, escalationPolicies, services] = await Promise.all([
    listUsers(client),
    listTeams(client),
    listSchedules(client),
    listEscalationPolicies(client),
    listServices(client),
  ]);
  const members = Object.fromEntries(
    await Promise.all(
      teams.map(async (team) => [team.id, await listTeamMembers(client, team.id)] as const),
    ),
  );
  const slackConnections = Object.fromEntries(
    await Promise.all(
      workspaceIds.map(async (id) => [id, await listSlackConnections(client, id)] as const),
    ),
  );
  return { users, teams, members, schedules, escalationPolicies, services, slackConnections };
}
