/**
 * The REST v2 and Slack integration operations the emulator answers: list, create, read, update and
 * delete of users (+ contact methods, notification rules), teams (+ members), schedules, escalation
 * policies, services (+ integrations) and Slack connections, and the list of incident priorities. Writes check what PagerDuty refuses
 * most often; they are not a full validation of the API.
 */
import { Router } from "../http";
import type { Store } from "../store";
import { addEscalationPolicies } from "./escalation-policies";
import { addPriorities } from "./priorities";
import { addSchedules } from "./schedules";
import { addServices } from "./services";
import { addSlackConnections } from "./slack-connections";
import { addTeams } from "./teams";
import { addUsers } from "./users";

export function buildRouter(store: Store): Router {
  const router = new Router();
  addUsers(router, store);
  addTeams(router, store);
  addSchedules(router, store);
  addEscalationPolicies(router, store);
  addServices(router, store);
  addSlackConnections(router, store);
  addPriorities(router, store);
  return router;
}
