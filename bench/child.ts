/**
 * One stage of the benchmark in a fresh process, so no stage's memory masks another's.
 * Usage: node --expose-gc --import tsx bench/child.ts <stage> --root <dir> [--url <emulator>]
 * Prints one JSON line (a StageReport) on stdout.
 */
import { parseArgs } from "node:util";
import { runStage, STAGES, type StageName } from "./stages";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { root: { type: "string" }, url: { type: "string" } },
});
const stage = positionals[0] as StageName;
if (!STAGES.includes(stage) || !values.root) {
  process.stderr.write(
    `bench child: usage: child.ts <${STAGES.join("|")}> --root <dir> [--url <u>]\n`,
  );
  process.exit(2);
}
const report = await runStage(stage, { root: values.root, url: values.url });
process.stdout.write(`${JSON.stringify(report)}\n`);
