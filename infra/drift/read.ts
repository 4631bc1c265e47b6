/**
 * Reads everything drift compares, with a read-only client. Every read is attempted; if any fails
 * the whole read fails with a {@link PartialReadError} that names each part not read, so drift ends
 * in "could not read" (exit 2), never in a report built from part of the account.
 */
import type { PagerDutyClient } from "../pagerduty-api/client";
import {
  listEscalationPolicies,
  listPriorities,
  listSchedules,
  listServices,
  listSlackConnections,
  listTeamMembers,
  listTeams,
  listUsers,
} from "../pagerduty-api/resources";
import type { LiveAccount } from "./flatten";

/** One part of the account that could not be read, and why. */
export interface ReadFailure {
  /** What was not read, for example `users` or `members of team PABC123`. */
  part: string;
  error: Error;
}

export class PartialReadError extends Error {
  override name = "PartialReadError";
  constructor(readonly failures: readonly ReadFailure[]) {
    super(
      `could not read ${failures.length} part(s) of the account, so no drift report was made: ${failures
        .map((f) => `${f.part} (${f.error.message})`)
        .join("; ")}`,
    );
  }
}

export async function readAccount(
  client: PagerDutyClient,
  workspaceIds: readonly string[],
): Promise<LiveAccount> {
  if (!client.readOnly) {
    throw new Error("readAccount needs a read-only client: create it with readOnly: true.");
  }
  const failures: ReadFailure[] = [];
  const read = async <T>(part: string, list: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await list();
    } catch (error) {
      failures.push({ part, error: error instanceof Error ? error : new Error(String(error)) });
      return [];
    }
  };

  const [users, teams, schedules, escalationPolicies, services, priorities] = await Promise.all([
    read("users", () => listUsers(client)),
    read("teams (and so their members)", () => listTeams(client)),
    read("schedules", () => listSchedules(client)),
    read("escalation policies", () => listEscalationPolicies(client)),
    read("services", () => listServices(client)),
    read("priorities", () => listPriorities(client)),
  ]);
  const members = Object.fromEntries(
    await Promise.all(
      teams.map(
        async (team) =>
          [
            team.id,
            await read(`members of team ${team.name} (${team.id})`, () =>
              listTeamMembers(client, team.id),
            ),
          ] as const,
      ),
    ),
  );
  const slackConnections = Object.fromEntries(
    await Promise.all(
      workspaceIds.map(
        async (id) =>
          [
            id,
            await read(`Slack connections of workspace ${id}`, () =>
              listSlackConnections(client, id),
            ),
          ] as const,
      ),
    ),
  );
  if (failures.length > 0) throw new PartialReadError(failures);
  return {
    users,
    teams,
    members,
    schedules,
    escalationPolicies,
    services,
    priorities,
    slackConnections,
  };
}
