/** expand: Slack routing to PagerDuty Slack connections, one per connection and source. */
import type { SlackConnectionInputs } from "../inputs";
import { RESOURCE_TYPES, ref, type Lookup, type ResourceSpec } from "../types";
import type { Connection, OrgModel } from "../../model/types";
import { names } from "./names";

export function expandConnection(connection: Connection, model: OrgModel): ResourceSpec[] {
  const slack = model.slack!;
  const channel = slack.channels.find((c) => c.id === connection.channel)!;
  return connection.sources.map((source) => {
    const [sourceKind, sourceId] =
      "service" in source
        ? (["service", source.service] as const)
        : (["team", source.team] as const);
    const config: SlackConnectionInputs["configs"][number] = {
      events: [...connection.events].sort(),
      priorities: priorities(connection, model),
    };
    if (connection.urgency !== "any") config.urgency = connection.urgency;
    const inputs: SlackConnectionInputs = {
      sourceId: ref(sourceKind === "service" ? names.service(sourceId) : names.team(sourceId)),
      sourceType: sourceKind === "service" ? "service_reference" : "team_reference",
      workspaceId: slack.workspace_id,
      channelId: channel.channel_id,
      notificationType: connection.notification_type,
      configs: [config],
    };
    return {
      kind: "slackConnection",
      type: RESOURCE_TYPES.slackConnection,
      name: names.slackConnection(connection.id, sourceKind, sourceId),
      inputs: { ...inputs } as unknown as ResourceSpec["inputs"],
      source: connection.origin,
    } satisfies ResourceSpec;
  });
}

/**
 * Priorities have three states in the provider: `["*"]` is any priority, an empty list is
 * incidents without a priority, and otherwise a list of priority ids of the account, looked up by
 * name at deploy time.
 */
function priorities(connection: Connection, model: OrgModel): (string | Lookup)[] {
  if (connection.priorities === "any") return ["*"];
  if (connection.priorities === "none") return [];
  return connection.priorities.map((id) => {
    const severity = model.severities.find((s) => s.id === id)!;
    return { lookup: "priority", name: severity.priority ?? severity.id };
  });
}
