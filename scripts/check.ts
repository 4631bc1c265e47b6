/**
 * npm run check -- [--dir <root>] [--now <iso>] [--horizon-days 28] [--format text|json|github]
 *   [--log-level error|warn|info|debug]
 * Every validation problem and every check finding at once, each with file:line:col, a stable code
 * and a hint. Exit 0 when nothing is an error (warnings allowed), 1 when something is, 2 when the
 * checks could not run.
 */
import path from "node:path";
import { EXIT, UsageError, runCommand, parseNow } from "../infra/cli/command";
import { DEFAULT_HORIZON_DAYS, runChecks, type CheckResult } from "../infra/check/index";
import { countLevels, fromProblem, type Finding } from "../infra/check/finding";
import {
  renderFindingsGithub,
  renderFindingsJson,
  renderFindingsText,
} from "../infra/check/render";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { maskProblem } from "../infra/model/problem";

await runCommand(
  {
    name: "check",
    usage:
      "npm run check -- [--dir <root>] [--now <ISO instant>] [--horizon-days 28] [--format text|json|github] [--show-personal] [--log-level error|warn|info|debug]",
    options: {
      now: { type: "string" },
      "horizon-days": { type: "string" },
      "show-personal": { type: "boolean" },
    },
    formats: ["text", "json", "github"],
  },
  async ({ dir, format, values, log }) => {
    const root = path.resolve(dir);
    const now = parseNow(values.now);
    const horizonDays = parseHorizon(values["horizon-days"]);
    const started = performance.now();

    const { model, problems, files } = await loadOrg(root);
    log.debug(`read and validated ${files} file(s) in ${elapsed(started)} ms`);
    let findings: Finding[] = problems.map(fromProblem);
    let result: CheckResult | undefined;
    if (model) {
      const checksStarted = performance.now();
      const graph = expandGraph(model);
      result = runChecks(model, graph, { now, horizonDays });
      findings = [...findings, ...result.findings];
      log.debug(
        `checked ${graph.resources.length} resources over ${horizonDays} day(s) in ${elapsed(checksStarted)} ms (${elapsed(started)} ms in all)`,
      );
    }

    // Emails and phone numbers quoted by a finding are masked: CI logs are widely readable.
    if (values["show-personal"] !== true) findings = findings.map(maskProblem);
    const render =
      format === "json"
        ? renderFindingsJson(findings, result)
        : format === "github"
          ? renderFindingsGithub(findings, root)
          : renderFindingsText(findings, result);
    process.stdout.write(render);
    const { errors } = countLevels(findings);
    if (!model) log.error(`${errors} validation error(s) in ${root}; the checks did not run`);
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
);

function parseHorizon(value: string | boolean | undefined): number {
  if (value === undefined) return DEFAULT_HORIZON_DAYS;
  const days = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(days >= 1 && days <= 366))
    throw new UsageError(
      `--horizon-days must be a whole number of days from 1 to 366, not ${String(value)}`,
    );
  return days;
}

function elapsed(since: number): string {
  return (performance.now() - since).toFixed(0);
}
