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
    availability: z.string(),
  })
  .strict()
  .describe("The conference bridge for incident calls.");

export const contactsFileSchema = z
  .object({
    $schema: z.string().optional(),
    people: z.array(personSchema).optional(),
    teams: z.array(teamSchema).optional(),
    rotations: z.array(rotationSchema).optional(),
  })
  .strict()
  .describe("A file of contacts/: people, teams, rotations.");

export const policiesFileSchema = z
  .object({
    $schema: z.string().optional(),
    severities: z.array(severitySchema).optional(),
    market_hours: marketHoursSchema.optional(),
    holidays: z.array(holidaySchema).optional(),
    escalation_chain: chainSchema.optional(),
    escalation_policies: z.array(escalationPolicySchema).optional(),
    scenarios: z.array(scenarioSchema).optional(),
    services: z.array(serviceSchema).optional(),
    slack: slackSchema.optional(),
    email_lists: z.array(emailListSchema).optional(),
    conference_bridge: bridgeSchema.optional(),
  })
  .strict()
  .describe(
    "A file of policies/: severities, SLA matrix, market hours, escalation, services, Slack routing.",
  );

export type ContactsFile = z.infer<typeof contactsFileSchema>;
export type PoliciesFile = z.infer<typeof policiesFileSchema>;
