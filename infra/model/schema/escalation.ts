/** The escalation chain, escalation policies and special scenarios. */
import { z } from "zod";
import { displayName, id, levelId, minutes, severityId } from "./common";

export const targetSchema = z
  .union([
    z.object({ rotation: id.describe("Id of a rotation: whoever is on call there.") }).strict(),
    z.object({ person: id.describe("Id of a person, paged directly.") }).strict(),
    z.object({ level: levelId.describe("Id of a level of the chain: its targets.") }).strict(),
  ])
  .describe(
    "Who is notified: a rotation (schedule), a person (user) or all targets of a chain level.",
  );

export const chainLevelSchema = z
  .object({
    id: levelId,
    name: displayName.describe("Name of the level, for example Primary on-call."),
    reached_at_minute: minutes.describe(
      "Minute after the incident opens at which this level is notified (cumulative, not a delay). The first level is 0.",
    ),
    targets: z.array(targetSchema).min(1).describe("Notified together when the level is reached."),
    responsibilities: z.array(z.string()).default([]).describe("What the level does."),
    escalate_when: z
      .array(z.string())
      .default([])
      .describe("Criteria for escalating to this level by hand."),
  })
  .strict();

export const chainSchema = z
  .object({
    levels: z
      .array(chainLevelSchema)
      .min(1)
      .describe("Levels in order; reached_at_minute strictly increases."),
    last_level_minutes: minutes.describe(
      "How long the last level reached has before the policy repeats or ends: the escalation delay of the last rule.",
    ),
  })
  .strict()
  .describe("The escalation chain every severity's policy is built from.");

export const policyRuleSchema = z
  .object({
    at_minute: minutes.describe(
      "Cumulative minute at which this rule is reached; the first rule is at 0.",
    ),
    targets: z.array(targetSchema).min(1).describe("Notified together when the rule is reached."),
  })
  .strict();

export const escalationPolicySchema = z
  .object({
    id,
    name: displayName.describe("Display name; unique among escalation policies."),
    description: z
      .string()
      .optional()
      .describe('What the policy is for. Default: the provider\'s "Managed by Pulumi".'),
    team: id.optional().describe("Id of the team owning the policy."),
    severity: severityId.describe("The severity whose SLA this policy must meet."),
    num_loops: z
      .number()
      .int()
      .min(0)
      .max(9)
      .default(0)
      .describe("How many times the whole policy repeats after the last rule (0–9). Default 0."),
    rules: z
      .array(policyRuleSchema)
      .optional()
      .describe(
        "Explicit rules with cumulative minutes. Omitted: the chain, through the levels the severity reaches.",
      ),
    last_rule_minutes: minutes
      .optional()
      .describe("Delay of the last rule. Default: the chain's last_level_minutes."),
    critical: z
      .boolean()
      .default(false)
      .describe("Protected from deletion in production stacks. Default false."),
  })
  .strict()
  .describe("An escalation policy. https://support.pagerduty.com/main/docs/escalation-policies");

export const scenarioSchema = z
  .object({
    id,
    name: displayName.describe("Name of the scenario."),
    description: z.string().describe("When the scenario applies."),
    escalation_policy: id
      .optional()
      .describe("Id of the escalation policy that implements it, if any."),
    immediate: z.array(z.string()).default([]).describe("What happens at once."),
    later: z.array(z.string()).default([]).describe("What happens as time passes."),
    actions: z.array(z.string()).default([]).describe("What responders do."),
    notify_email_lists: z.array(id).default([]).describe("Ids of email lists to notify."),
    notify_channels: z.array(id).default([]).describe("Ids of Slack channels to notify."),
  })
  .strict()
  .describe("A special escalation scenario.");

export type TargetData = z.infer<typeof targetSchema>;
export type ChainData = z.infer<typeof chainSchema>;
export type EscalationPolicyData = z.infer<typeof escalationPolicySchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
