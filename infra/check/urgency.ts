/**
 * check: the urgency PagerDuty gives a service's incidents, per time class, against its severity's
 * urgency table. PagerDuty knows only "during" and "outside" support hours: it cannot tell a
 * weekday night from a weekend, and it has no holidays, so a table that treats holidays like
 * weekends can only be warned about.
 */
import type { ServiceInputs, SupportHoursInputs, UrgencyRuleInputs } from "../graph/inputs";
import type { Graph } from "../graph/types";
import { names } from "../graph/expand/names";
import type { OrgModel } from "../model/types";
import { DAY_MS, MINUTE_MS, isoWeekday, toWall } from "../timeline/zone";
import { findingAt, isoMinute, type Finding } from "./finding";
import { TIME_CLASS_NAMES, urgencyKey, type Sample, type TimeClass } from "./time-class";

/** The urgency a service's rule gives an incident opened at `instant`. */
export function urgencyAt(
  rule: UrgencyRuleInputs,
  supportHours: SupportHoursInputs | undefined,
  instant: number,
): "high" | "low" | "severity_based" {
  if (rule.type === "constant") return rule.urgency;
  const inside = supportHours !== undefined && withinSupportHours(supportHours, instant);
  return (inside ? rule.duringSupportHours : rule.outsideSupportHours).urgency;
}

export function withinSupportHours(hours: SupportHoursInputs, instant: number): boolean {
  const wall = toWall(hours.timeZone, instant);
  const day = Math.floor(wall / DAY_MS);
  if (!hours.daysOfWeeks.includes(isoWeekday(day))) return false;
  const minute = (wall - day * DAY_MS) / MINUTE_MS;
  return minute >= minutesOf(hours.startTime) && minute < minutesOf(hours.endTime);
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h! * 60 + m!;
}

export function checkUrgency(model: OrgModel, graph: Graph, samples: readonly Sample[]): Finding[] {
  const findings: Finding[] = [];
  const services = new Map(model.services.map((s) => [names.service(s.id), s]));
  for (const spec of graph.resources) {
    if (spec.kind !== "service") continue;
    const service = services.get(spec.name);
    const severity = service && model.severities.find((s) => s.id === service.severity);
    if (!service || !severity) continue;
    const inputs = spec.inputs as unknown as ServiceInputs;

    const mismatches: {
      timeClass: TimeClass;
      instant: number;
      actual: string;
      expected: string;
    }[] = [];
    let severityBased = false;
    for (const { timeClass, instant } of samples) {
      const actual = urgencyAt(inputs.incidentUrgencyRule, inputs.supportHours, instant);
      const expected = severity.urgency[urgencyKey(timeClass)];
      if (actual === "severity_based") severityBased = true;
      else if (actual !== expected) mismatches.push({ timeClass, instant, actual, expected });
    }

    if (severityBased) {
      findings.push(
        findingAt(
          spec.source,
          "URGENCY_SEVERITY_BASED",
          "warning",
          `service ${service.id} takes its urgency from each alert's severity, so its severity ${severity.id} urgency table cannot be checked`,
          "leave incident_urgency out to derive it from the severity, or write high or low",
          { service: service.id, severity: severity.id },
        ),
      );
    }
    const errors = mismatches.filter((m) => m.timeClass !== "holiday");
    if (errors.length > 0) {
      const classes = errors.map(
        (m) => `${TIME_CLASS_NAMES[m.timeClass]} (${m.actual}, wants ${m.expected})`,
      );
      findings.push(
        findingAt(
          spec.source,
          "URGENCY_MISMATCH",
          "error",
          `service ${service.id} gets the wrong urgency for severity ${severity.id} in ${classes.join(", ")}`,
          inputs.incidentUrgencyRule.type === "constant"
            ? "write the urgency the severity wants, or leave incident_urgency out to derive it from the severity"
            : "support hours split the week only into during and outside: weekday nights and weekends share one urgency; change the severity's urgency table or the service's rule",
          {
            service: service.id,
            severity: severity.id,
            timeClasses: errors.map((m) => m.timeClass),
            instants: errors.map((m) => isoMinute(m.instant)),
          },
        ),
      );
    }
    const holiday = mismatches.find((m) => m.timeClass === "holiday");
    if (holiday) {
      findings.push(
        findingAt(
          spec.source,
          "URGENCY_HOLIDAY",
          "warning",
          `service ${service.id} gets ${holiday.actual} urgency on the holiday at ${isoMinute(holiday.instant)}, where severity ${severity.id} wants ${holiday.expected} as on weekends; PagerDuty support hours cannot express holidays`,
          "change the urgency by hand for the day, or accept the weekday urgency on holidays",
          {
            service: service.id,
            severity: severity.id,
            instant: isoMinute(holiday.instant),
            actual: holiday.actual,
            expected: holiday.expected,
          },
        ),
      );
    }
  }
  return findings;
}
