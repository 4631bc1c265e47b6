/**
 * npm run bench [-- --quick] [--seed N] [--people 5000 --rotations 1000 --services 1500]
 *                [--out <dir>] [--skip <stage>]...
 * Generates a synthetic organisation, then measures read, expand, check, plan, the same graph under
 * Pulumi's mocks, and the drift read against a local emulator, each stage in a fresh process.
 * The last line of the output is one machine-readable summary.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXIT, runCommand, UsageError } from "../infra/cli/command";
import { DEFAULT_SIZE, QUICK_SIZE, generateOrg, writeOrg } from "../bench/generate";
import { renderReport } from "../bench/report";
import { renderSummaryLine, runBench, summarise } from "../bench/run";
import { STAGES, type StageName } from "../bench/stages";

const USAGE =
  "npm run bench -- [--quick] [--seed N] [--people N --rotations N --services N] [--out <dir>] [--skip read|expand|check|plan|pipeline|mocks|drift]";

await runCommand(
  {
    name: "bench",
    usage: USAGE,
    options: {
      quick: { type: "boolean" },
      seed: { type: "string" },
      people: { type: "string" },
      rotations: { type: "string" },
      services: { type: "string" },
      out: { type: "string" },
      skip: { type: "string", multiple: true },
    },
    formats: ["text"],
  },
  async ({ values, log }) => {
    const base = values.quick ? QUICK_SIZE : DEFAULT_SIZE;
    const number = (name: string, fallback: number) => {
      const raw = values[name];
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 0)
        throw new UsageError(`--${name} must be a whole number, not ${String(raw)}`);
      return value;
    };
    const options = {
      seed: number("seed", 1),
      people: number("people", base.people),
      rotations: number("rotations", base.rotations),
      services: number("services", base.services),
    };
    const skip = (values.skip as unknown as string[] | undefined) ?? [];
    for (const stage of skip) {
      if (!STAGES.includes(stage as StageName))
        throw new UsageError(`--skip must name a stage (${STAGES.join(", ")}), not ${stage}`);
    }
    const stages = STAGES.filter((stage) => !skip.includes(stage));

    let org;
    try {
      org = generateOrg(options);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    // The organisation is never written into the repository: a temp folder, or --out (for
    // example the git-ignored .bench/) when the tree should be kept for a look.
    const root = values.out
      ? path.resolve(values.out as string)
      : mkdtempSync(path.join(os.tmpdir(), "pd-bench-"));
    await writeOrg(root, org);
    log.info(`bench: wrote ${org.counts.files} files to ${root}`);

    try {
      const run = await runBench(root, stages, log);
      const summary = summarise(run);
      process.stdout.write(renderReport(run, summary, { seed: options.seed, counts: org.counts }));
      process.stdout.write(`${renderSummaryLine(summary)}\n`);
    } finally {
      if (!values.out) rmSync(root, { recursive: true, force: true });
    }
    return EXIT.ok;
  },
);
