/**
 * A layer's restrictions as the spans of time in which its turns count.
 *
 * Restrictions are wall-clock rules in the schedule's time zone: a daily restriction at 19:00 for
 * 12 h runs from 19:00 to 07:00 local every night, including the nights DST begins or ends (those
 * spans are 11 h or 13 h of real time). A restriction's edges that DST skips or repeats follow the
 * resolution rule of `zone.ts`.
 */
import type { RestrictionInputs } from "../graph/inputs";
import { type Span, union } from "./intervals";
import { DAY_MS, fromWall, isoWeekday, toWall } from "./zone";

const WEEK_MS = 7 * DAY_MS;

export interface PreparedRestriction {
  type: RestrictionInputs["type"];
  /** Wall ms after local midnight (daily) or after Monday 00:00 local (weekly). */
  offsetMs: number;
  durationMs: number;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Reads one restriction; the loader refuses bad ones with positions, this only guards the maths. */
export function prepareRestriction(restriction: RestrictionInputs): PreparedRestriction {
  const match = TIME_OF_DAY.exec(restriction.startTimeOfDay);
  const [hours, minutes, seconds] = (match?.slice(1) ?? []).map((part) => Number(part ?? 0));
  if (match === null || hours! > 23 || minutes! > 59 || seconds! > 59) {
    throw new RangeError(`Restriction start time "${restriction.startTimeOfDay}" is not HH:MM:SS.`);
  }
  if (!(restriction.durationSeconds > 0)) {
    throw new RangeError(`Restriction duration ${restriction.durationSeconds} s must be positive.`);
  }
  const timeOfDayMs = ((hours! * 60 + minutes!) * 60 + seconds!) * 1000;
  const durationMs = restriction.durationSeconds * 1000;

  switch (restriction.type) {
    case "daily_restriction":
      return { type: restriction.type, offsetMs: timeOfDayMs, durationMs };
    case "weekly_restriction": {
      const day = restriction.startDayOfWeek;
      if (day === undefined || !Number.isInteger(day) || day < 1 || day > 7) {
        throw new RangeError(
          `Weekly restriction weekday ${String(day)} must be an ISO weekday 1-7.`,
        );
      }
      return { type: restriction.type, offsetMs: (day - 1) * DAY_MS + timeOfDayMs, durationMs };
    }
    default: {
      const unknown: never = restriction.type;
      throw new RangeError(`Unknown restriction type "${String(unknown)}".`);
    }
  }
}

/**
 * The union of the restrictions' spans that meet [from, to), clipped to it. An empty list of
 * restrictions means no restriction at all; callers check that before asking.
 */
export function restrictionSpans(
  restrictions: readonly PreparedRestriction[],
  zone: string,
  from: number,
  to: number,
): Span[] {
  const firstWallDay = Math.floor(toWall(zone, from) / DAY_MS);
  const lastWallDay = Math.floor(toWall(zone, to) / DAY_MS);
  const spans: Span[] = [];

  for (const restriction of restrictions) {
    // Start one period early: a span that began the day (or week) before may still be running.
    const period = restriction.type === "daily_restriction" ? DAY_MS : WEEK_MS;
    const firstPeriod =
      restriction.type === "daily_restriction"
        ? (firstWallDay - 1) * DAY_MS
        : (firstWallDay - (isoWeekday(firstWallDay) - 1) - 7) * DAY_MS;
    for (let base = firstPeriod; base <= lastWallDay * DAY_MS; base += period) {
      const wallStart = base + restriction.offsetMs;
      const start = fromWall(zone, wallStart);
      const end = fromWall(zone, wallStart + restriction.durationMs);
      if (end > from && start < to)
        spans.push({ start: Math.max(start, from), end: Math.min(end, to) });
    }
  }
  return union(spans);
}
