/**
 * render: findings as text for people, JSON for tools, and GitHub workflow annotation lines
 * (`::error file=…,line=…,col=…,title=CODE::message`) that show up on the pull request's diff.
 */
import path from "node:path";
import { formatProblem } from "../model/problem";
import { countLevels, isoMinute, type Finding } from "./finding";
import type { CheckResult } from "./index";
import { TIME_CLASS_NAMES } from "./time-class";

export function renderFindingsText(findings: readonly Finding[], result?: CheckResult): string {
  // Findings arrive masked or not as the command decided; print them as they are.
  const out = findings.map((finding) => formatProblem(finding, true));
  out.push(...summaryLines(findings, result));
  return `${out.join("\n")}\n`;
}

/** The closing lines of the text output; plan prints them too. */
export function summaryLines(findings: readonly Finding[], result?: CheckResult): string[] {
  const { errors, warnings } = countLevels(findings);
  const lines = [`Checks: ${errors} error(s), ${warnings} warning(s)`];
  if (result) {
    const samples = result.samples
      .map((s) => `${TIME_CLASS_NAMES[s.timeClass]} at ${isoMinute(s.instant)}`)
      .join(", ");
    lines.push(
      `  horizon ${isoMinute(result.from)} to ${isoMinute(result.to)}; escalation evaluated in ${samples || "no time class"}`,
    );
  }
  return lines;
}

export function renderFindingsJson(findings: readonly Finding[], result?: CheckResult): string {
  const { errors, warnings } = countLevels(findings);
  const body: Record<string, unknown> = { errors, warnings, findings };
  if (result) {
    body.horizon = { from: isoMinute(result.from), to: isoMinute(result.to) };
    body.samples = result.samples.map((s) => ({
      timeClass: s.timeClass,
      instant: isoMinute(s.instant),
    }));
  }
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * One annotation per finding. GitHub wants file paths relative to the workspace, so paths (which
 * are relative to the data root) are re-based on `cwd`. Property values escape `%`, CR, LF, `:`
 * and `,`; the message escapes `%`, CR and LF, as the workflow-command syntax requires.
 */
export function renderFindingsGithub(
  findings: readonly Finding[],
  root: string,
  cwd: string = process.cwd(),
): string {
  const lines = findings.map((finding) => {
    const file = path.relative(cwd, path.join(root, finding.file)).split(path.sep).join("/");
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${finding.line}`,
      `col=${finding.col}`,
      `title=${escapeProperty(finding.code)}`,
    ].join(",");
    const hint = finding.hint ? ` (hint: ${finding.hint})` : "";
    return `::${finding.level}${props ? ` ${props}` : ""}::${escapeData(`${finding.message}${hint}`)}`;
  });
  const { errors, warnings } = countLevels(findings);
  lines.push(`Checks: ${errors} error(s), ${warnings} warning(s)`);
  return `${lines.join("\n")}\n`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
