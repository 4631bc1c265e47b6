/**
 * npm run docs [-- --dir <root>] [--now <ISO instant>] [--out docs] [--log-level <level>]
 * Renders the SLA matrix, the escalation timelines, the on-call calendar and the contact directory
 * as static HTML, CSS and SVG under --out (default docs/, relative to the current folder). With
 * --now the output is the same byte for byte on every run; without it the clock decides who is on
 * call and where the calendar starts.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT, parseNow, runCommand } from "../infra/cli/command";
import { renderDocs, TIMELINE_FOLDER } from "../infra/docs/site";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { formatProblem } from "../infra/model/problem";

await runCommand(
  {
    name: "docs",
    usage:
      "npm run docs -- [--dir <root>] [--now <ISO instant>] [--out <folder>] [--log-level error|warn|info|debug]",
    options: { now: { type: "string" }, out: { type: "string" } },
    formats: ["html"],
  },
  async ({ dir, values, log }) => {
    const root = path.resolve(dir);
    const now = parseNow(values.now);
    const out = path.resolve((values.out as string | undefined) ?? "docs");
    const { model, problems } = await loadOrg(root);

    if (!model) {
      for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
      const errors = problems.filter((p) => p.level === "error").length;
      log.error(`${errors} error(s) in ${root}; no docs were rendered`);
      return EXIT.findings;
    }

    const files = renderDocs({ model, graph: expandGraph(model), now });
    await removeStaleTimelines(out, new Set(files.map((f) => f.path)));
    for (const file of files) {
      const target = path.join(out, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }
    log.info(
      `wrote ${files.length} files to ${out} for ${new Date(now).toISOString().replace(".000Z", "Z")}`,
    );
    return EXIT.ok;
  },
);

/**
 * A policy that was removed or renamed would leave its old SVG behind; only SVGs in the folder
 * the docs own are removed, never anything else under --out.
 */
async function removeStaleTimelines(out: string, current: Set<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(path.join(out, TIMELINE_FOLDER));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith(".svg") && !current.has(`${TIMELINE_FOLDER}/${name}`)) {
      await rm(path.join(out, TIMELINE_FOLDER, name));
    }
  }
}
