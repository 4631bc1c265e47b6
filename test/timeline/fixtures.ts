/** Small builders for timeline tests: one valid layer, changed one field at a time. */
import type { LayerInputs, RestrictionInputs, ScheduleInputs } from "../../infra/graph/inputs";
import { ref } from "../../infra/graph/types";
import { parseInstant } from "../../infra/timeline";

export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;
export const HOUR_MS = 3_600_000;

/** Epoch ms of an ISO instant with offset; keeps the expected values readable. */
export const at = (iso: string): number => parseInstant(iso);

export function layer(
  fields: Partial<Omit<LayerInputs, "users">> & { users: string[]; start: string },
): LayerInputs {
  const { users, ...rest } = fields;
  return {
    name: "primary",
    rotationVirtualStart: fields.start,
    rotationTurnLengthSeconds: DAY_S,
    ...rest,
    users: users.map(ref),
  };
}

export function schedule(timeZone: string, layers: LayerInputs[]): ScheduleInputs {
  return { name: "on-call", timeZone, layers };
}

export function daily(startTimeOfDay: string, durationSeconds: number): RestrictionInputs {
  return { type: "daily_restriction", startTimeOfDay, durationSeconds };
}

export function weekly(
  startDayOfWeek: number,
  startTimeOfDay: string,
  durationSeconds: number,
): RestrictionInputs {
  return { type: "weekly_restriction", startDayOfWeek, startTimeOfDay, durationSeconds };
}

/** Intervals with readable instants, for comparing with hand-written expectations. */
export function readable(intervals: { start: number; end: number; user?: string }[]) {
  return intervals.map(({ start, end, user }) => ({
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    ...(user === undefined ? {} : { user }),
  }));
}
