/**
 * Date-times in the data are wall-clock times in a schedule's zone unless they carry an offset.
 * The rule, stated once: a local time that does not exist (the hour skipped when clocks spring
 * forward) or that occurs twice (the hour repeated when they fall back) is refused, because
 * PagerDuty would silently pick one and the handoff would move by an hour. The arithmetic is the
 * timeline's (infra/timeline/zone.ts); this adapter only writes the result as PagerDuty returns it.
 */
import { localToInstant, offsetMinutes, parseInstant } from "../timeline/zone";

export type LocalTimeResult =
  | { ok: true; instant: number }
  | { ok: false; kind: "nonexistent" | "ambiguous" | "invalid"; message: string };

export function resolveDateTime(written: string, zone: string): LocalTimeResult {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(written)) {
    try {
      return { ok: true, instant: parseInstant(written) };
    } catch {
      return { ok: false, kind: "invalid", message: `${written} is not a valid date-time` };
    }
  }
  const result = localToInstant(written, zone);
  if (result.ok) return result;
  const kind =
    result.kind === "nonexistent" || result.kind === "ambiguous" ? result.kind : "invalid";
  return { ok: false, kind, message: result.message };
}

/** ISO 8601 with the zone's offset at that instant, as PagerDuty returns schedule times. */
export function formatInstant(instant: number, zone: string): string {
  const offset = offsetMinutes(zone, instant);
  const wall = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const sign = offset > 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${wall}${sign}${hh}:${mm}`;
}
