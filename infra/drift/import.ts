/**
 * import: the Pulumi bulk-import file for live objects that match a desired spec but are not in the
 * stack, so `pulumi import --file <path>` adopts them instead of `pulumi up` creating a second copy
 * (F13: an unmanaged service with a desired service's name is imported, not created again).
 *
 * The file is the JSON that `pulumi import --file` reads:
 * `{ "resources": [ { "type": "<type token>", "name": "<logical name>", "id": "<import id>" } ] }`.
 * The name is the desired spec's logical name, so the imported resource is the one the program
 * declares. The id is the one each `@pulumi/pagerduty` resource's import expects, which for
 * resources that live under a parent is the parent's id and the object's id together.
 */
import {
  isRef,
  RESOURCE_TYPES,
  type Graph,
  type ResourceKind,
  type ResourceSpec,
} from "../graph/types";
import type { DriftEntry } from "./compare";

export interface ImportResource {
  type: string;
  name: string;
  id: string;
}

export interface ImportFile {
  resources: ImportResource[];
}

/**
 * Builds the import file for `entries` (the `importable` list of a drift report). `live` is the
 * flattened account the entries were found in: its specs are named by identity key and hold the
 * live id in `source.path`.
 */
export function buildImportFile(entries: readonly DriftEntry[], live: Graph): ImportFile {
  const byKey = new Map(live.resources.map((spec) => [spec.name, spec]));
  const resources = entries.map((entry) => {
    const spec = byKey.get(entry.key);
    if (!spec || entry.name === undefined) {
      throw new Error(
        `buildImportFile: ${entry.key} is not a live object matched to a desired one; pass the importable entries of a drift report.`,
      );
    }
    return { type: RESOURCE_TYPES[entry.kind], name: entry.name, id: importId(spec, byKey) };
  });
  return { resources };
}

/**
 * The id `pulumi import` takes for one live object, as each resource's documentation in
 * `@pulumi/pagerduty` 3.4.0 states it.
 */
export function importId(spec: ResourceSpec, byKey: ReadonlyMap<string, ResourceSpec>): string {
  const id = spec.source.path;
  const parent = (field: string): string => {
    const value = spec.inputs[field];
    const found = isRef(value) ? byKey.get(value.ref) : undefined;
    if (!found)
      throw new Error(
        `importId: ${spec.name} has no live parent in ${field}; it cannot be imported.`,
      );
    return found.source.path;
  };
  const kind: ResourceKind = spec.kind;
  switch (kind) {
    case "user":
    case "team":
    case "schedule":
    case "escalationPolicy":
    case "service":
      return id;
    // `<user id>:<id>`.
    case "contactMethod":
    case "notificationRule":
      return `${parent("userId")}:${id}`;
    // `<user id>:<team id>`, which flatten already uses as the membership's live id.
    case "teamMembership":
      return id;
    // `<service id>.<integration id>`: a dot, not a colon.
    case "serviceIntegration":
      return `${parent("service")}.${id}`;
    // `<Slack workspace id>.<connection id>`.
    case "slackConnection":
      return `${String(spec.inputs.workspaceId)}.${id}`;
  }
}

export function renderImportFile(file: ImportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
