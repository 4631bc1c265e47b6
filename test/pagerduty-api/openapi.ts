/**
 * The official OpenAPI descriptions (REST API v2 and the Slack integration API) as test oracles:
 * a JSON Schema validator for response bodies and a matcher from a request to the operation that
 * defines it. Read from the shared copy beside the repository, never fetched.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
/**
 * PagerDuty's official OpenAPI descriptions: PAGERDUTY_OPENAPI_DIR, or the shared/pagerduty-api
 * folder beside the repository (where this project's machines and CI keep them).
 */
export const DESCRIPTIONS_DIR =
  process.env.PAGERDUTY_OPENAPI_DIR ?? join(here, "..", "..", "..", "shared", "pagerduty-api");

type Json = Record<string, any>;

export type ApiName = "rest" | "slack";

const FILES: Record<ApiName, string> = {
  rest: "rest-openapiv3.json",
  slack: "integration-slack-openapiv3.json",
};

/** Where the Slack integration API is mounted, below the REST base URL, in the emulator. */
export const SLACK_PREFIX = "/integration-slack";

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: a nullable string becomes `type: [string, null]`
 * (and `null` joins its enum); a nullable schema without a type (a `$ref`, an `allOf`) becomes
 * `anyOf: [null, schema]`.
 */
export function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = convertNullable(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: "null" }, out] };
}

/**
 * Fields the live API sends as `null` although the description does not mark them nullable. Each
 * is said to be null in the field's own description text; patched here so the emulator can answer
 * as PagerDuty does.
 */
const KNOWN_NULLABLE: [string, string][] = [
  ["ScheduleLayer", "end"], // "If `null`, the layer does not end."
  ["Service", "acknowledgement_timeout"], // "Value is `null` if the feature is disabled."
  ["Service", "auto_resolve_timeout"], // same
];

function patchKnownNullable(doc: Json): void {
  for (const [schemaName, field] of KNOWN_NULLABLE) {
    const schema = doc.components.schemas[schemaName];
    const holder = schema.properties
      ? schema
      : schema.allOf.find((part: Json) => part.properties?.[field]);
    holder.properties[field].nullable = true;
  }
}

/**
 * The description types these lists as references although, as its own text says, `include[]` turns
 * them into full objects ("If `integrations` is passed as an argument, these are full objects").
 */
const INCLUDABLE: [string, string, string[]][] = [
  ["User", "contact_methods", ["PhoneContactMethod", "EmailContactMethod", "PushContactMethod"]],
  ["User", "notification_rules", ["NotificationRule"]],
  ["Service", "integrations", ["Integration"]],
];

function patchIncludable(doc: Json): void {
  for (const [schemaName, field, full] of INCLUDABLE) {
    const schema = doc.components.schemas[schemaName];
    const holder = schema.allOf.find((part: Json) => part.properties?.[field]);
    const items = holder.properties[field].items;
    holder.properties[field].items = {
      anyOf: [items, ...full.map((name) => ({ $ref: `#/components/schemas/${name}` }))],
    };
  }
}

export function loadDescription(api: ApiName): Json {
  const file = join(DESCRIPTIONS_DIR, FILES[api]);
  if (!existsSync(file)) {
    // The contract tests must not pass without the contract: say where it was looked for.
    throw new Error(
      `PagerDuty's OpenAPI description ${file} is missing: put shared/pagerduty-api beside the repository or set PAGERDUTY_OPENAPI_DIR`,
    );
  }
  const doc = JSON.parse(readFileSync(file, "utf8")) as Json;
  if (api === "rest") {
    patchKnownNullable(doc);
    patchIncludable(doc);
  }
  return doc;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Validates response bodies against the descriptions' response schemas. */
export class ContractValidator {
  readonly docs: Record<ApiName, Json>;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.docs = { rest: loadDescription("rest"), slack: loadDescription("slack") };
    // Not strict: the descriptions carry OpenAPI keywords (example, discriminator, xml) that JSON
    // Schema does not know, and they are annotations only.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    // Formats the descriptions use that JSON Schema does not define.
    this.ajv.addFormat("url", /^https?:\/\/\S+$/);
    this.ajv.addFormat("tzinfo", /^[A-Za-z_+\-/0-9]+$/);
    this.ajv.addFormat("activesupport-time-zone", /^[A-Za-z_+\-/0-9 ()&.']+$/);
    this.ajv.addFormat("partial-time", /^\d{2}:\d{2}:\d{2}$/);
    this.ajv.addFormat("time", /^\d{2}:\d{2}:\d{2}$/);
    for (const api of ["rest", "slack"] as const) {
      this.ajv.addSchema(convertNullable(this.docs[api]) as Json, api);
    }
  }

  /** Errors of `body` against the schema of `status` for the operation, or [] when it conforms. */
  validate(
    api: ApiName,
    method: string,
    template: string,
    status: number,
    body: unknown,
  ): string[] {
    const operation = this.docs[api].paths[template]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${template} is not an operation of the ${api} description`];
    let response = operation.responses[String(status)];
    if (!response) return [`${method} ${template} does not define status ${status}`];
    if (response.$ref) response = resolvePointer(this.docs[api], response.$ref);
    if (!response.content) return body === undefined ? [] : [`status ${status} defines no body`];

    const key = `${api} ${method} ${template} ${status}`;
    let validate = this.cache.get(key);
    if (!validate) {
      const pointer = ["paths", template, method.toLowerCase(), "responses", String(status)];
      const responseRef = operation.responses[String(status)].$ref as string | undefined;
      const base = responseRef ? responseRef.slice(2).split("/") : pointer.map(escapePointer);
      const ref = `${api}#/${[...base, "content", "application~1json", "schema"].join("/")}`;
      validate = this.ajv.compile({ $ref: ref });
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
  }
}

function escapePointer(part: string): string {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}

function resolvePointer(doc: Json, ref: string): Json {
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node: Json, part) => node[part], doc);
}

export interface MatchedOperation {
  api: ApiName;
  template: string;
  operation: Json;
  /** Names of the query parameters the operation declares (its own and its path's). */
  queryParameters: Set<string>;
}

/**
 * The operation of either description that a request's method and path (as sent to the emulator,
 * Slack under {@link SLACK_PREFIX}) belongs to, or undefined when neither defines it.
 */
export function matchOperation(
  docs: Record<ApiName, Json>,
  method: string,
  path: string,
): MatchedOperation | undefined {
  const api: ApiName = path.startsWith(`${SLACK_PREFIX}/`) ? "slack" : "rest";
  const local = api === "slack" ? path.slice(SLACK_PREFIX.length) : path;
  const doc = docs[api];
  const candidates = Object.keys(doc.paths).filter((template) => {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return pattern.test(local) && doc.paths[template][method.toLowerCase()];
  });
  // A literal segment (`/users/me`) is more specific than a parameter (`/users/{id}`).
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const template = candidates[0];
  if (!template) return undefined;
  const pathItem = doc.paths[template];
  const operation = pathItem[method.toLowerCase()];
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
    (p: Json) => (p.$ref ? resolvePointer(doc, p.$ref) : p),
  );
  const queryParameters = new Set<string>(
    parameters.filter((p) => p.in === "query").map((p) => p.name),
  );
  return { api, template, operation, queryParameters };
}
