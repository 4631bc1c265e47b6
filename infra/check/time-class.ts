/**
 * Time classes of the SLA matrix: market hours, after hours (the rest of a market day), weekends
 * and holidays, from `market_hours` and `holidays` in policies/. The checks evaluate escalation and
 * urgency at one representative instant of each class inside the horizon.
 */
import type { OrgModel } from "../model/types";
import { DAY_MS, MINUTE_MS, fromWall, isoWeekday, toWall } from "../timeline/zone";

export const TIME_CLASSES = ["market_hours", "after_hours", "weekend", "holiday"] as const;
export type TimeClass = (typeof TIME_CLASSES)[number];

export const TIME_CLASS_NAMES: Record<TimeClass, string> = {
  market_hours: "market hours",
  after_hours: "after hours",
  weekend: "weekends",
  holiday: "holidays",
};

/** The key of a severity's urgency table that applies in a class: holidays count as weekends. */
export function urgencyKey(timeClass: TimeClass): "market_hours" | "after_hours" | "weekend" {
  switch (timeClass) {
    case "market_hours":
    case "after_hours":
    case "weekend":
      return timeClass;
    case "holiday":
      return "weekend";
  }
}

export interface Calendar {
  timeZone: string;
  /** ISO weekdays that have market hours. */
  marketDays: readonly number[];
  /** Minutes after local midnight; start === end means no market hours at all. */
  startMinute: number;
  endMinute: number;
  /** Local dates `YYYY-MM-DD` of holidays. */
  holidays: ReadonlySet<string>;
}

/**
 * The calendar of the data. Without `market_hours`, no instant is in market hours and weekdays
 * (Monday to Friday, UTC) are after hours, so the standard SLA applies everywhere.
 */
export function calendarOf(model: OrgModel): Calendar {
  const holidays = new Set(model.holidays.map((h) => h.date));
  const market = model.marketHours;
  if (!market) {
    return { timeZone: "UTC", marketDays: [1, 2, 3, 4, 5], startMinute: 0, endMinute: 0, holidays };
  }
  return {
    timeZone: market.time_zone,
    marketDays: market.days_of_week,
    startMinute: minuteOfDay(market.start_time),
    endMinute: minuteOfDay(market.end_time),
    holidays,
  };
}

function minuteOfDay(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
}

/** The class of an instant: holiday first, then weekend, then market hours or after hours. */
export function classify(calendar: Calendar, instant: number): TimeClass {
  const wall = toWall(calendar.timeZone, instant);
  const day = Math.floor(wall / DAY_MS);
  if (calendar.holidays.has(new Date(day * DAY_MS).toISOString().slice(0, 10))) return "holiday";
  if (!calendar.marketDays.includes(isoWeekday(day))) return "weekend";
  const minute = (wall - day * DAY_MS) / MINUTE_MS;
  return minute >= calendar.startMinute && minute < calendar.endMinute
    ? "market_hours"
    : "after_hours";
}

export interface Sample {
  timeClass: TimeClass;
  instant: number;
}

/**
 * One instant per class within [from, to), the earliest day that has one: the middle of market
 * hours, the middle of the evening after them, noon on a weekend day, and on a holiday the middle
 * of what would have been market hours (where PagerDuty's support hours still apply). Classes the
 * window does not contain are left out. Sorted in {@link TIME_CLASSES} order.
 */
export function sampleInstants(calendar: Calendar, from: number, to: number): Sample[] {
  const zone = calendar.timeZone;
  const { startMinute, endMinute } = calendar;
  const marketMiddle = (startMinute + endMinute) / 2;
  const evening = endMinute < 1440 ? (endMinute + 1440) / 2 : startMinute / 2;
  const found = new Map<TimeClass, number>();

  const firstDay = Math.floor(toWall(zone, from) / DAY_MS);
  const lastDay = Math.floor(toWall(zone, to) / DAY_MS);
  for (let day = firstDay; day <= lastDay && found.size < TIME_CLASSES.length; day++) {
    const candidates: [TimeClass, number][] = [
      ["market_hours", marketMiddle],
      ["after_hours", evening],
      ["weekend", 720],
      ["holiday", startMinute < endMinute ? marketMiddle : 720],
    ];
    for (const [timeClass, minute] of candidates) {
      if (found.has(timeClass)) continue;
      const instant = fromWall(zone, day * DAY_MS + minute * MINUTE_MS);
      if (instant < from || instant >= to) continue;
      if (classify(calendar, instant) === timeClass) found.set(timeClass, instant);
    }
  }
  return TIME_CLASSES.filter((c) => found.has(c)).map((c) => ({
    timeClass: c,
    instant: found.get(c)!,
  }));
}
