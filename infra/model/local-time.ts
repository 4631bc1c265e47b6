/**
 * Date-times in the data are wall-clock times in a schedule's zone unless they carry an offset.
 * The rule, stated once: a local time that does not exist (the hour skipped when clocks spring
 * forward) or that occurs twice (the hour repeated when they fall back) is refused, because
 * PagerDuty would silently pick one and the handoff would move by an hour.
 */
import { DateTime } from "luxon";

export type LocalTimeResult =
  | { ok: true; instant: DateTime }
  | { ok: false; kind: "nonexistent" | "ambiguous" | "invalid"; message: string };

export function resolveDateTime(written: string, zone: string): LocalTimeResult {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(written)) {
    const instant = DateTime.fromISO(written, { setZone: true });
    if (!instant.isValid) return { ok: false, kind: "invalid", message: `${written} is not a valid date-time` };
    return { ok: true, instant: instant.setZone(zone) };
  }
  const local = DateTime.fromISO(written, { zone });
  if (!local.isValid) return { ok: false, kind: "invalid", message: `${written} is not a valid date-time` };

  const wall = DateTime.fromISO(written, { zone: "UTC" });
  const sameWall = (candidate: DateTime) =>
    candidate.isValid &&
    candidate.toFormat("yyyy-MM-dd'T'HH:mm:ss") === wall.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  if (!sameWall(local)) {
    return { ok: false, kind: "nonexistent", message: `${written} does not exist in ${zone} (clocks spring forward over it)` };
  }
  // The same wall-clock time an hour apart in UTC, both mapping back to the written time, means
  // the zone repeats that hour.
  const wallOf = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  const twin = [local.toUTC().minus({ hours: 1 }), local.toUTC().plus({ hours: 1 })]
    .map((d) => d.setZone(zone))
    .find((d) => wallOf(d) === wallOf(local));
  if (twin) {
    return { ok: false, kind: "ambiguous", message: `${written} occurs twice in ${zone} (clocks fall back over it)` };
  }
  return { ok: true, instant: local };
}

/** ISO 8601 with the zone's offset at that instant, as PagerDuty returns schedule times. */
export function formatInstant(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true }) ?? "";
}
