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
import { diffInputs } from "../graph/equivalence";
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
    const wanted = options.now ? withoutEndedLayers(spec.kind, inputs, options.now) : inputs;
    const changes: FieldChange[] = diffInputs(spec.kind, match.inputs, wanted).map((change) => ({
      field: change.path,
      old: compact(change.before),
      new: compact(change.after),
    }));
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

/**
 * A value as the report shows it: a reference (or a target, which is a typed reference) as the
 * identity key it points at, so a rule's targets read `["schedule:Primary", "user:alice@…"]`.
 */
function compact(value: InputValue | undefined): unknown {
  if (value === undefined || value === null || typeof value !== "object") return value;
  if (isRef(value)) return value.ref;
  if (Array.isArray(value)) return value.map(compact);
  const record = value as { [key: string]: InputValue };
  if (isRef(record.id) && typeof record.type === "string" && Object.keys(record).length === 2) {
    return record.id.ref;
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, compact(v)]));
}
