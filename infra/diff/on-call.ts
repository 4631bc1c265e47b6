/**
 * Who is on call, before and after, over a window: only the stretches where the answer differs,
 * and a call-out when the person on call right now changes, with the edit that would keep them.
 * PagerDuty re-counts a layer's turns from its rotation virtual start whenever its members change,
 * so removing one person usually hands the current turn to somebody else (field case F05).
 */
import { DateTime } from "luxon";
import type { LayerInputs, ScheduleInputs } from "../graph/inputs";
import type { Graph, SourceRef } from "../graph/types";
import { keepCurrentOnCall, onCallAt, onCallIntervals, type Shift } from "../timeline";

/** A stretch of the window in which the on-caller differs; null: nobody on call. */
export interface OnCallChange {
  start: number;
  end: number;
  before: string | null;
  after: string | null;
}

export interface OnCallHours {
  user: string;
  /** Hours on call within the window. */
  before: number;
  after: number;
}

/** The edit that keeps the current on-caller, for the layer that puts them on call. */
export type KeepCurrentFix =
  | {
      kind: "move-virtual-start";
      layer: string;
      /** Path of the layer in the data, for example `rotations[0].layers[1]`. */
      path: string;
      rotationVirtualStart: string;
    }
  | {
      kind: "end-layer";
      layer: string;
      path: string;
      /** When the current turn ends: the old layer's `end` and the new layer's `start`. */
      effective: string;
      /** The old layer's members, which it keeps until it ends (logical names). */
      previousMembers: string[];
      /** The new layer's members, as the change wrote them (logical names). */
      members: string[];
    }
  | { kind: "none"; reason: string };

export interface CurrentOnCallChange {
  before: string | null;
  after: string | null;
  /** Absent when nobody was on call before: there is no one to keep. */
  fix?: KeepCurrentFix;
}

export interface ScheduleOnCallDiff {
  name: string;
  displayName: string;
  timeZone: string;
  status: "added" | "changed" | "removed";
  source: SourceRef;
  changes: OnCallChange[];
  /** People whose hours on call in the window differ, sorted by name. */
  hours: OnCallHours[];
  /** Present when the on-caller at the start of the window differs. */
  current?: CurrentOnCallChange;
}

/**
 * Compares every schedule of the two graphs over [from, to). Schedules whose on-call answer is the
 * same throughout are left out, whatever else changed about them.
 */
export function diffOnCall(
  before: Graph,
  after: Graph,
  from: number,
  to: number,
): ScheduleOnCallDiff[] {
  const schedules = (graph: Graph) =>
    new Map(graph.resources.filter((s) => s.kind === "schedule").map((s) => [s.name, s] as const));
  const old = schedules(before);
  const current = schedules(after);
  const names = [...new Set([...old.keys(), ...current.keys()])].sort();

  const out: ScheduleOnCallDiff[] = [];
  for (const name of names) {
    const a = old.get(name);
    const b = current.get(name);
    const sa = a?.inputs as unknown as ScheduleInputs | undefined;
    const sb = b?.inputs as unknown as ScheduleInputs | undefined;
    const shiftsBefore = sa ? onCallIntervals(sa, from, to) : [];
    const shiftsAfter = sb ? onCallIntervals(sb, from, to) : [];
    const changes = compareShifts(shiftsBefore, shiftsAfter, from, to);
    if (changes.length === 0) continue;

    const diff: ScheduleOnCallDiff = {
      name,
      displayName: (sb ?? sa)!.name,
      timeZone: (sb ?? sa)!.timeZone,
      status: !a ? "added" : !b ? "removed" : "changed",
      source: (b ?? a)!.source,
      changes,
      hours: compareHours(shiftsBefore, shiftsAfter),
    };
    const nowBefore = sa ? onCallAt(sa, from) : null;
    const nowAfter = sb ? onCallAt(sb, from) : null;
    if (nowBefore !== nowAfter) {
      diff.current = { before: nowBefore, after: nowAfter };
      if (sa && sb && nowBefore !== null) {
        diff.current.fix = keepCurrentFix(sa, sb, from, nowBefore, b!.source.path);
      }
    }
    out.push(diff);
  }
  return out;
}

/** The stretches of [from, to) where the two lists of shifts name different people. */
export function compareShifts(
  before: Shift[],
  after: Shift[],
  from: number,
  to: number,
): OnCallChange[] {
  const cuts = new Set<number>([from, to]);
  for (const s of [...before, ...after]) {
    cuts.add(Math.max(from, Math.min(to, s.start)));
    cuts.add(Math.max(from, Math.min(to, s.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const who = (shifts: Shift[], t: number) =>
    shifts.find((s) => s.start <= t && t < s.end)?.user ?? null;

  const changes: OnCallChange[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const a = who(before, start);
    const b = who(after, start);
    if (a === b) continue;
    const last = changes[changes.length - 1];
    if (last && last.end === start && last.before === a && last.after === b) last.end = end;
    else changes.push({ start, end, before: a, after: b });
  }
  return changes;
}

function compareHours(before: Shift[], after: Shift[]): OnCallHours[] {
  const total = (shifts: Shift[]) => {
    const sums = new Map<string, number>();
    for (const s of shifts)
      sums.set(s.user, (sums.get(s.user) ?? 0) + (s.end - s.start) / 3_600_000);
    return sums;
  };
  const a = total(before);
  const b = total(after);
  const users = [...new Set([...a.keys(), ...b.keys()])].sort();
  return users
    .map((user) => ({ user, before: a.get(user) ?? 0, after: b.get(user) ?? 0 }))
    .filter((h) => Math.abs(h.before - h.after) > 1e-9);
}

/**
 * The edit that keeps `holder` on call at `now`: the layer that put them on call before is the
 * top-most layer with someone on call at `now` (the later layer wins). If they are still among its
 * members after the change, a rotation virtual start a whole number of turns earlier re-aligns the
 * count; if they were removed, the old layer ends when their current turn ends and a new layer with
 * the new members starts there. Each proposal is checked against the new schedule before it is
 * offered.
 */
function keepCurrentFix(
  before: ScheduleInputs,
  after: ScheduleInputs,
  now: number,
  holder: string,
  schedulePath: string,
): KeepCurrentFix {
  const zone = before.timeZone;
  let index = -1;
  for (let i = before.layers.length - 1; i >= 0; i--) {
    if (onCallAt({ ...before, layers: [before.layers[i]!] }, now) !== null) {
      index = i;
      break;
    }
  }
  const oldLayer = before.layers[index];
  if (oldLayer === undefined) return { kind: "none", reason: "no layer had anyone on call" };

  // Layers have no id of their own in PagerDuty: match by name, else by position.
  const sameName = after.layers.filter((l) => l.name === oldLayer.name);
  const newIndex = sameName.length === 1 ? after.layers.indexOf(sameName[0]!) : index;
  const newLayer = after.layers[newIndex];
  if (newLayer === undefined) {
    return {
      kind: "none",
      reason: `layer ${oldLayer.name}, which put ${holder} on call, was removed`,
    };
  }
  const path = `${schedulePath}.layers[${newIndex}]`;

  if (newLayer.users.some((u) => u.ref === holder)) {
    const virtualStart = keepCurrentOnCall(oldLayer, zone, now, newLayer.users);
    if (virtualStart !== null) {
      const layers = after.layers.map((l, i) =>
        i === newIndex ? { ...l, rotationVirtualStart: virtualStart } : l,
      );
      if (onCallAt({ ...after, layers }, now) === holder) {
        return {
          kind: "move-virtual-start",
          layer: newLayer.name,
          path,
          rotationVirtualStart: virtualStart,
        };
      }
    }
    return {
      kind: "none",
      reason: `no rotation_virtual_start of layer ${newLayer.name} keeps ${holder}: other fields of the schedule changed as well`,
    };
  }

  const effective = endOfTurn(oldLayer, zone, now);
  return {
    kind: "end-layer",
    layer: newLayer.name,
    path,
    effective: DateTime.fromMillis(effective, { zone }).toISO({ suppressMilliseconds: true })!,
    previousMembers: oldLayer.users.map((u) => u.ref),
    members: newLayer.users.map((u) => u.ref),
  };
}

/**
 * When the turn running at `now` ends: the layer's rotation alone (restrictions, start and end only
 * hide turns), so the handoff is the one the rotation would make anyway.
 */
function endOfTurn(layer: LayerInputs, zone: string, now: number): number {
  const { restrictions: _hidden, end: _end, ...rotation } = layer;
  const turn = layer.rotationTurnLengthSeconds * 1000;
  const bare: LayerInputs = { ...rotation, start: new Date(now - 2 * turn).toISOString() };
  const horizon = now + 2 * turn + 2 * 86_400_000;
  const shifts = onCallIntervals({ name: "turn", timeZone: zone, layers: [bare] }, now, horizon);
  // One member alone holds every turn, so the merged stretch never ends: end at the next turn.
  return shifts[0] && shifts[0].end < horizon ? shifts[0].end : now + turn;
}
