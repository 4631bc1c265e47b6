/**
 * The stages the benchmark measures, each run by bench/child.ts in a fresh process. A stage first
 * builds what it needs (unmeasured), then measures only itself; `pipeline` measures read → expand →
 * check → plan end to end, the way `npm run plan` with checks would run them.
 *
 * Pulumi and the drift modules are imported inside their stages only, so the other stages' memory
 * is not inflated by modules they never use.
 */
import { runChecks } from "../infra/check/index";
import { expandGraph } from "../infra/graph/expand/index";
import type { Graph } from "../infra/graph/types";
import { loadOrg } from "../infra/model/load";
import type { OrgModel } from "../infra/model/types";
import { renderPlanText } from "../infra/render/plan";
import { summaryLines } from "../infra/check/render";
import { lifetimePeakMb, measure, type Measurement } from "./measure";
import { requestFloor } from "./floor";

export const STAGES = ["read", "expand", "check", "plan", "pipeline", "mocks", "drift"] as const;
export type StageName = (typeof STAGES)[number];

/** Checks look four weeks ahead from a fixed instant, so every run checks the same weeks. */
export const CHECK_NOW = Date.parse("2026-06-01T00:00:00Z");
export const HORIZON_DAYS = 28;

export type Detail = Record<string, number | string | boolean>;

export interface StageReport {
  stage: StageName;
  seconds: number;
  baseMb: number;
  peakMb: number;
  peakReset: boolean;
  detail: Detail;
}

export interface StageContext {
  root: string;
  /** The emulator's base URL, for `drift`. */
  url?: string;
}

export async function runStage(stage: StageName, context: StageContext): Promise<StageReport> {
  switch (stage) {
    case "read": {
      const m = await measure(() => loadOrg(context.root));
      return report(stage, m, {
        files: m.value.files,
        problems: m.value.problems.length,
        people: m.value.model?.people.length ?? 0,
      });
    }
    case "expand": {
      const model = await load(context.root);
      const m = await measure(() => expandGraph(model));
      return report(stage, m, { resources: m.value.resources.length });
    }
    case "check": {
      const { model, graph } = await prepare(context.root);
      const m = await measure(() =>
        runChecks(model, graph, { now: CHECK_NOW, horizonDays: HORIZON_DAYS }),
      );
      return report(stage, m, {
        api: "runChecks",
        horizonDays: HORIZON_DAYS,
        findings: m.value.findings.length,
        errors: m.value.findings.filter((f) => f.level === "error").length,
      });
    }
    case "plan": {
      const { graph } = await prepare(context.root);
      const m = await measure(() => renderPlanText({ graph, problems: [], showPersonal: false }));
      return report(stage, m, { bytes: m.value.length });
    }
    case "pipeline":
      return pipeline(context.root);
    case "mocks": {
      const { graph } = await prepare(context.root);
      const { registerUnderMocks } = await import("./mocks");
      const m = await measure(() => registerUnderMocks(graph));
      return report(stage, m, { ...m.value, resources: graph.resources.length });
    }
    case "drift": {
      if (!context.url) throw new Error("the drift stage needs --url <emulator base URL>");
      const { graph } = await prepare(context.root);
      const { readLive } = await import("./drift");
      const m = await measure(() => readLive(graph, context.url!));
      const floor = requestFloor(graph);
      return report(stage, m, { ...m.value.detail, floor: floor.total, floorLists: floor.lists });
    }
  }
}

/**
 * read → expand → check → plan in one fresh process: the time a user waits once node has started,
 * and the process's lifetime peak, startup included, which is what CI must have free.
 */
async function pipeline(root: string): Promise<StageReport> {
  const startupSeconds = process.uptime();
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return Number(seconds.toFixed(3));
    };
  })();
  const { model, problems } = await loadOrg(root);
  const read = lap();
  if (!model) throw new Error(`the generated tree has ${problems.length} problem(s)`);
  const graph = expandGraph(model);
  const expand = lap();
  const checks = runChecks(model, graph, { now: CHECK_NOW, horizonDays: HORIZON_DAYS });
  const check = lap();
  const text = renderPlanText({
    graph,
    problems,
    checkSummary: summaryLines(checks.findings, checks),
    showPersonal: false,
  });
  const plan = lap();
  const seconds = (performance.now() - started) / 1000;
  return {
    stage: "pipeline",
    seconds,
    baseMb: 0,
    peakMb: lifetimePeakMb(),
    peakReset: false,
    detail: {
      read,
      expand,
      check,
      plan,
      startupSeconds: Number(startupSeconds.toFixed(3)),
      bytes: text.length,
    },
  };
}

async function load(root: string): Promise<OrgModel> {
  const { model, problems } = await loadOrg(root);
  if (!model) throw new Error(`the generated tree has ${problems.length} problem(s)`);
  return model;
}

async function prepare(root: string): Promise<{ model: OrgModel; graph: Graph }> {
  const model = await load(root);
  return { model, graph: expandGraph(model) };
}

function report<T>(stage: StageName, m: Measurement<T>, detail: Detail): StageReport {
  return {
    stage,
    seconds: m.seconds,
    baseMb: m.baseMb,
    peakMb: m.peakMb,
    peakReset: m.peakReset,
    detail,
  };
}
