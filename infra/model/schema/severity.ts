/** Severities, the SLA matrix and market hours. */
import { z } from "zod";
import {
  displayName,
  id,
  isoWeekday,
  levelId,
  minutes,
  severityId,
  timeOfDay,
  timeZone,
} from "./common";

const slaSchema = z
  .object({
    acknowledge_minutes: minutes.describe(
      "Minutes within which the first responder must be notified and can acknowledge.",
    ),
    respond_minutes: minutes.describe(
      "Minutes within which a responder must be working on the incident.",
    ),
    escalate_minutes: minutes.describe(
      "Minutes by which the incident must have reached the second level of escalation.",
    ),
  })
  .strict();

const urgencyByTimeClass = z
  .object({
    market_hours: z.enum(["high", "low"]).describe("Urgency of incidents during market hours."),
    after_hours: z.enum(["high", "low"]).describe("Urgency on weekdays outside market hours."),
    weekend: z.enum(["high", "low"]).describe("Urgency on weekends and holidays."),
  })
  .strict()
  .describe(
    "Urgency per time class: high pages people, low notifies by their low-urgency rules (no calls at night).",
  );

export const severitySchema = z
  .object({
    id: severityId,
    name: displayName.describe("Name, for example Critical."),
    response: z.string().describe("Expected response in words, for example Immediate response."),
    criteria: z.array(z.string()).min(1).describe("What makes an incident this severity."),
    sla: slaSchema.describe(
      "The SLA matrix row: standard figures (after hours, weekends, holidays).",
    ),
    market_hours_sla: slaSchema
      .partial()
      .default({})
      .describe("Accelerated figures during market hours; a figure not given is the standard one."),
    reaches_levels: z
      .array(levelId)
      .min(1)
      .describe("Levels of the escalation chain this severity escalates through, in order."),
    urgency: urgencyByTimeClass,
    priority: z
      .string()
      .optional()
      .describe(
        "Name of the matching PagerDuty incident priority, used by Slack filters. Default: the id.",
      ),
  })
  .strict()
  .describe("An incident severity and its SLA.");

export const marketHoursSchema = z
  .object({
    time_zone: timeZone,
    days_of_week: z
      .array(isoWeekday.min(1).max(7))
      .min(1)
      .describe("ISO weekdays with market hours."),
    start_time: timeOfDay.describe("Start of market hours."),
    end_time: timeOfDay.describe("End of market hours (exclusive)."),
  })
  .strict()
  .describe(
    "Market hours: used for service support hours, accelerated SLAs and rotation coverage.",
  );

export const holidaySchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "dates are YYYY-MM-DD")
      .refine((date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), {
        message: "not a day of the calendar",
        params: { code: "DATE_INVALID", hint: "check the month (01–12) and the day of the month" },
      })
      .describe("The day, YYYY-MM-DD, in the market's time zone."),
    name: displayName.describe("Name of the holiday."),
  })
  .strict()
  .describe(
    "A market holiday: treated like a weekend. PagerDuty support hours cannot express holidays.",
  );

export const emailListSchema = z
  .object({
    id,
    address: z.email().describe("The list's address."),
    purpose: z.string().describe("Who is on it and when it is used."),
  })
  .strict();

export type SeverityData = z.infer<typeof severitySchema>;
export type MarketHoursData = z.infer<typeof marketHoursSchema>;
