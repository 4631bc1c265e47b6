/** expand: teams and their memberships. */
import type { TeamInputs, TeamMembershipInputs } from "../inputs";
import { RESOURCE_TYPES, ref, type ResourceSpec } from "../types";
import type { Team } from "../../model/types";
import { DEFAULT_DESCRIPTION, names } from "./names";

export function expandTeam(team: Team): ResourceSpec[] {
  const inputs: TeamInputs = { name: team.name };
  inputs.description = team.description ?? DEFAULT_DESCRIPTION;
  const specs: ResourceSpec[] = [
    {
      kind: "team",
      type: RESOURCE_TYPES.team,
      name: names.team(team.id),
      inputs: { ...inputs },
      source: team.origin,
    },
  ];
  for (const member of team.members) {
    // The role is always sent: the API makes a member without one a manager.
    const membership: TeamMembershipInputs = {
      teamId: ref(names.team(team.id)),
      userId: ref(names.user(member.person)),
      role: member.role,
    };
    specs.push({
      kind: "teamMembership",
      type: RESOURCE_TYPES.teamMembership,
      name: names.teamMembership(team.id, member.person),
      inputs: { ...membership },
      source: member.origin,
    });
  }
  return specs;
}
