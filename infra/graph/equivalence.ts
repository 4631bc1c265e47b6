/**
 * When two specs of the same resource are the same for PagerDuty, and which fields differ when they
 * are not. One place for the equivalences of PagerDuty's model, shared by the diff between two
 * versions of the data and by drift between the data and the live account:
 * - instants are compared as instants (the API rewrites offsets, and may rewrite a past `start`);
 * - the targets of an escalation rule are a set, the rules a list (field case F09);
 * - a Slack connection's events and priorities are sets;
 * - emails match case-insensitively (F13);
 * - a team member without a role is a manager (the API's default);
 * - a field left out equals the API's empty default (`""`, `[]`, null).
 */
import type { InputValue, Inputs, ResourceKind } from "./types";
import { isLookup, isRef } from "./types";

export interface FieldChange {
  /** Path inside the inputs, for example `layers[0].users` or `rules[1].escalationDelayInMinutes`. */
  path: string;
  /** Absent when the field is new. */
  before?: InputValue;
  /** Absent when the field was removed. */
  after?: InputValue;
}

const INSTANT_FIELDS = ["start", "end", "rotationVirtualStart"] as const;
const INSTANT_PATH = /(^|\.)(start|end|rotationVirtualStart)$/;

/** The inputs in the canonical form in which equal configurations are equal JSON. */
export function canonicalInputs(kind: ResourceKind, inputs: Inputs): Inputs {
  const copy = structuredClone(inputs) as Record<string, any>;
  switch (kind) {
    case "user":
      if (typeof copy.email === "string") copy.email = copy.email.toLowerCase();
      break;
    case "teamMembership":
      copy.role ??= "manager";
      break;
    case "schedule":
      for (const layer of copy.layers ?? []) {
        for (const field of INSTANT_FIELDS) {
          if (typeof layer[field] === "string") layer[field] = asInstant(layer[field]);
        }
      }
      break;
    case "escalationPolicy":
      for (const rule of copy.rules ?? []) rule.targets = sortedBy(rule.targets, canonical);
      break;
    case "slackConnection":
      for (const config of copy.configs ?? []) {
        config.events = sortedBy(config.events, canonical);
        config.priorities = sortedBy(config.priorities, canonical);
      }
      break;
    case "contactMethod":
    case "notificationRule":
    case "team":
    case "service":
    case "serviceIntegration":
      break;
  }
  return (dropEmpty(copy) ?? {}) as Inputs;
}

/**
 * The fields that differ between two versions of one resource's inputs, compared and shown in
 * canonical form (instants as written). A list of plain values or flat records (users, targets, restrictions) is
 * one field, shown whole, since "[a, b, c] -> [a, c]" reads better than shifted items; lists of
 * nested objects (layers, rules) are compared item by item.
 */
export function diffInputs(kind: ResourceKind, before: Inputs, after: Inputs): FieldChange[] {
  const shownBefore = leaves(before);
  const shownAfter = leaves(after);
  const old = leaves(canonicalInputs(kind, before));
  const current = leaves(canonicalInputs(kind, after));
  const paths = [...new Set([...old.keys(), ...current.keys()])].sort(comparePaths);
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = current.get(path);
    if (a !== undefined && b !== undefined && canonical(a) === canonical(b)) continue;
    const change: FieldChange = { path };
    // Instants are shown as written (with their offset, which reads better than UTC); everything
    // else in canonical form, so sets come out sorted whatever order each side listed them in.
    const asWritten = INSTANT_PATH.test(path);
    if (a !== undefined) change.before = asWritten ? (shownBefore.get(path) ?? a) : a;
    if (b !== undefined) change.after = asWritten ? (shownAfter.get(path) ?? b) : b;
    changes.push(change);
  }
  return changes;
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

/** An ISO instant as text that is equal for equal instants, whatever offset it was written in. */
function asInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function sortedBy<T>(items: T[] | undefined, key: (item: T) => string): T[] {
  return [...(items ?? [])].sort((a, b) => compareText(key(a), key(b)));
}

/** Removes `undefined`, `null`, `""` and `[]`: leaving a field out means the API default. */
function dropEmpty(value: InputValue | undefined): InputValue | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => dropEmpty(item) ?? null);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === "object" && !isRef(value) && !isLookup(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, dropEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries) as InputValue;
  }
  return value;
}

/** Leaf values by path (see {@link diffInputs} for what counts as one field). */
function leaves(value: InputValue, path = "", out = new Map<string, InputValue>()) {
  if (isLeaf(value)) {
    out.set(path, value);
  } else if (Array.isArray(value)) {
    if (value.every((item) => isLeaf(item) || isFlatRecord(item))) out.set(path, value);
    else value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  } else {
    const record = value as { [key: string]: InputValue };
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) continue;
      leaves(record[key]!, path === "" ? key : `${path}.${key}`, out);
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
