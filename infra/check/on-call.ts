/**
 * Who is on call in each schedule of the graph, expanded once over the horizon so the checks can
 * ask about many instants cheaply. Instants outside the horizon are computed on demand.
 */
import type { ScheduleInputs } from "../graph/inputs";
import type { Graph, ResourceSpec } from "../graph/types";
import { onCallAt, onCallIntervals, type Shift } from "../timeline";

export class OnCallIndex {
  private readonly schedules = new Map<string, { spec: ResourceSpec; shifts?: Shift[] }>();

  constructor(
    graph: Graph,
    readonly from: number,
    readonly to: number,
  ) {
    for (const spec of graph.resources)
      if (spec.kind === "schedule") this.schedules.set(spec.name, { spec });
  }

  /** The schedule spec with this logical name, if the graph has one. */
  spec(name: string): ResourceSpec | undefined {
    return this.schedules.get(name)?.spec;
  }

  inputs(name: string): ScheduleInputs | undefined {
    return this.spec(name)?.inputs as unknown as ScheduleInputs | undefined;
  }

  /** The on-call shifts of a schedule within the horizon; empty for an unknown schedule. */
  shifts(name: string): Shift[] {
    const entry = this.schedules.get(name);
    if (!entry) return [];
    entry.shifts ??= onCallIntervals(
      entry.spec.inputs as unknown as ScheduleInputs,
      this.from,
      this.to,
    );
    return entry.shifts;
  }

  /** The user on call in a schedule at an instant, or null (also for an unknown schedule). */
  at(name: string, instant: number): string | null {
    const inputs = this.inputs(name);
    if (!inputs) return null;
    if (instant < this.from || instant >= this.to) return onCallAt(inputs, instant);
    const shifts = this.shifts(name);
    let low = 0;
    let high = shifts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (shifts[middle]!.end <= instant) low = middle + 1;
      else high = middle;
    }
    const shift = shifts[low];
    return shift !== undefined && shift.start <= instant ? shift.user : null;
  }
}
