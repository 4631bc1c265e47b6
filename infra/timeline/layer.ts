/**
 * One schedule layer as turns: who holds each turn, when it starts, and the spans in which the
 * layer puts someone on call.
 *
 * Turns are counted from the layer's rotation virtual start: turn k belongs to users[k mod n]
 * (k may be negative before the virtual start). Handoff rule across DST:
 * - a turn length that is a whole number of days (86400 s, 604800 s, …) advances in local calendar
 *   days, so handoffs stay at the virtual start's wall-clock time in the schedule's zone: a daily
 *   turn starting 09:00 in America/New_York hands off at 09:00 local before and after a DST change
 *   (14:00Z, then 13:00Z), and that turn is 23 h or 25 h long;
 * - any other turn length (8 h, 12 h, 36 h, …) advances in absolute seconds, so its handoffs keep
 *   their UTC time and move by an hour of wall-clock time when DST changes.
 * Handoff wall times that DST skips or repeats follow the resolution rule of `zone.ts`.
 */
import type { LayerInputs } from "../graph/inputs";
import { type Span, intersect } from "./intervals";
import { type PreparedRestriction, prepareRestriction, restrictionSpans } from "./restrictions";
import { DAY_MS, fromWall, parseInstant, toWall } from "./zone";

export interface Shift extends Span {
  /** Logical name of the user on call. */
  user: string;
}

export interface PreparedLayer {
  zone: string;
  start: number;
  /** `Infinity` for a layer that has not been ended. */
  end: number;
  virtualStart: number;
  virtualStartWall: number;
  turnMs: number;
  wholeDays: boolean;
  users: string[];
  restrictions: PreparedRestriction[];
}

export function prepareLayer(layer: LayerInputs, zone: string): PreparedLayer {
  const turnMs = layer.rotationTurnLengthSeconds * 1000;
  if (!Number.isInteger(layer.rotationTurnLengthSeconds) || turnMs <= 0) {
    throw new RangeError(
      `Layer "${layer.name}": turn length ${layer.rotationTurnLengthSeconds} s must be a positive whole number of seconds.`,
    );
  }
  const virtualStart = parseInstant(layer.rotationVirtualStart);
  return {
    zone,
    start: parseInstant(layer.start),
    end: layer.end === undefined ? Infinity : parseInstant(layer.end),
    virtualStart,
    // The offset written in the data need not be the zone's: the zone decides the wall clock.
    virtualStartWall: toWall(zone, virtualStart),
    turnMs,
    wholeDays: turnMs % DAY_MS === 0,
    users: layer.users.map((user) => user.ref),
    restrictions: (layer.restrictions ?? []).map(prepareRestriction),
  };
}

/** The instant turn `k` begins (turn 0 begins at the rotation virtual start). */
export function turnStart(layer: PreparedLayer, k: number): number {
  return layer.wholeDays
    ? fromWall(layer.zone, layer.virtualStartWall + k * layer.turnMs)
    : layer.virtualStart + k * layer.turnMs;
}

/** The turn running at `instant`. */
export function turnAt(layer: PreparedLayer, instant: number): number {
  if (!layer.wholeDays) return Math.floor((instant - layer.virtualStart) / layer.turnMs);

  // Wall-clock distance is within a DST shift of the real one, so the estimate is off by at most
  // one turn either way.
  let k = Math.floor((toWall(layer.zone, instant) - layer.virtualStartWall) / layer.turnMs);
  while (turnStart(layer, k + 1) <= instant) k++;
  while (turnStart(layer, k) > instant) k--;
  return k;
}

/** Logical name of the holder of turn `k`, or null for a layer without users. */
export function turnHolder(layer: PreparedLayer, k: number): string | null {
  const n = layer.users.length;
  return n === 0 ? null : (layer.users[((k % n) + n) % n] ?? null);
}

/**
 * Who the layer puts on call within [from, to): the turns, cut to the layer's start and end and to
 * its restrictions. Sorted, non-overlapping; consecutive turns of one user are not merged here.
 */
export function expandLayer(layer: PreparedLayer, from: number, to: number): Shift[] {
  const windowStart = Math.max(from, layer.start);
  const windowEnd = Math.min(to, layer.end);
  if (windowStart >= windowEnd || layer.users.length === 0) return [];

  const shifts: Shift[] = [];
  let k = turnAt(layer, windowStart);
  let start = turnStart(layer, k);
  while (start < windowEnd) {
    const next = turnStart(layer, k + 1);
    shifts.push({
      start: Math.max(start, windowStart),
      end: Math.min(next, windowEnd),
      user: turnHolder(layer, k) as string,
    });
    k++;
    start = next;
  }

  if (layer.restrictions.length === 0) return shifts;
  return intersect(
    shifts,
    restrictionSpans(layer.restrictions, layer.zone, windowStart, windowEnd),
  );
}
