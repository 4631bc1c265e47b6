/**
 * What a data file may hold. Files are free to split a section (two files of people are merged);
 * single sections (market hours, the chain, Slack, the bridge) appear once in the whole tree.
 */
import { z } from "zod";
import { chainSchema, escalationPolicySchema, scenarioSchema } from "./escalation";
import { personSchema } from "./person";
import { rotationSchema } from "./rotation";
import { serviceSchema } from "./service";
import { emailListSchema, holidaySchema, marketHoursSchema, severitySchema } from "./severity";
import { slackSchema } from "./slack";
import { teamSchema } from "./team";

export const bridgeSchema = z
  .object({
    dial: z.string().describe("Number to dial, as published."),
    access_code: z.string().describe("Access code; masked in outputs."),
    availability: z.string().describe("When the bridge can be used."),
  })
  .strict()
  .describe("The conference bridge for incident calls.");

export const contactsFileSchema = z
  .object({
    $schema: z
      .string()
      .optional()
      .describe("Path of this JSON Schema, for editors that read it from the data."),
    people: z.array(personSchema).optional().describe("People who can be paged."),
    teams: z.array(teamSchema).optional().describe("PagerDuty teams and their members."),
    rotations: z
      .array(rotationSchema)
      .optional()
      .describe("On-call rotations, created as PagerDuty schedules."),
  })
  .strict()
  .describe("A file of contacts/: people, teams, rotations.");

export const policiesFileSchema = z
  .object({
    $schema: z
      .string()
      .optional()
      .describe("Path of this JSON Schema, for editors that read it from the data."),
    severities: z
      .array(severitySchema)
      .optional()
      .describe("Incident severities with their SLA matrix rows."),
    market_hours: marketHoursSchema.optional(),
    holidays: z.array(holidaySchema).optional().describe("Market holidays, treated like weekends."),
    escalation_chain: chainSchema.optional(),
    escalation_policies: z
      .array(escalationPolicySchema)
      .optional()
      .describe(
        "Escalation policies: one per severity from the chain, and written-out ones for teams and scenarios.",
      ),
    scenarios: z.array(scenarioSchema).optional().describe("Special escalation scenarios."),
    services: z.array(serviceSchema).optional().describe("PagerDuty services."),
    slack: slackSchema.optional(),
    email_lists: z
      .array(emailListSchema)
      .optional()
      .describe("Email lists named by teams and scenarios."),
    conference_bridge: bridgeSchema.optional(),
  })
  .strict()
  .describe(
    "A file of policies/: severities, SLA matrix, market hours, escalation, services, Slack routing.",
  );

export type ContactsFile = z.infer<typeof contactsFileSchema>;
export type PoliciesFile = z.infer<typeof policiesFileSchema>;
