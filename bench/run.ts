/**
 * Runs every stage of the benchmark, one fresh child process each and one after the other (so they
 * never compete for the two cores), and collects their reports. The drift stage gets an emulator of
 * its own in a second child, seeded with the same graph.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Logger } from "../infra/cli/command";
import { secondsAtRateLimit } from "./floor";
import type { StageName, StageReport } from "./stages";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "..");

export interface StageRun extends StageReport {
  /** Wall time of the child process, node and module loading included. */
  processSeconds: number;
}

export interface BenchRun {
  stages: Partial<Record<StageName, StageRun>>;
  /** What the emulator logged answering the drift read. */
  emulator?: { requests: number; statuses: Record<string, number> };
}

export interface Summary {
  planSeconds: number;
  peakMb: number;
  mocksSeconds: number;
  ratioVsMocks: number;
  driftRequests: number;
  requestFloor: number;
}

export async function runBench(
  root: string,
  stages: readonly StageName[],
  log: Logger,
): Promise<BenchRun> {
  const run: BenchRun = { stages: {} };
  for (const stage of stages) {
    log.info(`bench: ${stage}…`);
    if (stage === "drift") {
      const emulator = await startEmulatorChild(root);
      try {
        run.stages.drift = await runChild("drift", root, ["--url", emulator.url]);
      } finally {
        run.emulator = await emulator.stop();
      }
    } else {
      run.stages[stage] = await runChild(stage, root);
    }
    log.info(`bench: ${stage} took ${run.stages[stage]!.seconds.toFixed(2)} s`);
  }
  return run;
}

export function summarise(run: BenchRun): Summary {
  const planSeconds = run.stages.pipeline?.seconds ?? NaN;
  const mocksSeconds = run.stages.mocks?.seconds ?? NaN;
  return {
    planSeconds,
    peakMb: run.stages.pipeline?.peakMb ?? NaN,
    mocksSeconds,
    ratioVsMocks: mocksSeconds / planSeconds,
    driftRequests: Number(run.stages.drift?.detail.requests ?? NaN),
    requestFloor: Number(run.stages.drift?.detail.floor ?? NaN),
  };
}

/** The one machine-readable line, always the last line of the output. */
export function renderSummaryLine(s: Summary): string {
  const fixed = (value: number, digits: number) =>
    Number.isFinite(value) ? value.toFixed(digits) : "NA";
  const count = (value: number) => (Number.isFinite(value) ? String(value) : "NA");
  return (
    `plan_s=${fixed(s.planSeconds, 2)} peak_mb=${fixed(s.peakMb, 0)} ` +
    `mocks_s=${fixed(s.mocksSeconds, 2)} ratio_vs_mocks=${fixed(s.ratioVsMocks, 1)} ` +
    `drift_requests=${count(s.driftRequests)} request_floor=${count(s.requestFloor)}`
  );
}

export { secondsAtRateLimit };

function nodeArgs(script: string): string[] {
  return ["--expose-gc", "--import", "tsx", path.join(HERE, script)];
}

function runChild(stage: StageName, root: string, extra: string[] = []): Promise<StageRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...nodeArgs("child.ts"), stage, "--root", root, ...extra],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        const why = signal ? `was killed by ${signal}` : `exited with status ${code}`;
        reject(new Error(`the ${stage} stage ${why}: ${lastLines(stderr)}`));
        return;
      }
      const report = JSON.parse(line) as StageReport;
      resolve({ ...report, processSeconds: (performance.now() - started) / 1000 });
    });
  });
}

interface EmulatorChild {
  url: string;
  stop(): Promise<{ requests: number; statuses: Record<string, number> }>;
}

async function startEmulatorChild(root: string): Promise<EmulatorChild> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...nodeArgs("emulator-child.ts"), "--root", root],
    { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the emulator stopped: ${lastLines(stderr)}`);
    return JSON.parse(value as string);
  };
  const { url } = (await next()) as { url: string };
  return {
    url,
    async stop() {
      child.stdin.write("stop\n");
      const counts = await next();
      child.stdin.end();
      return counts;
    },
  };
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-5).join(" | ") || "(no output)";
}
