/** Rotations: PagerDuty schedules, their layers and restrictions, and the hours they must cover. */
import { z } from "zod";
import {
  type IssueParams,
  dateTime,
  displayName,
  duration,
  id,
  isoWeekday,
  timeOfDay,
  timeZone,
} from "./common";

const DAY = 86400;
const WEEK = 7 * DAY;
const YEAR = 365 * DAY;

export const restrictionSchema = z
  .object({
    type: z
      .enum(["daily", "weekly"])
      .describe(
        "daily: the same window every day (no weekday). weekly: a window that starts on one ISO weekday.",
      ),
    start_day_of_week: isoWeekday
      .optional()
      .describe(
        "Weekly restrictions only: ISO weekday the window starts on, 1 = Monday … 7 = Sunday.",
      ),
    start_time_of_day: timeOfDay.describe(
      "Time of day the window starts, in the schedule's time zone.",
    ),
    duration: duration.describe(
      "Length of the window: under 24 h for daily, under 7 days for weekly. A full-time restriction is written as no restriction.",
    ),
  })
  .strict()
  .superRefine((restriction, ctx) => {
    const issue = (path: string, message: string, params: IssueParams) =>
      ctx.addIssue({ code: "custom", path: [path], message, params });
    if (restriction.type === "weekly" && restriction.start_day_of_week === undefined) {
      issue("start_day_of_week", "a weekly restriction needs start_day_of_week", {
        code: "RESTRICTION_WEEKDAY_MISSING",
        hint: "add start_day_of_week: 1 (Monday) … 7 (Sunday), or use type: daily",
      });
    }
    if (
      restriction.start_day_of_week !== undefined &&
      (restriction.start_day_of_week < 1 || restriction.start_day_of_week > 7)
    ) {
      issue("start_day_of_week", `weekday ${restriction.start_day_of_week} is outside 1–7`, {
        code: "RESTRICTION_WEEKDAY_RANGE",
        hint: "weekdays are ISO: 1 = Monday … 7 = Sunday (Sunday is 7, not 0)",
      });
    }
    if (restriction.type === "daily" && restriction.start_day_of_week !== undefined) {
      issue(
        "start_day_of_week",
        "a daily restriction applies every day and cannot name a weekday",
        {
          code: "RESTRICTION_DAILY_WEEKDAY",
          hint: "remove start_day_of_week, or use type: weekly",
        },
      );
    }
    const limit = restriction.type === "daily" ? DAY : WEEK;
    if (restriction.duration <= 0 || restriction.duration >= limit) {
      issue(
        "duration",
        `a ${restriction.type} restriction must last more than 0 s and less than ${limit} s; got ${restriction.duration} s`,
        {
          code: "RESTRICTION_DURATION",
          hint: "a restriction that covers the whole day or week is written as no restriction at all",
        },
      );
    }
  })
  .describe(
    "A window in which the layer's on-call person is on call. https://support.pagerduty.com/main/docs/schedule-basics",
  );

export const layerSchema = z
  .object({
    id: id.describe("Identifier of the layer within its rotation."),
    name: z.string().optional().describe("Display name of the layer. Default: the id."),
    start: dateTime.describe(
      "When the layer starts. Without offset: wall-clock time in the rotation's time zone.",
    ),
    end: dateTime
      .optional()
      .describe("When the layer ends. Layers are ended, not deleted, so history stays right."),
    rotation_virtual_start: dateTime
      .optional()
      .describe(
        "The moment from which turns are counted (first member's turn starts here). Default: start.",
      ),
    rotation_turn_length: duration.describe(
      "Length of one turn, 1h to 365d: 1d for daily, 1w for weekly handoffs.",
    ),
    members: z.array(id).min(1).describe("Ids of the people who take turns, in order."),
    restrictions: z
      .array(restrictionSchema)
      .default([])
      .describe("Windows the layer is limited to. None: on call all the time."),
  })
  .strict()
  .superRefine((layer, ctx) => {
    if (layer.rotation_turn_length < 3600 || layer.rotation_turn_length > YEAR) {
      ctx.addIssue({
        code: "custom",
        path: ["rotation_turn_length"],
        message: `a turn must last from 3600 s (1h) to ${YEAR} s (365d); got ${layer.rotation_turn_length} s`,
        params: {
          code: "ROTATION_TURN_LENGTH",
          hint: "use 1d for daily or 1w for weekly handoffs",
        } satisfies IssueParams,
      });
    }
  })
  .describe(
    "A schedule layer: people taking turns. Where layers overlap, the later layer in the list wins.",
  );

const weeklyWindowSchema = z
  .object({
    day_of_week: isoWeekday.min(1).max(7),
    start: timeOfDay.describe("Start of the window, in the rotation's time zone."),
    end: z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "end is HH:MM, or 24:00 for the end of the day")
      .describe(
        "End of the window (exclusive), HH:MM or 24:00; an end before the start runs past midnight.",
      ),
  })
  .strict();

export const coverageSchema = z
  .union([
    z.literal("always").describe("Somebody must be on call at every moment."),
    z
      .literal("market_hours")
      .describe("Somebody must be on call during market hours (policies: market_hours)."),
    z
      .object({
        weekly: z
          .array(weeklyWindowSchema)
          .min(1)
          .describe("Windows, one per weekday and time range."),
      })
      .strict()
      .describe("Custom weekly windows in the rotation's time zone."),
  ])
  .describe("The hours this rotation must cover; the coverage check reports every gap.");

export const rotationSchema = z
  .object({
    id,
    name: displayName.describe("Display name of the schedule; unique among rotations."),
    description: z.string().optional().describe("What the rotation is for."),
    team: id.optional().describe("Id of the team that owns the schedule."),
    time_zone: timeZone.describe(
      "Time zone of the schedule: handoffs and restrictions follow its wall clock, across DST changes.",
    ),
    covers: coverageSchema,
    exclusive: z
      .boolean()
      .default(false)
      .describe(
        "When true, nobody on call here may be on call in another exclusive rotation at the same time (for example primary and secondary). Default: false.",
      ),
    layers: z
      .array(layerSchema)
      .min(1)
      .describe("Layers, lowest first: a later layer wins where they overlap."),
  })
  .strict()
  .describe("An on-call rotation, created as a PagerDuty schedule.");

export type RotationData = z.infer<typeof rotationSchema>;
export type LayerData = z.infer<typeof layerSchema>;
export type RestrictionData = z.infer<typeof restrictionSchema>;
export type CoverageData = z.infer<typeof coverageSchema>;
