/**
 * compare: the desired graph against the flattened live account. Reports what is missing live,
 * what differs (field by field, live -> desired) and what exists live but is not in the data, with
 * the equivalences of PagerDuty's model, so that a re-ordered answer is not reported as drift:
 * - instants are compared as instants, not as strings (the API rewrites offsets);
 * - the targets of an escalation rule are a set, the rules a list (F09);
 * - emails match case-insensitively (F13);
 * - a Slack connection's priorities are compared by name, and they and its events as sets;
 * - schedule layers are compared in precedence order (flatten undoes the API's reversal);
 * - a field the data leaves out equals the API's empty default (`""`, `[]`, null).
 */
import {
  isLookup,
  isRef,
  KIND_ORDER,
  type Graph,
  type InputValue,
  type Inputs,
  type ResourceKind,
  type ResourceSpec,
} from "../graph/types";
import { defaultEmailKey, identity } from "./identity";

export interface FieldChange {
  /** Path inside the inputs, for example `rules[1].targets[0].id`. */
  field: string;
  /** The live value. */
  old: unknown;
  /** The desired value. */
  new: unknown;
}

export interface DriftEntry {
  kind: ResourceKind;
  /** The identity key, for example `service:Checkout` or `user:alice@example.com`. */
  key: string;
  /** The logical name in the data, for missing and changed entries. */
  name?: string;
  /** The live id, for changed and unmanaged entries. */
  liveId?: string;
}

export interface DriftReport {
  missing: DriftEntry[];
  changed: (DriftEntry & { changes: FieldChange[] })[];
  unmanaged: DriftEntry[];
  /** Live objects that match a desired spec but are not in the stack's state: import them. */
  importable: DriftEntry[];
}

export interface CompareOptions {
  /** Live ids the Pulumi stack already manages. When given, a match outside it is importable. */
  stateIds?: ReadonlySet<string>;
  /**
   * Layers of the data that ended before this instant are left out, as flatten leaves out ended
   * live layers: PagerDuty keeps them as history, not configuration. Default: all layers compared.
   */
  now?: Date;
}

export function compare(desired: Graph, live: Graph, options: CompareOptions = {}): DriftReport {
  const report: DriftReport = { missing: [], changed: [], unmanaged: [], importable: [] };
  const liveByKey = new Map(live.resources.map((spec) => [spec.name, spec]));
  const keys = new Map<string, string>();
  const seen = new Set<string>();

  for (const spec of orderedByKind(desired.resources)) {
    const inputs = toKeys(spec.inputs, keys) as Inputs;
    const key = identity(spec.kind, inputs);
    keys.set(spec.name, key);
    seen.add(key);

    const match = liveByKey.get(key);
    if (!match) {
      report.missing.push({ kind: spec.kind, key, name: spec.name });
      continue;
    }
    const liveId = match.source.path;
    if (options.stateIds && !options.stateIds.has(liveId)) {
      report.importable.push({ kind: spec.kind, key, name: spec.name, liveId });
    }
    const changes: FieldChange[] = [];
    const wanted = options.now ? withoutEndedLayers(spec.kind, inputs, options.now) : inputs;
    diff(normalize(spec.kind, match.inputs), normalize(spec.kind, wanted), "", changes);
    if (changes.length > 0)
      report.changed.push({ kind: spec.kind, key, name: spec.name, liveId, changes });
  }

  for (const spec of live.resources) {
    if (!seen.has(spec.name))
      report.unmanaged.push({ kind: spec.kind, key: spec.name, liveId: spec.source.path });
  }
  return report;
}

/** References point at earlier kinds, so keys are known before they are needed. */
function orderedByKind(resources: ResourceSpec[]): ResourceSpec[] {
  const rank = new Map(KIND_ORDER.map((kind, index) => [kind, index]));
  return [...resources].sort((a, b) => (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0));
}

/** Rewrites references from logical names to identity keys. */
function toKeys(value: InputValue, keys: Map<string, string>): InputValue {
  if (isRef(value)) return { ref: keys.get(value.ref) ?? `unknown:${value.ref}` };
  if (isLookup(value)) {
    if (value.lookup === "priority") return { ref: `priority:${value.name}` };
    if (value.lookup === "defaultEmail")
      return { ref: defaultEmailKey(keys.get(value.user.ref) ?? "") };
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => toKeys(item, keys));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toKeys(v, keys)]));
  }
  return value;
}

function withoutEndedLayers(kind: ResourceKind, inputs: Inputs, now: Date): Inputs {
  if (kind !== "schedule" || !Array.isArray(inputs.layers)) return inputs;
  const layers = inputs.layers.filter((layer) => {
    const end = (layer as { end?: unknown }).end;
    return typeof end !== "string" || Date.parse(end) > now.getTime();
  });
  return { ...inputs, layers };
}

const INSTANT_FIELDS = new Set(["start", "end", "rotationVirtualStart"]);

/** Puts both sides in the same canonical form before the field-by-field walk. */
function normalize(kind: ResourceKind, inputs: Inputs): InputValue {
  const copy = structuredClone(inputs) as Record<string, any>;
  switch (kind) {
    case "user":
      copy.email = String(copy.email).toLowerCase();
      break;
    case "teamMembership":
      // The API's default team role.
      copy.role ??= "manager";
      break;
    case "schedule":
      for (const layer of copy.layers ?? []) {
        for (const field of INSTANT_FIELDS) {
          if (typeof layer[field] === "string") layer[field] = instant(layer[field]);
        }
      }
      break;
    case "escalationPolicy":
      // A target's key already says its kind (`schedule:…`, `user:…`), so the set is kept as keys.
      for (const rule of copy.rules ?? []) rule.targets = asSet(rule.targets, targetKey);
      break;
    case "slackConnection":
      for (const config of copy.configs ?? []) {
        config.events = asSet(config.events, valueKey);
        config.priorities = asSet(config.priorities, valueKey);
      }
      break;
    default:
      break;
  }
  return dropEmpty(copy) ?? {};
}

function valueKey(value: InputValue): string {
  return isRef(value) ? value.ref : String(value);
}

function targetKey(target: { id?: InputValue }): string {
  return isRef(target.id) ? target.id.ref : String(target.id);
}

/** A list whose order means nothing, as sorted keys, so equal sets are equal lists. */
function asSet<T>(items: T[] | undefined, key: (item: T) => string): string[] {
  return (items ?? []).map(key).sort();
}

/** Fields compared as a whole set, so one change names the set rather than shifted indexes. */
const SET_FIELD = /(^|\.)(targets|events|priorities)$/;

/** An ISO instant as text that is equal for equal instants, whatever offset it was written in. */
function instant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Removes `undefined`, `null`, `""` and `[]`: the data leaving a field out means the API default. */
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

function diff(
  live: InputValue | undefined,
  desired: InputValue | undefined,
  path: string,
  out: FieldChange[],
): void {
  if (isRef(live) || isRef(desired) || isLookup(desired)) {
    const a = isRef(live) ? live.ref : live;
    const b = isRef(desired) ? desired.ref : desired;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: path, old: a, new: b });
    return;
  }
  if (SET_FIELD.test(path)) {
    if (JSON.stringify(live) !== JSON.stringify(desired))
      out.push({ field: path, old: live, new: desired });
    return;
  }
  if (Array.isArray(live) && Array.isArray(desired)) {
    for (let i = 0; i < Math.max(live.length, desired.length); i += 1) {
      diff(live[i], desired[i], `${path}[${i}]`, out);
    }
    return;
  }
  if (isObject(live) && isObject(desired)) {
    const fields = [...new Set([...Object.keys(live), ...Object.keys(desired)])].sort();
    const a = live as Record<string, InputValue>;
    const b = desired as Record<string, InputValue>;
    for (const field of fields) diff(a[field], b[field], path ? `${path}.${field}` : field, out);
    return;
  }
  if (JSON.stringify(live) !== JSON.stringify(desired))
    out.push({ field: path, old: live, new: desired });
}

function isObject(value: InputValue | undefined): value is { [key: string]: InputValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
