/**
 * Date-times in the data are wall-clock times in a schedule's zone unless they carry an offset.
 * The rule, stated once: a local time that does not exist (the hour skipped when clocks spring
 * forward) or that occurs twice (the hour repeated when they fall back) is refused, because
 * PagerDuty would silently pick one and the handoff would move by an hour. The arithmetic is the
 * timeline's (infra/timeline/zone.ts); this adapter only writes the result as PagerDuty returns it.
 */
import { DateTime } from "luxon";
import { localToInstant, parseInstant } from "../timeline/zone";

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
  return (
    DateTime.fromMillis(instant, { zone }).toISO({
      suppressMilliseconds: true,
      includeOffset: true,
    }) ?? ""
  );
}
