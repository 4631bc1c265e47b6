/** Teams and their members. */
import { includes, invalidInput, paginate, Router } from "../http";
import { renderTeam, userReference, type Store } from "../store";
import {
  ok,
  created,
  noContent,
  wrapped,
  text,
  optionalText,
  get,
  matches,
  byName,
  type Json,
} from "./common";

export function addTeams(router: Router, store: Store): void {
  router.on("GET", "/teams", (request) => {
    const teams = [...store.teams.values()].filter((t) => matches(request, t.name)).sort(byName);
    return paginate(request, "teams", teams, { render: (t) => renderTeam(store, t) });
  });
  router.on("POST", "/teams", (request) => {
    const input = wrapped(request, "team");
    const team = {
      id: store.newId(),
      name: text(input, "name"),
      description: optionalText(input, "description"),
    };
    store.teams.set(team.id, team);
    store.members.set(team.id, new Map());
    return created({ team: renderTeam(store, team) });
  });
  router.on("GET", "/teams/{id}", (request) =>
    ok({ team: renderTeam(store, get(store.teams, request.params.id)) }),
  );
  router.on("PUT", "/teams/{id}", (request) => {
    const team = get(store.teams, request.params.id);
    const input = wrapped(request, "team");
    team.name = text(input, "name", team.name);
    team.description = optionalText(input, "description", team.description);
    return ok({ team: renderTeam(store, team) });
  });
  router.on("DELETE", "/teams/{id}", (request) => {
    const team = get(store.teams, request.params.id);
    store.teams.delete(team.id);
    store.members.delete(team.id);
    return noContent();
  });
  router.on("GET", "/teams/{id}/members", (request) => {
    const team = get(store.teams, request.params.id);
    const members = [...(store.members.get(team.id) ?? new Map<string, string>())].map(
      ([userId, role]) => ({ user: userReference(store, userId), role }),
    );
    return paginate(request, "members", members);
  });
  router.on("PUT", "/teams/{id}/users/{user_id}", (request) => {
    const team = get(store.teams, request.params.id);
    const user = get(store.users, request.params.user_id);
    // PagerDuty's default team role is manager.
    const role = (request.body as Json | undefined)?.role ?? "manager";
    if (role !== "observer" && role !== "responder" && role !== "manager")
      throw invalidInput("role must be observer, responder or manager");
    store.members.get(team.id)?.set(user.id, role);
    return noContent();
  });
  router.on("DELETE", "/teams/{id}/users/{user_id}", (request) => {
    const team = get(store.teams, request.params.id);
    const userId = request.params.user_id ?? "";
    const blocking = [...store.escalationPolicies.values()].find(
      (p) =>
        p.teams.includes(team.id) && p.rules.some((r) => r.targets.some((t) => t.id === userId)),
    );
    if (blocking)
      throw invalidInput(
        `The user is a target of the team's escalation policy ${blocking.id}; remove the user from it first.`,
      );
    store.members.get(team.id)?.delete(userId);
    return noContent();
  });
}
