/**
 * A finding of the checks: a {@link Problem} (stable code, level, file:line:col of the YAML that
 * caused it, message, hint) plus the figures behind it, so tests and JSON readers compare numbers
 * instead of parsing sentences.
 */
import { compareProblems, type Problem, type ProblemLevel } from "../model/problem";
import type { SourceRef } from "../graph/types";

/** Stable codes of the checks. Validation problems keep their own codes (see infra/model). */
export const FINDING_CODES = [
  "COVERAGE_GAP",
  "DOUBLE_BOOKED",
  "ESCALATION_NOBODY_ON_CALL",
  "SLA_ESCALATION_LATE",
  "SLA_LEVEL_LATE",
  "SLA_LEVEL_MISSING",
  "RESPONDER_NOT_PAGED",
  "URGENCY_MISMATCH",
  "URGENCY_HOLIDAY",
  "URGENCY_SEVERITY_BASED",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** A figure behind a finding: minutes, percentages, ISO instants, ids. */
export type Fact = number | string | string[];

export interface Finding extends Problem {
  /** The figures behind the message, by name, for example `{ reachedAtMinute: 45, requiredByMinute: 30 }`. */
  facts: Record<string, Fact>;
}

export function findingAt(
  source: SourceRef,
  code: FindingCode,
  level: ProblemLevel,
  message: string,
  hint: string | undefined,
  facts: Record<string, Fact>,
): Finding {
  const finding: Finding = {
    code,
    level,
    file: source.file,
    line: source.line,
    col: source.col,
    path: source.path,
    message,
    facts,
  };
  if (hint !== undefined) finding.hint = hint;
  return finding;
}

/** Validation problems shown next to findings, with no figures. */
export function fromProblem(problem: Problem): Finding {
  return { ...problem, facts: {} };
}

/** By file, line, column and code, then message, so output is stable between runs. */
export function compareFindings(a: Problem, b: Problem): number {
  return compareProblems(a, b) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function countLevels(findings: readonly Problem[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.level === "error").length;
  return { errors, warnings: findings.length - errors };
}

/** An instant as ISO 8601 UTC without milliseconds, for messages and facts. */
export function isoMinute(instant: number): string {
  return new Date(instant).toISOString().replace(/:\d{2}\.\d{3}Z$/, "Z");
}

/** A length of time in hours and minutes, for example `60 h` or `1 h 30 min`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
