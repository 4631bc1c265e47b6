/**
 * render: the benchmark's table (Markdown, so it reads in a terminal and pastes into RESULTS.md),
 * the machine it ran on and the targets of DESIGN.md section 9, met or missed.
 */
import os from "node:os";
import type { GeneratedCounts } from "./generate";
import { secondsAtRateLimit } from "./floor";
import type { BenchRun, StageRun, Summary } from "./run";
import type { StageName } from "./stages";

const TITLES: Record<StageName, string> = {
  read: "read + validate (loadOrg)",
  expand: "expand (expandGraph)",
  check: "check (runChecks, 4 weeks)",
  plan: "plan rendering (text)",
  pipeline: "read → expand → check → plan",
  mocks: "registerGraph under Pulumi mocks",
  drift: "drift read + compare (emulator)",
};

/** DESIGN.md section 9, as numbers. */
export const TARGETS = { planSeconds: 2, peakMb: 300, ratioVsMocks: 10, driftFactor: 1.2 };

export function describeMachine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.availableParallelism()} CPU(s) (${cpu}), ${memory} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function renderReport(
  run: BenchRun,
  summary: Summary,
  size: { seed: number; counts: GeneratedCounts; resources?: number },
): string {
  const out: string[] = [];
  const c = size.counts;
  out.push(
    `Organisation (seed ${size.seed}): ${c.people} people, ${c.teams} teams, ${c.rotations} rotations, ${c.escalationPolicies} escalation policies, ${c.services} services, ${c.integrations} integrations, ${c.slackConnections} Slack connections in ${c.files} files`,
  );
  const resources = run.stages.expand?.detail.resources ?? run.stages.mocks?.detail.resources;
  if (resources !== undefined) out.push(`Desired graph: ${resources} resources`);
  out.push(`Machine: ${describeMachine()}`);
  out.push("");
  out.push("| stage | time (s) | peak RSS (MB) | RSS before (MB) | process (s) | notes |");
  out.push("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const [stage, result] of Object.entries(run.stages) as [StageName, StageRun][]) {
    out.push(
      `| ${TITLES[stage]} | ${result.seconds.toFixed(2)} | ${result.peakMb.toFixed(0)} | ${stage === "pipeline" ? "–" : result.baseMb.toFixed(0)} | ${result.processSeconds.toFixed(2)} | ${notes(stage, result)} |`,
    );
  }
  out.push("");
  out.push(...verdicts(run, summary));
  return `${out.join("\n")}\n`;
}

function notes(stage: StageName, result: StageRun): string {
  const d = result.detail;
  switch (stage) {
    case "read":
      return `${d.files} files, ${d.problems} problem(s)`;
    case "expand":
      return `${d.resources} resources`;
    case "check":
      return `${d.api}, ${d.findings} finding(s), ${d.errors} error(s)`;
    case "plan":
      return `${Math.round(Number(d.bytes) / 1024)} KiB of text`;
    case "pipeline":
      return `read ${d.read}, expand ${d.expand}, check ${d.check}, plan ${d.plan}; peak over the process's life; node + tsx start-up ${d.startupSeconds} s not included`;
    case "mocks":
      return `${d.registered} resources registered, ${d.calls} data-source calls`;
    case "drift":
      return `${d.requests} GET requests (floor ${d.floor}); read ${d.readSeconds}, compare ${d.compareSeconds}; drift found: ${d.missing} missing, ${d.changed} changed, ${d.unmanaged} unmanaged`;
  }
}

function verdicts(run: BenchRun, s: Summary): string[] {
  const out: string[] = [];
  const mark = (ok: boolean) => (ok ? "met" : "MISSED");
  if (run.stages.pipeline) {
    out.push(
      `Target read → plan ≤ ${TARGETS.planSeconds} s: ${s.planSeconds.toFixed(2)} s, ${mark(s.planSeconds <= TARGETS.planSeconds)}; ≤ ${TARGETS.peakMb} MB: ${s.peakMb.toFixed(0)} MB, ${mark(s.peakMb <= TARGETS.peakMb)}`,
    );
  }
  if (run.stages.pipeline && run.stages.mocks) {
    out.push(
      `Plan vs mocks: mocks take ${s.mocksSeconds.toFixed(2)} s, plan (read → plan, checks included) ${s.planSeconds.toFixed(2)} s: plan is ${s.ratioVsMocks.toFixed(1)}x faster (target ≥ ${TARGETS.ratioVsMocks}x, ${mark(s.ratioVsMocks >= TARGETS.ratioVsMocks)})`,
    );
  }
  const drift = run.stages.drift;
  if (drift) {
    const d = drift.detail;
    const factor = s.driftRequests / s.requestFloor;
    out.push(
      `Drift: ${s.driftRequests} requests against a floor of ${s.requestFloor} (${d.floorLists} list pages + team members + Slack + priorities), ${factor.toFixed(2)}x (target ≤ ${TARGETS.driftFactor}x, ${mark(factor <= TARGETS.driftFactor)})`,
    );
    const routes = Object.entries(d)
      .filter(([key]) => key.startsWith("GET "))
      .map(([key, count]) => `${key.slice(4)} ${count}`);
    out.push(`  by route: ${routes.join(", ")}`);
    if (run.emulator) {
      const statuses = Object.entries(run.emulator.statuses)
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ");
      out.push(`  the emulator logged ${run.emulator.requests} request(s) (${statuses})`);
    }
    out.push(
      `  at PagerDuty's 960 requests per minute the read needs at least ${secondsAtRateLimit(s.driftRequests).toFixed(1)} s (the floor: ${secondsAtRateLimit(s.requestFloor).toFixed(1)} s); against the emulator it took ${d.readSeconds} s`,
    );
  }
  return out;
}
