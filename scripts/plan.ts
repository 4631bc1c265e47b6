/**
 * npm run plan [-- --dir <root>] [--format text|json] [--show-personal] [--now <iso>]
 *   [--log-level <level>]
 * The offline preview: validates the data, expands it, prints what `pulumi up` would manage and
 * the summary of the checks (`npm run check` prints every finding). No credentials, no Pulumi CLI,
 * no network. Exit 1 when the data is invalid or a check finds an error.
 */
import path from "node:path";
import { EXIT, parseNow, runCommand } from "../infra/cli/command";
import { runChecks } from "../infra/check/index";
import { countLevels } from "../infra/check/finding";
import { summaryLines } from "../infra/check/render";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { formatProblem, maskProblem } from "../infra/model/problem";
import { renderPlanJson, renderPlanText } from "../infra/render/plan";

await runCommand(
  {
    name: "plan",
    usage:
      "npm run plan -- [--dir <root>] [--format text|json] [--show-personal] [--now <ISO instant>] [--log-level error|warn|info|debug]",
    options: { "show-personal": { type: "boolean" }, now: { type: "string" } },
    formats: ["text", "json"],
  },
  async ({ dir, format, values, log }) => {
    const root = path.resolve(dir);
    const now = parseNow(values.now);
    const started = performance.now();
    const { model, problems, files } = await loadOrg(root);
    log.debug(
      `read and validated ${files} file(s) in ${(performance.now() - started).toFixed(0)} ms`,
    );

    const showPersonal = values["show-personal"] === true;
    if (!model) {
      const shown = showPersonal ? problems : problems.map(maskProblem);
      if (format === "json") {
        process.stdout.write(`${JSON.stringify({ resources: [], problems: shown }, null, 2)}\n`);
      } else {
        for (const problem of shown) process.stdout.write(`${formatProblem(problem, true)}\n`);
      }
      const errors = problems.filter((p) => p.level === "error").length;
      log.error(`${errors} error(s) in ${root}; nothing was planned`);
      return EXIT.findings;
    }

    const graph = expandGraph(model);
    const checks = runChecks(model, graph, { now });
    const checkSummary = [
      ...summaryLines(checks.findings, checks),
      ...checks.findings.map((f) => `  ${formatProblem(f, showPersonal)}`),
    ];
    const input = { graph, problems, checkSummary, showPersonal };
    process.stdout.write(format === "json" ? renderPlanJson(input) : renderPlanText(input));
    log.debug(
      `planned and checked ${graph.resources.length} resources in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const { errors } = countLevels(checks.findings);
    if (errors > 0) log.error(`${errors} check error(s) in ${root}; see the check summary above`);
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
);
