/**
 * npm run diff -- --base <git ref> [--dir <root>] [--now <iso>] [--weeks 4]
 *   [--format text|json|markdown] [--show-personal] [--log-level <level>]
 * The semantic change between the data at a git ref and the working tree: resources, escalation
 * timing and who is on call. A report: exit 0 whether or not anything changed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { EXIT, UsageError, parseNow, runCommand } from "../infra/cli/command";
import { diffGraphs, readTreeAtRef } from "../infra/diff";
import { expandGraph } from "../infra/graph/expand/index";
import type { Graph } from "../infra/graph/types";
import { loadOrg, type LoadResult } from "../infra/model/load";
import { formatProblem, maskProblem, type Problem } from "../infra/model/problem";
import { renderDiffJson, renderDiffText, type DiffReport } from "../infra/render/diff";
import { DIFF_COMMENT_MARKER, renderDiffMarkdown } from "../infra/render/diff-markdown";

const USAGE = `npm run diff -- --base <git ref> [--dir <root>] [--now <ISO instant>] [--weeks 4] [--format text|json|markdown] [--show-personal] [--log-level error|warn|info|debug]

Compares the data (contacts/ and policies/ under --dir, default the current folder) at --base with
the working tree: resources added, changed and removed; the minute each escalation level is reached;
who is on call over the next --weeks weeks (1-52, default 4) from --now (default the clock).
Emails and phone numbers are masked unless --show-personal is given.

Exit status: 0 when the report was written, whether or not anything changed (a diff is a report
for reviewers, not a finding, so a pull request that changes the data does not fail CI for it);
1 when the data is invalid at either side (the problems are printed); 2 when it could not run
(unknown ref, not a git repository, bad arguments).`;

const WEEK_MS = 7 * 86_400_000;

await runCommand(
  {
    name: "diff",
    usage: USAGE,
    options: {
      base: { type: "string" },
      now: { type: "string" },
      weeks: { type: "string" },
      "show-personal": { type: "boolean" },
    },
    formats: ["text", "json", "markdown"],
  },
  async ({ dir, format, values, log }) => {
    const ref = values.base;
    if (typeof ref !== "string" || ref === "") {
      throw new UsageError("--base <git ref> is required, for example --base origin/main");
    }
    const weeks = parseWeeks(values.weeks);
    const now = parseNow(values.now);
    const root = path.resolve(dir);
    if (!existsSync(root)) throw new UsageError(`--dir ${root} does not exist`);

    const tree = await readTreeAtRef(root, ref);
    let before: LoadResult;
    let after: LoadResult;
    try {
      log.debug(`read ${tree.files} file(s) of ${ref} (${tree.commit}) into ${tree.root}`);
      // A base without any data (the pull request that adds it) is an empty organisation.
      before =
        tree.files === 0 ? { model: undefined, problems: [], files: 0 } : await loadOrg(tree.root);
      after = await loadOrg(root);
    } finally {
      tree.cleanup();
    }

    const invalid = tree.files > 0 && !before.model;
    if (invalid || !after.model) {
      const sides = [
        { label: `${ref}:`, problems: invalid ? before.problems : [] },
        { label: "", problems: after.model ? [] : after.problems },
      ];
      process.stdout.write(renderProblems(format, ref, sides));
      const errors = sides.flatMap((s) => s.problems).filter((p) => p.level === "error").length;
      log.error(`${errors} error(s) in the data; nothing was compared`);
      return EXIT.findings;
    }

    const empty: Graph = { resources: [] };
    const graphBefore = before.model ? expandGraph(before.model) : empty;
    const graphAfter = expandGraph(after.model);
    const diff = diffGraphs(graphBefore, graphAfter, now, now + weeks * WEEK_MS);
    const report: DiffReport = {
      diff,
      base: { ref, commit: tree.commit },
      weeks,
      showPersonal: values["show-personal"] === true,
    };
    process.stdout.write(
      format === "json"
        ? renderDiffJson(report)
        : format === "markdown"
          ? renderDiffMarkdown(report)
          : renderDiffText(report),
    );
    return EXIT.ok;
  },
);

function parseWeeks(value: string | boolean | undefined): number {
  if (value === undefined) return 4;
  const weeks = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(weeks >= 1 && weeks <= 52)) {
    throw new UsageError(`--weeks must be a whole number from 1 to 52, not ${String(value)}`);
  }
  return weeks;
}

/** Problems of each side, the base's files prefixed with the ref as git writes `ref:path`. */
function renderProblems(
  format: string,
  ref: string,
  sides: { label: string; problems: Problem[] }[],
): string {
  if (format === "json") {
    const [base, workingTree] = sides;
    // Personal values quoted by a problem are masked, as in the text forms.
    const problems = {
      base: base!.problems.map(maskProblem),
      workingTree: workingTree!.problems.map(maskProblem),
    };
    return `${JSON.stringify({ problems }, null, 2)}\n`;
  }
  const lines = sides.flatMap((s) => s.problems.map((p) => `${s.label}${formatProblem(p)}`));
  if (format === "text") return `${lines.join("\n")}\n`;
  return [
    DIFF_COMMENT_MARKER,
    `## PagerDuty changes against \`${ref}\` cannot be shown`,
    "",
    "The data is invalid; fix these problems (`npm run check` explains each):",
    "",
    "```",
    ...lines,
    "```",
    "",
  ].join("\n");
}
