/** Teams and their members. */
import { z } from "zod";
import { displayName, id } from "./common";

export const teamMemberSchema = z
  .object({
    person: id.describe("Id of a person."),
    role: z
      .enum(["observer", "responder", "manager"])
      .describe(
        "Team role, always explicit: the API's default is manager, which is rarely what is meant.",
      ),
  })
  .strict();

export const teamSchema = z
  .object({
    id,
    name: displayName.describe("Display name of the team; unique among teams."),
    description: z.string().optional().describe("What the team does."),
    availability: z
      .string()
      .optional()
      .describe("When the team can be reached, in words; rotations state it exactly."),
    escalate_for: z
      .array(z.string())
      .default([])
      .describe("What incidents the team is escalated for."),
    email_list: id.optional().describe("Id of the team's email list (see email_lists)."),
    slack_channel: id.optional().describe("Id of the team's Slack channel (see slack.channels)."),
    members: z.array(teamMemberSchema).default([]).describe("Members with their team role."),
  })
  .strict()
  .describe("A PagerDuty team. https://support.pagerduty.com/main/docs/teams");

export type TeamData = z.infer<typeof teamSchema>;
