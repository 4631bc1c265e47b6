/** Slack connections (the Slack integration API, under `/integration-slack`). */
import { invalidInput, notFound, paginate, Router, type EmulatorRequest } from "../http";
import { renderSlackConnection, type StoredSlackConnection, type Store } from "../store";
import { ok, created, noContent, wrapped, text, get, type Json } from "./common";

const SLACK = "/integration-slack/workspaces/{slack_team_id}/connections";

export function addSlackConnections(router: Router, store: Store): void {
  const write = (
    workspace: string,
    input: Json,
    current?: StoredSlackConnection,
  ): StoredSlackConnection => {
    const sourceType = text(input, "source_type", current?.source_type);
    if (sourceType !== "service_reference" && sourceType !== "team_reference")
      throw invalidInput("source_type must be service_reference or team_reference");
    const sourceId = text(input, "source_id", current?.source_id);
    const exists =
      sourceType === "service_reference" ? store.services.has(sourceId) : store.teams.has(sourceId);
    if (!exists) throw invalidInput(`Source ${sourceId} does not exist`);
    const config = (input.config as Json | undefined) ?? current?.config;
    if (!config || !Array.isArray(config.events))
      throw invalidInput("config.events must be a list of events");
    const notificationType = text(
      input,
      "notification_type",
      current?.notification_type ?? "responder",
    );
    if (notificationType !== "responder" && notificationType !== "stakeholder")
      throw invalidInput("notification_type must be responder or stakeholder");
    const priorities = Array.isArray(config.priorities) ? (config.priorities as string[]) : null;
    const unknown = (priorities ?? []).filter((id) => !store.priorities.has(id));
    if (unknown.length > 0)
      throw invalidInput(`config.priorities names unknown priorities: ${unknown.join(", ")}`);
    return {
      id: current?.id ?? store.newId(),
      workspace_id: workspace,
      source_id: sourceId,
      source_type: sourceType,
      channel_id: text(input, "channel_id", current?.channel_id),
      notification_type: notificationType,
      config: {
        events: config.events as string[],
        priorities,
        urgency: config.urgency === "high" || config.urgency === "low" ? config.urgency : null,
      },
    };
  };
  const inWorkspace = (request: EmulatorRequest) => {
    const connection = get(store.slackConnections, request.params.connection_id);
    if (connection.workspace_id !== request.params.slack_team_id) throw notFound();
    return connection;
  };

  router.on("GET", SLACK, (request) => {
    const connections = [...store.slackConnections.values()].filter(
      (c) => c.workspace_id === request.params.slack_team_id,
    );
    return paginate(request, "slack_connections", connections, {
      render: (c) => renderSlackConnection(store, c),
      alwaysTotal: true,
    });
  });
  router.on("POST", SLACK, (request) => {
    const connection = write(
      request.params.slack_team_id ?? "",
      wrapped(request, "slack_connection"),
    );
    store.slackConnections.set(connection.id, connection);
    return created({ slack_connection: renderSlackConnection(store, connection) });
  });
  router.on("GET", `${SLACK}/{connection_id}`, (request) =>
    ok({ slack_connection: renderSlackConnection(store, inWorkspace(request)) }),
  );
  router.on("PUT", `${SLACK}/{connection_id}`, (request) => {
    const connection = write(
      request.params.slack_team_id ?? "",
      wrapped(request, "slack_connection"),
      inWorkspace(request),
    );
    store.slackConnections.set(connection.id, connection);
    return ok({ slack_connection: renderSlackConnection(store, connection) });
  });
  router.on("DELETE", `${SLACK}/{connection_id}`, (request) => {
    store.slackConnections.delete(inWorkspace(request).id);
    return noContent();
  });
}
