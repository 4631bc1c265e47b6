/** People: the responders, their contact methods and notification rules. */
import { z } from "zod";
import { displayName, email, id, timeZone } from "./common";

/** Roles a PagerDuty user can be given through the API (the account owner cannot be created). */
export const USER_ROLES = [
  "admin",
  "limited_user",
  "observer",
  "read_only_limited_user",
  "read_only_user",
  "restricted_access",
  "user",
] as const;

export const contactMethodSchema = z
  .object({
    id: id.describe(
      "Identifier of the contact method, unique for this person; notification rules name it.",
    ),
    type: z
      .enum(["phone", "sms", "email"])
      .describe(
        "phone (voice call), sms (text message) or email. Push methods are created by the mobile app, not by this tool.",
      ),
    label: z.string().min(1).describe("Label shown in PagerDuty, for example Mobile or Work."),
    country_code: z
      .number()
      .int()
      .min(1)
      .max(999)
      .optional()
      .describe(
        "Phone and SMS: the country calling code as an integer (1, 44, 91). Omit it when `number` starts with + and a country code.",
      ),
    number: z
      .string()
      .optional()
      .describe(
        "Phone and SMS: the number. Either the national number without + or trunk prefix (with country_code), or a full international number starting with + (without country_code). Commas (pauses), * and # may follow the digits for extensions. At most 40 characters once normalised.",
      ),
    address: email
      .optional()
      .describe(
        "Email contact methods: the address. Must differ from the login email, which PagerDuty already uses as the default email method.",
      ),
  })
  .strict()
  .describe("A way to reach the person. https://support.pagerduty.com/main/docs/user-profile");

export const notificationRuleSchema = z
  .object({
    urgency: z.enum(["high", "low"]).describe("Incident urgency this rule applies to."),
    contact_method: z
      .string()
      .min(1)
      .describe(
        "Id of one of the person's contact methods, or `default_email` for the login email PagerDuty creates with every user.",
      ),
    start_delay_minutes: z
      .number()
      .int()
      .min(0)
      .describe(
        "Minutes after the person is assigned before this method is used. 0 means at once and is sent as 0.",
      ),
  })
  .strict()
  .describe("When and how PagerDuty notifies the person of an incident assigned to them.");

export const personSchema = z
  .object({
    id,
    name: displayName.describe("Display name in PagerDuty."),
    email: email.describe("Login email; unique across people, compared case-insensitively."),
    time_zone: timeZone,
    role: z
      .enum(USER_ROLES)
      .default("user")
      .describe("PagerDuty account role. Default: user. Owner cannot be set through the API."),
    job_title: z.string().optional().describe("Job title shown in PagerDuty."),
    description: z.string().optional().describe("Free text about the person."),
    contact_methods: z
      .array(contactMethodSchema)
      .default([])
      .describe("Phone, SMS and extra email methods."),
    notification_rules: z
      .array(notificationRuleSchema)
      .default([])
      .describe(
        "Notification rules. A responder on a P0/P1 path needs a phone or SMS rule for high urgency within the acknowledge time.",
      ),
  })
  .strict()
  .describe("A person who can be paged.");

export type PersonData = z.infer<typeof personSchema>;
export type ContactMethodData = z.infer<typeof contactMethodSchema>;
export type NotificationRuleData = z.infer<typeof notificationRuleSchema>;
