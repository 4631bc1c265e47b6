/**
 * diff: the semantic change between two desired graphs, as a reviewer reads it: resources added,
 * changed and removed; escalation timing before and after; who is on call over the coming weeks.
 * Pure: the caller loads both graphs and passes the window.
 */
import type { Graph } from "../graph/types";
import { diffEscalationTiming, type PolicyTiming } from "./escalation";
import { diffOnCall, type ScheduleOnCallDiff } from "./on-call";
import { diffResources, type ResourceDiff } from "./resources";

export interface GraphDiff {
  resources: ResourceDiff;
  escalation: PolicyTiming[];
  onCall: ScheduleOnCallDiff[];
  /** The on-call window, epoch ms, half-open. */
  from: number;
  to: number;
}

export function diffGraphs(before: Graph, after: Graph, from: number, to: number): GraphDiff {
  return {
    resources: diffResources(before, after),
    escalation: diffEscalationTiming(before, after),
    onCall: diffOnCall(before, after, from, to),
    from,
    to,
  };
}

/** True when nothing a reviewer would see differs. */
export function isEmptyDiff(diff: GraphDiff): boolean {
  const { added, changed, removed } = diff.resources;
  return (
    added.length + changed.length + removed.length + diff.escalation.length + diff.onCall.length ===
    0
  );
}

export type { ResourceDiff, FieldChange, ResourceChange } from "./resources";
export type { LevelTiming, PolicyTiming } from "./escalation";
export type {
  CurrentOnCallChange,
  KeepCurrentFix,
  OnCallChange,
  OnCallHours,
  ScheduleOnCallDiff,
} from "./on-call";
export { readTreeAtRef, type TreeAtRef } from "./git";
