/**
 * Wall-clock arithmetic in a schedule's time zone.
 *
 * Instants are epoch milliseconds. A "wall" value is the local date and time of a zone written as
 * if it were UTC epoch milliseconds: every local day is exactly 86,400,000 wall ms long, so adding
 * whole local days is plain addition, and converting back to an instant is where DST is handled.
 *
 * Resolution rule for wall times that DST makes awkward (used for turn handoffs and restriction
 * edges, never for user-written values, which {@link localToInstant} refuses instead):
 * - a wall time that does not exist (clocks jump forward over it) moves forward by the length of
 *   the jump: 02:30 on 2024-03-10 in America/New_York becomes 03:30 EDT (07:30Z);
 * - a wall time that occurs twice (clocks fall back) is the earlier occurrence: 01:30 on
 *   2024-11-03 in America/New_York is 01:30 EDT (05:30Z).
 */
import { IANAZone } from "luxon";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Offsets of one UTC day: the offset at its start and, if it changes that day, when and to what. */
interface DayOffsets {
  before: number;
  /** First instant of the new offset; `Infinity` when the offset does not change that day. */
  changeAt: number;
  after: number;
}

/**
 * Luxon computes an offset through `Intl` (several microseconds per call), and a timeline asks for
 * thousands of them, so offsets are memoised per zone and UTC day. A day is assumed to hold at
 * most one offset change; no zone in the tz database changes its offset twice within a day.
 */
const offsetCache = new Map<string, { zone: IANAZone; days: Map<number, DayOffsets> }>();

function zoneEntry(zone: string): { zone: IANAZone; days: Map<number, DayOffsets> } {
  let entry = offsetCache.get(zone);
  if (entry === undefined) {
    const iana = IANAZone.create(zone);
    if (!iana.isValid) {
      throw new RangeError(`Unknown time zone "${zone}": use an IANA name such as "Europe/Paris".`);
    }
    entry = { zone: iana, days: new Map() };
    offsetCache.set(zone, entry);
  }
  return entry;
}

/** The offset of `zone` from UTC at `instant`, in minutes (east positive). */
export function offsetMinutes(zone: string, instant: number): number {
  const entry = zoneEntry(zone);
  const day = Math.floor(instant / DAY_MS);
  let offsets = entry.days.get(day);
  if (offsets === undefined) {
    offsets = dayOffsets(entry.zone, day);
    entry.days.set(day, offsets);
  }
  return instant < offsets.changeAt ? offsets.before : offsets.after;
}

function dayOffsets(zone: IANAZone, day: number): DayOffsets {
  const start = day * DAY_MS;
  const before = zone.offset(start);
  const after = zone.offset(start + DAY_MS);
  if (before === after) return { before, changeAt: Infinity, after };

  // Offsets change on whole minutes: search the first minute of the day with the new offset.
  let low = 0;
  let high = 1440;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(start + middle * MINUTE_MS) === before) low = middle;
    else high = middle;
  }
  return { before, changeAt: start + high * MINUTE_MS, after };
}

/** Whether luxon (and so this module) knows `zone`. */
export function isKnownZone(zone: string): boolean {
  // luxon asks Intl on every call; a large organisation asks about the same few zones thousands
  // of times, so the offset cache doubles as the answer for zones already seen.
  return offsetCache.has(zone) || IANAZone.isValidZone(zone);
}

/** The wall-clock value of `instant` in `zone`. */
export function toWall(zone: string, instant: number): number {
  return instant + offsetMinutes(zone, instant) * MINUTE_MS;
}

/**
 * Every instant whose wall-clock value in `zone` is `wall`, earliest first: one normally, none in
 * a spring-forward gap, two in a fall-back overlap.
 */
export function wallCandidates(zone: string, wall: number): number[] {
  // The instant lies within 14 h of the wall value (the largest offset in use), so the offsets in
  // force 18 h either side are the only ones it can have: at most one change falls in between.
  const early = offsetMinutes(zone, wall - 18 * HOUR_MS);
  const late = offsetMinutes(zone, wall + 18 * HOUR_MS);
  const found: number[] = [];
  for (const offset of early === late ? [early] : [early, late]) {
    const instant = wall - offset * MINUTE_MS;
    if (offsetMinutes(zone, instant) === offset && !found.includes(instant)) found.push(instant);
  }
  return found.sort((a, b) => a - b);
}

/** The instant of `wall` in `zone` under the resolution rule stated at the top of this file. */
export function fromWall(zone: string, wall: number): number {
  const candidates = wallCandidates(zone, wall);
  const first = candidates[0];
  if (first !== undefined) return first;

  // In a gap, the offset before the jump maps the wall time to the instant that far past it.
  return wall - offsetMinutes(zone, wall - 18 * HOUR_MS) * MINUTE_MS;
}

/** ISO weekday (Monday = 1 … Sunday = 7) of the wall day number `wallDay` (1970-01-01 = 0). */
export function isoWeekday(wallDay: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((wallDay + 3) % 7) + 7) % 7) + 1;
}

export type LocalTimeError = {
  ok: false;
  /**
   * `nonexistent`: skipped by a DST change; `ambiguous`: happens twice; `malformed`: not
   * `YYYY-MM-DDTHH:mm[:ss]` or not a real date; `unknownZone`: the zone is not an IANA name.
   */
  kind: "nonexistent" | "ambiguous" | "malformed" | "unknownZone";
  message: string;
};

export type LocalTimeResult = { ok: true; instant: number } | LocalTimeError;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant of a local date and time (`YYYY-MM-DDTHH:mm[:ss]`, no offset) in `zone`. Unlike the
 * timeline's own resolution rule, a time that DST skips or repeats is refused: written by a
 * person, it is a mistake to point out, not something to guess.
 */
export function localToInstant(local: string, zone: string): LocalTimeResult {
  if (!isKnownZone(zone)) {
    return {
      ok: false,
      kind: "unknownZone",
      message: `Unknown time zone "${zone}": use an IANA name such as "America/New_York".`,
    };
  }
  const match = LOCAL_DATE_TIME.exec(local);
  const wall = match === null ? NaN : wallOf(match);
  if (Number.isNaN(wall)) {
    return {
      ok: false,
      kind: "malformed",
      message: `"${local}" is not a local date and time: write YYYY-MM-DDTHH:mm or YYYY-MM-DDTHH:mm:ss, without an offset.`,
    };
  }

  const candidates = wallCandidates(zone, wall);
  if (candidates.length === 1) return { ok: true, instant: candidates[0] as number };
  if (candidates.length === 0) {
    return {
      ok: false,
      kind: "nonexistent",
      message: `${local} does not exist in ${zone}: the clocks skip it for daylight saving time; choose a time outside the jump.`,
    };
  }
  const [first, second] = candidates.map((instant) => new Date(instant).toISOString());
  return {
    ok: false,
    kind: "ambiguous",
    message: `${local} happens twice in ${zone} (at ${first} and at ${second}) because the clocks fall back; choose another time or write the instant with its offset.`,
  };
}

function wallOf(match: RegExpExecArray): number {
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(wall);
  // Date.UTC rolls 2024-02-30 over to March; a rolled-over value is a typo, not a date.
  const exact =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month! - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  return exact ? wall : NaN;
}

const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Epoch milliseconds of an ISO 8601 instant. The offset is required: without it the instant
 * would depend on the host's time zone. PagerDuty may return a different offset for the same
 * instant, which is why everything downstream compares instants, not strings.
 */
export function parseInstant(iso: string): number {
  const instant = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(instant)) {
    throw new RangeError(
      `"${iso}" is not an ISO 8601 instant with an offset, such as 2024-03-10T09:00:00-04:00.`,
    );
  }
  return instant;
}
