/**
 * A problem found in the data: where it is, a stable code to search for, what is wrong and what to
 * do instead. Every stage collects problems and reports them all at once.
 */
import { maskPersonal } from "../cli/mask";
export type ProblemLevel = "error" | "warning";

export interface Problem {
  /** Stable identifier, for example `PHONE_TRUNK_PREFIX` or `REFERENCE_UNKNOWN`. */
  code: string;
  level: ProblemLevel;
  /** Path of the file relative to the data root, with forward slashes. */
  file: string;
  line: number;
  col: number;
  /** Path inside the document, for example `people[2].contact_methods[0].number`. */
  path: string;
  message: string;
  hint?: string;
  /**
   * Personal values (emails, phone numbers) quoted in the message or hint. Outputs meant for CI
   * logs mask them ({@link maskProblem}) unless the user asks to see them.
   */
  personal?: string[];
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** The problem with every personal value of its message and hint masked. */
export function maskProblem<P extends Problem>(problem: P): P {
  if (!problem.personal || problem.personal.length === 0) return problem;
  const mask = (text: string) =>
    problem.personal!.reduce((out, value) => out.split(value).join(maskPersonal(value)), text);
  const { personal: _quoted, ...rest } = problem;
  const masked = { ...rest, message: mask(problem.message) } as P;
  if (problem.hint !== undefined) masked.hint = mask(problem.hint);
  return masked;
}

/** `file:line:col level CODE at path: message (hint: …)`, personal values masked unless shown. */
export function formatProblem(problem: Problem, showPersonal = false): string {
  if (!showPersonal) problem = maskProblem(problem);
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  const hint = problem.hint ? ` (hint: ${problem.hint})` : "";
  const at = problem.path ? ` at ${problem.path}` : "";
  return `${where} ${problem.level} ${problem.code}${at}: ${problem.message}${hint}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code)
  );
}
