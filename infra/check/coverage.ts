/**
 * check: every rotation against the hours it must cover (`covers`), measured on the expanded
 * schedule over the horizon, and people on call in two `exclusive` rotations at the same moment.
 */
import type { Graph } from "../graph/types";
import { names } from "../graph/expand/names";
import type { OrgModel, Rotation } from "../model/types";
import { computeCoverage, findDoubleBookings, type CoverageRequirement } from "../timeline";
import { findingAt, formatDuration, isoMinute, type Finding } from "./finding";
import type { OnCallIndex } from "./on-call";

/**
 * The requirement a rotation's `covers` stands for: `always`; `market_hours` as weekly windows in
 * the market's zone (holidays included: a rotation that must cover market hours is also checked
 * on market holidays); custom weekly windows in the rotation's own zone. Undefined when the
 * rotation needs market hours and the data has none (a validation error already says so).
 */
export function coverageRequirement(
  rotation: Rotation,
  model: OrgModel,
): CoverageRequirement | undefined {
  const covers = rotation.covers;
  if (covers === "always") return { kind: "always" };
  if (covers === "market_hours") {
    const market = model.marketHours;
    if (!market) return undefined;
    return {
      kind: "weekly",
      timeZone: market.time_zone,
      windows: market.days_of_week.map((day) => ({
        dayOfWeek: day,
        start: market.start_time.slice(0, 5),
        end: market.end_time.slice(0, 5),
      })),
    };
  }
  return {
    kind: "weekly",
    timeZone: rotation.time_zone,
    windows: covers.weekly.map((w) => ({ dayOfWeek: w.day_of_week, start: w.start, end: w.end })),
  };
}

export function checkCoverage(model: OrgModel, graph: Graph, onCall: OnCallIndex): Finding[] {
  const findings: Finding[] = [];
  const { from, to } = onCall;
  const horizon = `${isoMinute(from)} to ${isoMinute(to)}`;

  for (const rotation of model.rotations) {
    const name = names.schedule(rotation.id);
    const schedule = onCall.inputs(name);
    const requirement = coverageRequirement(rotation, model);
    if (!schedule || !requirement) continue;
    const coverage = computeCoverage(schedule, requirement, from, to);
    const percentage = Math.round(coverage.percentage * 100) / 100;
    const spec = onCall.spec(name)!;
    for (const gap of coverage.gaps) {
      findings.push(
        findingAt(
          spec.source,
          "COVERAGE_GAP",
          "error",
          `rotation ${rotation.id} must cover ${describeCovers(rotation)} but nobody is on call from ${isoMinute(gap.start)} to ${isoMinute(gap.end)} (${formatDuration(gap.seconds)}); covered ${percentage} % from ${horizon}`,
          "add a layer or widen the restrictions so someone is on call then, or narrow covers",
          {
            rotation: rotation.id,
            start: isoMinute(gap.start),
            end: isoMinute(gap.end),
            gapSeconds: gap.seconds,
            coveragePercent: percentage,
          },
        ),
      );
    }
  }

  const exclusive = model.rotations
    .filter((r) => r.exclusive)
    .map((r) => ({ rotation: r, name: names.schedule(r.id) }))
    .filter(({ name }) => onCall.inputs(name) !== undefined);
  const bookings = findDoubleBookings(
    exclusive.map(({ name }) => ({ name, inputs: onCall.inputs(name)! })),
    from,
    to,
  );
  // One finding per person and pair of rotations, at the first overlap: the same rotations
  // usually collide every turn, and one line per turn would bury the rest.
  const grouped = new Map<string, typeof bookings>();
  for (const booking of bookings) {
    const key = `${booking.user}|${booking.schedules.join("|")}`;
    grouped.set(key, [...(grouped.get(key) ?? []), booking]);
  }
  for (const group of grouped.values()) {
    const first = group[0]!;
    const [a, b] = first.schedules.map((s) => exclusive.find((e) => e.name === s)!.rotation);
    const total = group.reduce((sum, g) => sum + g.seconds, 0);
    const person = first.user.replace(/^user-/, "");
    findings.push(
      findingAt(
        b!.origin,
        "DOUBLE_BOOKED",
        "error",
        `${person} is on call in the exclusive rotations ${a!.id} and ${b!.id} at once from ${isoMinute(first.start)} to ${isoMinute(first.end)} (${formatDuration(first.seconds)}); ${group.length} overlap(s), ${formatDuration(total)} in all from ${horizon}`,
        "change the members or the rotation virtual start of one rotation so their turns do not meet",
        {
          user: first.user,
          rotations: [a!.id, b!.id],
          start: isoMinute(first.start),
          end: isoMinute(first.end),
          overlaps: group.length,
          overlapSeconds: total,
        },
      ),
    );
  }
  return findings;
}

function describeCovers(rotation: Rotation): string {
  const covers = rotation.covers;
  if (covers === "always") return "every hour";
  if (covers === "market_hours") return "market hours";
  return `${covers.weekly.length} weekly window(s) in ${rotation.time_zone}`;
}
