/**
 * Resources added, changed and removed between two desired graphs, the changes field by field.
 * Resources are matched by type and logical name, the identity Pulumi uses, so a renamed person is a
 * changed `name` field while a changed id is one resource removed and another added.
 */
import type { EscalationPolicyInputs } from "../graph/inputs";
import {
  isLookup,
  isRef,
  type Graph,
  type InputValue,
  type ResourceKind,
  type ResourceSpec,
  type ResourceType,
  type SourceRef,
} from "../graph/types";

export interface FieldChange {
  /** Path inside the inputs, for example `layers[0].users` or `rules[1].escalationDelayInMinutes`. */
  path: string;
  /** Absent when the field is new. */
  before?: InputValue;
  /** Absent when the field was removed. */
  after?: InputValue;
}

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
    const fields = diffFields(normalise(previous), normalise(spec));
    if (fields.length > 0) {
      const { kind, type, name, source } = spec;
      changed.push({ kind, type, name, source, fields });
    }
  }
  const removed = before.resources.filter((spec) => !current.has(key(spec)));
  return { added, changed, removed };
}

/** The fields of two input objects that differ, flattened to leaf paths in a stable order. */
export function diffFields(
  before: { [key: string]: InputValue },
  after: { [key: string]: InputValue },
): FieldChange[] {
  const old = flatten(before);
  const current = flatten(after);
  const paths = [...new Set([...old.keys(), ...current.keys()])].sort(comparePaths);
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = current.get(path);
    if (a !== undefined && b !== undefined && sameValue(path, a, b)) continue;
    const change: FieldChange = { path };
    if (a !== undefined) change.before = a;
    if (b !== undefined) change.after = b;
    changes.push(change);
  }
  return changes;
}

/**
 * Inputs in the form PagerDuty compares them: the targets of an escalation rule are a set
 * (notified together), so their order in the data is not a change; the order of rules is.
 */
function normalise(spec: ResourceSpec): { [key: string]: InputValue } {
  if (spec.kind !== "escalationPolicy") return spec.inputs;
  const policy = spec.inputs as unknown as EscalationPolicyInputs;
  const rules = policy.rules.map((rule) => ({
    ...rule,
    targets: [...rule.targets].sort((a, b) =>
      compareText(`${a.type}:${a.id.ref}`, `${b.type}:${b.id.ref}`),
    ),
  }));
  return { ...spec.inputs, rules: rules as unknown as InputValue };
}

/**
 * Leaf values by path. A list of plain values (names, references, flat records such as targets or
 * restrictions) is one leaf, shown whole, since "[a, b, c] -> [a, c]" reads better than three
 * shifted items; lists of nested objects (layers, rules) are compared item by item.
 */
function flatten(value: InputValue, path = "", out = new Map<string, InputValue>()) {
  if (isLeaf(value)) {
    out.set(path, value);
  } else if (Array.isArray(value)) {
    if (value.every((item) => isLeaf(item) || isFlatRecord(item))) out.set(path, value);
    else value.forEach((item, i) => flatten(item, `${path}[${i}]`, out));
  } else {
    const record = value as { [key: string]: InputValue };
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) continue;
      flatten(record[key]!, path === "" ? key : `${path}.${key}`, out);
    }
  }
  return out;
}

function isLeaf(value: InputValue): boolean {
  return (
    value === null ||
    typeof value !== "object" ||
    isRef(value) ||
    isLookup(value) ||
    (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)
  );
}

function isFlatRecord(value: InputValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => v === undefined || isLeaf(v))
  );
}

/** Instants are compared as instants: PagerDuty may write the same moment with another offset. */
const INSTANT_FIELDS = /(^|\.)(start|end|rotationVirtualStart)$/;

function sameValue(path: string, a: InputValue, b: InputValue): boolean {
  if (INSTANT_FIELDS.test(path) && typeof a === "string" && typeof b === "string") {
    const ta = Date.parse(a);
    const tb = Date.parse(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta === tb;
  }
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys, so two equal records written in another key order are equal. */
export function canonical(value: InputValue | undefined): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const record = value as { [key: string]: InputValue | undefined };
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(",")}}`;
}

/** Orders `layers[2]` before `layers[10]`, then by name. */
function comparePaths(a: string, b: string): number {
  const pa = a.split(/[.[\]]+/).filter(Boolean);
  const pb = b.split(/[.[\]]+/).filter(Boolean);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return compareText(x, y);
  }
  return pa.length - pb.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
