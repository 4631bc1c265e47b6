/**
 * check: the expanded graph against the SLA matrix, the hours each rotation must cover and the
 * paging of every responder. Pure: the instant the horizon starts is passed in, never read from
 * the clock, so results can be reproduced with `--now`.
 */
import type { Graph } from "../graph/types";
import type { OrgModel } from "../model/types";
import { DAY_MS } from "../timeline/zone";
import { checkCoverage } from "./coverage";
import { checkEscalation } from "./escalation";
import { compareFindings, type Finding } from "./finding";
import { OnCallIndex } from "./on-call";
import { checkResponders } from "./responders";
import { calendarOf, sampleInstants, type Sample } from "./time-class";
import { checkUrgency } from "./urgency";

export interface CheckOptions {
  /** Start of the horizon, epoch ms. */
  now: number;
  /** Length of the horizon in days. Default 28 (four weeks). */
  horizonDays?: number;
}

export interface CheckResult {
  findings: Finding[];
  from: number;
  to: number;
  /** The instant each time class was evaluated at. */
  samples: Sample[];
}

export const DEFAULT_HORIZON_DAYS = 28;

export function runChecks(model: OrgModel, graph: Graph, options: CheckOptions): CheckResult {
  const from = options.now;
  const to = from + (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * DAY_MS;
  const onCall = new OnCallIndex(graph, from, to);
  const samples = sampleInstants(calendarOf(model), from, to);
  const findings = [
    ...checkCoverage(model, graph, onCall),
    ...checkEscalation(model, graph, onCall, samples),
    ...checkResponders(model, graph, onCall),
    ...checkUrgency(model, graph, samples),
  ].sort(compareFindings);
  return { findings, from, to, samples };
}

export type { Finding } from "./finding";
