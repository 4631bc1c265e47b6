/**
 * Resources added, changed and removed between two desired graphs, the changes field by field.
 * Resources are matched by type and logical name, the identity Pulumi uses, so a renamed person is a
 * changed `name` field while a changed id is one resource removed and another added. What counts as
 * a change follows PagerDuty's equivalences (infra/graph/equivalence.ts), as drift does.
 */
import { diffInputs, type FieldChange } from "../graph/equivalence";
import type { Graph, ResourceKind, ResourceSpec, ResourceType, SourceRef } from "../graph/types";

export type { FieldChange };

export interface ResourceChange {
  kind: ResourceKind;
  type: ResourceType;
  name: string;
  /** Where the resource is written in the new data. */
  source: SourceRef;
  fields: FieldChange[];
}

export interface ResourceDiff {
  added: ResourceSpec[];
  changed: ResourceChange[];
  removed: ResourceSpec[];
}

/** Compares two graphs; each list keeps the graphs' order (kind order, then logical name). */
export function diffResources(before: Graph, after: Graph): ResourceDiff {
  const key = (spec: ResourceSpec) => `${spec.type}\u0000${spec.name}`;
  const old = new Map(before.resources.map((spec) => [key(spec), spec]));
  const current = new Set(after.resources.map(key));

  const added: ResourceSpec[] = [];
  const changed: ResourceChange[] = [];
  for (const spec of after.resources) {
    const previous = old.get(key(spec));
    if (previous === undefined) {
      added.push(spec);
      continue;
    }
    const fields = diffInputs(spec.kind, previous.inputs, spec.inputs);
    if (fields.length > 0) {
      const { kind, type, name, source } = spec;
      changed.push({ kind, type, name, source, fields });
    }
  }
  const removed = before.resources.filter((spec) => !current.has(key(spec)));
  return { added, changed, removed };
}
