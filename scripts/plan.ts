/**
 * npm run plan [-- --dir <root>] [--format text|json] [--show-personal] [--log-level <level>]
 * The offline preview: validates the data, expands it and prints what `pulumi up` would manage.
 * No credentials, no Pulumi CLI, no network.
 */
import path from "node:path";
import { EXIT, runCommand } from "../infra/cli/command";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { formatProblem } from "../infra/model/problem";
import { renderPlanJson, renderPlanText } from "../infra/render/plan";

await runCommand(
  {
    name: "plan",
    usage:
      "npm run plan -- [--dir <root>] [--format text|json] [--show-personal] [--log-level error|warn|info|debug]",
    options: { "show-personal": { type: "boolean" } },
    formats: ["text", "json"],
  },
  async ({ dir, format, values, log }) => {
    const root = path.resolve(dir);
    const started = performance.now();
    const { model, problems, files } = await loadOrg(root);
    log.debug(
      `read and validated ${files} file(s) in ${(performance.now() - started).toFixed(0)} ms`,
    );

    if (!model) {
      for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
      const errors = problems.filter((p) => p.level === "error").length;
      log.error(`${errors} error(s) in ${root}; nothing was planned`);
      return EXIT.findings;
    }

    const graph = expandGraph(model);
    const showPersonal = values["show-personal"] === true;
    const input = { graph, problems, showPersonal };
    process.stdout.write(format === "json" ? renderPlanJson(input) : renderPlanText(input));
    log.debug(
      `planned ${graph.resources.length} resources in ${(performance.now() - started).toFixed(0)} ms`,
    );
    return EXIT.ok;
  },
);
