/**
 * Who is on call in a schedule, as PagerDuty's final schedule shows it: the layers' shifts laid on
 * top of each other, the later layer in the list winning wherever two put someone on call. Where a
 * later layer has nobody (outside its restrictions, before its start, after its end), the layers
 * below show through.
 *
 * Times are epoch milliseconds and windows are half-open: [from, to).
 */
import type { ScheduleInputs } from "../graph/inputs";
import { type Span, subtract, union } from "./intervals";
import { type Shift, expandLayer, prepareLayer } from "./layer";

export type { Shift } from "./layer";

/**
 * The on-call intervals of `schedule` within [from, to): sorted by start, non-overlapping, and
 * merged where one user's intervals touch (a two-turn stretch of the same person is one interval).
 * Times nobody is on call are absent.
 */
export function onCallIntervals(schedule: ScheduleInputs, from: number, to: number): Shift[] {
  if (!(to > from)) return [];

  const shifts: Shift[] = [];
  let taken: Span[] = [];
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const layer = prepareLayer(schedule.layers[i]!, schedule.timeZone);
    const own = expandLayer(layer, from, to);
    shifts.push(...subtract(own, taken));
    taken = union([...taken, ...own]);
  }

  shifts.sort((a, b) => a.start - b.start);
  const merged: Shift[] = [];
  for (const shift of shifts) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.user === shift.user && last.end === shift.start) {
      last.end = shift.end;
    } else {
      merged.push({ start: shift.start, end: shift.end, user: shift.user });
    }
  }
  return merged;
}

/** Logical name of the user on call at `instant`, or null when nobody is. */
export function onCallAt(schedule: ScheduleInputs, instant: number): string | null {
  return onCallIntervals(schedule, instant, instant + 1)[0]?.user ?? null;
}
