/** Slack channels and the PagerDuty Slack connections that route incidents to them. */
import { z } from "zod";
import { id, severityId } from "./common";

export const SLACK_EVENTS = [
  "incident.acknowledged",
  "incident.annotated",
  "incident.delegated",
  "incident.escalated",
  "incident.priority_updated",
  "incident.reassigned",
  "incident.reopened",
  "incident.resolved",
  "incident.responder.added",
  "incident.responder.replied",
  "incident.status_update_published",
  "incident.triggered",
  "incident.unacknowledged",
] as const;

export const channelSchema = z
  .object({
    id,
    name: z
      .string()
      .regex(/^#[a-z0-9._-]+$/, "channel names start with # and are lower case")
      .describe("Channel name with #."),
    channel_id: z
      .string()
      .regex(/^[CG][A-Z0-9]{6,}$/, "Slack channel ids start with C or G")
      .describe("Slack's channel id (C…)."),
    purpose: z.string().describe("What the channel is for."),
  })
  .strict();

export const connectionSchema = z
  .object({
    id,
    channel: id.describe("Id of a channel."),
    sources: z
      .array(z.union([z.object({ service: id }).strict(), z.object({ team: id }).strict()]))
      .min(1)
      .describe(
        "Services or teams whose incidents go to the channel; one connection is made per source.",
      ),
    notification_type: z
      .enum(["responder", "stakeholder"])
      .describe("responder: can act from Slack; stakeholder: informed only."),
    events: z.array(z.enum(SLACK_EVENTS)).min(1).describe("Incident events posted to the channel."),
    urgency: z
      .enum(["high", "low", "any"])
      .default("any")
      .describe("Only incidents of this urgency. Default any."),
    priorities: z
      .union([z.literal("any"), z.literal("none"), z.array(severityId).min(1)])
      .default("any")
      .describe(
        "any: every priority; none: incidents without a priority only; or a list of severity ids.",
      ),
  })
  .strict();

export const slackSchema = z
  .object({
    workspace_id: z
      .string()
      .regex(/^T[A-Z0-9]{6,}$/, "Slack workspace ids start with T")
      .describe("Slack workspace (team) id, T…."),
    channels: z.array(channelSchema).default([]).describe("Existing Slack channels, by id."),
    connections: z
      .array(connectionSchema)
      .default([])
      .describe("Routes from services and teams to channels."),
  })
  .strict()
  .describe("Slack routing. https://support.pagerduty.com/main/docs/slack-integration-guide");

export type ChannelData = z.infer<typeof channelSchema>;
export type ConnectionData = z.infer<typeof connectionSchema>;
export type SlackData = z.infer<typeof slackSchema>;
