/**
 * How much of the time a schedule must be staffed it actually is, where the holes are, and who is
 * on call in two schedules at once. Times are epoch milliseconds; windows are half-open [from, to).
 */
import type { ScheduleInputs } from "../graph/inputs";
import { type Span, intersect, subtract, totalSeconds, union } from "./intervals";
import { onCallIntervals } from "./schedule";
import { DAY_MS, MINUTE_MS, fromWall, isoWeekday, toWall } from "./zone";

/**
 * The hours a schedule must have someone on call. `always`: every moment. `weekly`: the given
 * windows each week, as wall-clock times in `timeZone` (so market hours 06:00–18:00 New York stay
 * 06:00–18:00 local across DST). A window's `end` may be `24:00`; an `end` earlier than `start`
 * runs past midnight into the next day.
 */
export type CoverageRequirement =
  | { kind: "always" }
  | {
      kind: "weekly";
      timeZone: string;
      windows: { dayOfWeek: number /* ISO, Monday = 1 */; start: string; end: string }[];
    };

export interface CoverageGap {
  start: number;
  end: number;
  seconds: number;
}

export interface Coverage {
  requiredSeconds: number;
  coveredSeconds: number;
  /** coveredSeconds / requiredSeconds × 100, unrounded; 100 when nothing is required. */
  percentage: number;
  /** Required time with nobody on call, merged and sorted. Gaps are cut at `from` and `to`. */
  gaps: CoverageGap[];
  /** The longest gap (the earliest of equals), or null when there is none. */
  longestGap: CoverageGap | null;
}

export function computeCoverage(
  schedule: ScheduleInputs,
  requirement: CoverageRequirement,
  from: number,
  to: number,
): Coverage {
  const required = requiredSpans(requirement, from, to);
  const covered = intersect(required, union(onCallIntervals(schedule, from, to)));
  const gaps = union(subtract(required, covered)).map((gap) => ({
    start: gap.start,
    end: gap.end,
    seconds: (gap.end - gap.start) / 1000,
  }));

  const requiredSeconds = totalSeconds(required);
  const coveredSeconds = totalSeconds(covered);
  let longestGap: CoverageGap | null = null;
  for (const gap of gaps)
    if (longestGap === null || gap.seconds > longestGap.seconds) longestGap = gap;
  return {
    requiredSeconds,
    coveredSeconds,
    percentage: requiredSeconds === 0 ? 100 : (coveredSeconds / requiredSeconds) * 100,
    gaps,
    longestGap,
  };
}

const CLOCK = /^(\d{2}):(\d{2})$/;

function minutesOf(clock: string): number {
  const match = CLOCK.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Coverage window time "${clock}" is not HH:MM between 00:00 and 24:00.`);
  }
  return hours * 60 + minutes;
}

/** The requirement's spans within [from, to), merged. */
export function requiredSpans(requirement: CoverageRequirement, from: number, to: number): Span[] {
  if (!(to > from)) return [];
  switch (requirement.kind) {
    case "always":
      return [{ start: from, end: to }];
    case "weekly":
      return weeklySpans(requirement, from, to);
    default: {
      const unknown: never = requirement;
      throw new RangeError(`Unknown coverage requirement ${JSON.stringify(unknown)}.`);
    }
  }
}

function weeklySpans(
  requirement: Extract<CoverageRequirement, { kind: "weekly" }>,
  from: number,
  to: number,
): Span[] {
  const zone = requirement.timeZone;
  const windows = requirement.windows.map((window) => {
    if (!Number.isInteger(window.dayOfWeek) || window.dayOfWeek < 1 || window.dayOfWeek > 7) {
      throw new RangeError(
        `Coverage window weekday ${window.dayOfWeek} must be an ISO weekday 1-7.`,
      );
    }
    const start = minutesOf(window.start);
    const end = minutesOf(window.end);
    if (start === end) {
      throw new RangeError(
        `Coverage window ${window.start}-${window.end} is empty; for a whole day write 00:00-24:00.`,
      );
    }
    const lengthMinutes = end > start ? end - start : end + 1440 - start;
    return {
      dayOfWeek: window.dayOfWeek,
      startMs: start * MINUTE_MS,
      lengthMs: lengthMinutes * MINUTE_MS,
    };
  });

  // One day early: a window past midnight may have begun the day before `from`.
  const firstDay = Math.floor(toWall(zone, from) / DAY_MS) - 1;
  const lastDay = Math.floor(toWall(zone, to) / DAY_MS);
  const spans: Span[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = isoWeekday(day);
    for (const window of windows) {
      if (window.dayOfWeek !== weekday) continue;
      const wallStart = day * DAY_MS + window.startMs;
      const start = Math.max(from, fromWall(zone, wallStart));
      const end = Math.min(to, fromWall(zone, wallStart + window.lengthMs));
      if (end > start) spans.push({ start, end });
    }
  }
  return union(spans);
}

export interface DoubleBooking {
  /** Logical name of the user. */
  user: string;
  /** Logical names of the two schedules, in the order they were given. */
  schedules: [string, string];
  start: number;
  end: number;
  seconds: number;
}

/**
 * People on call in two schedules at the same moment, one entry per pair of schedules and
 * continuous overlap, sorted by start, then user, then schedules. Three schedules at once give
 * three pairs.
 */
export function findDoubleBookings(
  schedules: readonly { name: string; inputs: ScheduleInputs }[],
  from: number,
  to: number,
): DoubleBooking[] {
  const byUser = new Map<string, { start: number; end: number; schedule: number }[]>();
  schedules.forEach((schedule, index) => {
    for (const shift of onCallIntervals(schedule.inputs, from, to)) {
      const list = byUser.get(shift.user) ?? [];
      list.push({ start: shift.start, end: shift.end, schedule: index });
      byUser.set(shift.user, list);
    }
  });

  const bookings: DoubleBooking[] = [];
  for (const [user, shifts] of byUser) {
    // A schedule's intervals of one user are merged and disjoint, so each overlap between two
    // schedules is one pair of intervals: no pieces to join afterwards.
    shifts.sort((a, b) => a.start - b.start || a.schedule - b.schedule);
    for (let i = 0; i < shifts.length; i++) {
      const a = shifts[i]!;
      for (let j = i + 1; j < shifts.length && shifts[j]!.start < a.end; j++) {
        const b = shifts[j]!;
        if (a.schedule === b.schedule) continue;
        const end = Math.min(a.end, b.end);
        const first = schedules[Math.min(a.schedule, b.schedule)]!.name;
        const second = schedules[Math.max(a.schedule, b.schedule)]!.name;
        bookings.push({
          user,
          schedules: [first, second],
          start: b.start,
          end,
          seconds: (end - b.start) / 1000,
        });
      }
    }
  }

  return bookings.sort(
    (a, b) =>
      a.start - b.start ||
      compareText(a.user, b.user) ||
      compareText(a.schedules[0], b.schedules[0]) ||
      compareText(a.schedules[1], b.schedules[1]),
  );
}

// Code-unit order rather than localeCompare, so the order does not depend on the host's locale.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
