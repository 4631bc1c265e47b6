/** Building blocks shared by the schemas of every concept. */
import { z } from "zod";
import { PAGERDUTY_TIME_ZONES } from "../time-zones";

/** A problem raised by a refinement carries its own stable code and hint in `params`. */
export interface IssueParams {
  code: string;
  hint?: string;
}

export const id = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    "ids are lower-case letters, digits and dashes, starting with a letter or digit",
  )
  .max(63)
  .describe(
    "Stable identifier, unique within its kind. Logical Pulumi names are built from it, so renaming the display name is an update, not a replacement. Lower-case letters, digits and dashes.",
  );

/**
 * A display name. Control characters are refused: a name is printed in plans, diffs and logs, and
 * an escape sequence or line break there could forge output lines.
 */
export const displayName = z
  .string()
  .min(1)
  .regex(/^[^\p{Cc}]+$/u, "names cannot hold control characters (tabs, line breaks, escape codes)");

export const severityId = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]*$/, "severity ids are upper-case, for example P0")
  .describe("Identifier of a severity, for example P0.");

export const levelId = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]*$/, "level ids are upper-case, for example L1")
  .describe("Identifier of a level of the escalation chain, for example L1.");

export const timeZone = z
  .string()
  .refine((value) => PAGERDUTY_TIME_ZONES.has(value), {
    message: "not a time zone PagerDuty accepts",
    params: {
      code: "TIME_ZONE_UNKNOWN",
      hint: "use a canonical IANA name such as America/New_York or Europe/Paris; legacy links (US/Mountain) and abbreviations (PST) are refused by the API",
    } satisfies IssueParams,
  })
  .describe("IANA time zone name as PagerDuty accepts it, for example America/New_York.");

export const email = z
  .email({ message: "not a valid email address" })
  .describe(
    "Email address. Compared case-insensitively: Alice@Example.com and alice@example.com are the same person.",
  );

/** `HH:MM` or `HH:MM:00`: PagerDuty keeps whole minutes only. */
export const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:\d\d)?$/, "times of day are HH:MM or HH:MM:00 (24-hour clock)")
  .superRefine((value, ctx) => {
    if (value.length === 8 && !value.endsWith(":00")) {
      ctx.addIssue({
        code: "custom",
        message: `time of day ${value} has seconds; PagerDuty times of day end in :00`,
        params: {
          code: "TIME_OF_DAY_SECONDS",
          hint: `write ${value.slice(0, 5)}`,
        } satisfies IssueParams,
      });
    }
  })
  .describe("Time of day on a 24-hour clock, HH:MM (seconds, if written, must be :00).");

const DURATION_UNITS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Parses `1w`, `12h`, `1h30m` or a number of seconds; undefined when it is neither. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value.trim());
  if (!match || value.trim() === "") return undefined;
  const units = ["w", "d", "h", "m", "s"];
  return units.reduce(
    (total, unit, i) => total + Number(match[i + 1] ?? 0) * DURATION_UNITS[unit]!,
    0,
  );
}

export const duration = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(value)} is not a duration`,
        params: {
          code: "DURATION_INVALID",
          hint: "write a whole number of seconds or units such as 12h, 1d, 1w, 1h30m",
        } satisfies IssueParams,
      });
      return z.NEVER;
    }
    return seconds;
  })
  .describe("A duration: whole seconds, or units w, d, h, m, s such as 12h, 1w or 1h30m.");

/** A wall-clock date-time in the zone of its schedule, or an instant with an explicit offset. */
export const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/,
    "date-times are YYYY-MM-DDTHH:MM[:SS], optionally with Z or an offset such as -05:00",
  )
  .describe(
    "Date and time. Without an offset it is read as wall-clock time in the schedule's time zone; a local time that does not exist (spring forward) or occurs twice (fall back) is refused.",
  );

export const isoWeekday = z.number().int().describe("ISO weekday: 1 = Monday … 7 = Sunday.");

export const minutes = z.number().int().min(0).describe("Whole minutes.");
