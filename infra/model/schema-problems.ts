/** Turns zod issues into problems at the YAML position they concern, with a stable code. */
import type { z } from "zod";
import type { Problem } from "./problem";
import { problemAt, type DocPath, type SourceFile } from "./source";
import type { IssueParams } from "./schema/common";

/** Singular names of the sections whose items have ids, to name the context of a problem. */
const ITEM_NAMES: Record<string, string> = {
  people: "person",
  teams: "team",
  rotations: "rotation",
  layers: "layer",
  restrictions: "restriction",
  contact_methods: "contact method",
  notification_rules: "notification rule",
  severities: "severity",
  levels: "level",
  escalation_policies: "escalation policy",
  rules: "rule",
  services: "service",
  integrations: "integration",
  channels: "channel",
  connections: "connection",
  scenarios: "scenario",
  email_lists: "email list",
  members: "member",
  holidays: "holiday",
};

/** "rotation primary › layer weekly › restriction 2": where a problem sits, in the data's terms. */
export function describeContext(data: unknown, docPath: DocPath): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < docPath.length; i++) {
    const key = docPath[i]!;
    const next =
      node && typeof node === "object"
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
    const section = i > 0 ? docPath[i - 1] : undefined;
    if (typeof key === "number" && typeof section === "string" && ITEM_NAMES[section]) {
      const itemId = next && typeof next === "object" ? (next as { id?: unknown }).id : undefined;
      parts.push(`${ITEM_NAMES[section]} ${typeof itemId === "string" ? itemId : key + 1}`);
    }
    node = next;
  }
  return parts.join(" › ");
}

export function withContext(data: unknown, docPath: DocPath, message: string): string {
  const context = describeContext(data, docPath);
  return context ? `${context}: ${message}` : message;
}

/** Fields whose values are personal: quoted in a message, they are masked in outputs for CI. */
const PERSONAL_FIELDS = new Set(["number", "email", "address"]);

export function schemaProblems(
  source: SourceFile,
  error: z.ZodError,
  prefix: DocPath = [],
): Problem[] {
  return error.issues.map((issue) => {
    const docPath = [
      ...prefix,
      ...issue.path.filter((p): p is string | number => typeof p !== "symbol"),
    ];
    const { code, message, hint, at } = describeIssue(issue, docPath);
    const atKey = issue.code === "unrecognized_keys";
    const problem = problemAt(
      source,
      at,
      code,
      withContext(source.data, at, message),
      hint,
      "error",
      atKey,
    );
    const field = docPath[docPath.length - 1];
    const input = (issue as { input?: unknown }).input;
    if (
      typeof field === "string" &&
      PERSONAL_FIELDS.has(field) &&
      input !== undefined &&
      input !== null
    ) {
      problem.personal = [String(input)];
    }
    return problem;
  });
}

function describeIssue(
  issue: z.core.$ZodIssue,
  docPath: (string | number)[],
): { code: string; message: string; hint?: string; at: (string | number)[] } {
  const last = docPath[docPath.length - 1];
  // A list item is named by its place, not by its index alone ("item 2", not "1").
  const field = typeof last === "number" ? `item ${last + 1}` : last;
  switch (issue.code) {
    case "custom": {
      const params = (issue.params ?? {}) as Partial<IssueParams>;
      return {
        code: params.code ?? "VALUE_INVALID",
        message: issue.message,
        hint: params.hint,
        at: docPath,
      };
    }
    case "invalid_type":
      if (issue.input === undefined) {
        return { code: "FIELD_REQUIRED", message: `${String(field)} is required`, at: docPath };
      }
      return {
        code: "TYPE_INVALID",
        message: `${String(field ?? "document")} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`,
        hint:
          last === "number" && typeof issue.input === "number"
            ? 'quote phone numbers ("+1 212 555 0100"): unquoted, YAML reads them as integers and drops the +'
            : undefined,
        at: docPath,
      };
    case "unrecognized_keys":
      return {
        code: "FIELD_UNKNOWN",
        message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`,
        hint: "check the spelling against the JSON Schema in schemas/ (editors show it from the file's first line)",
        at: [...docPath, issue.keys[0]!],
      };
    case "invalid_value":
      return {
        code: "VALUE_NOT_ALLOWED",
        message: `${String(field)} is ${describeValue(issue.input)}; allowed: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        at: docPath,
      };
    case "too_small":
    case "too_big": {
      const bound =
        issue.code === "too_small" ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const what =
        issue.origin === "array"
          ? `${bound} item(s)`
          : issue.origin === "string"
            ? `${bound} character(s)`
            : bound;
      return {
        code: "VALUE_OUT_OF_RANGE",
        message: `${String(field)} must be ${what}`,
        at: docPath,
      };
    }
    case "invalid_format":
      return { code: "FORMAT_INVALID", message: `${String(field)}: ${issue.message}`, at: docPath };
    case "invalid_union":
      return {
        code: "VALUE_INVALID",
        message: `${String(field)} must be ${unionSummary(issue)}, not ${describeValue((issue as { input?: unknown }).input)}`,
        at: docPath,
      };
    default:
      return { code: "VALUE_INVALID", message: `${String(field)}: ${issue.message}`, at: docPath };
  }
}

/**
 * What each form of a union expects, in words: "a string or a number", "\"any\", \"none\" or an
 * array", or for mappings the fields a form knows ("a mapping with rotation").
 */
function unionSummary(issue: z.core.$ZodIssueInvalidUnion): string {
  const forms = issue.errors.map((branch) => {
    const first = branch[0];
    if (!first) return "another form";
    if (first.code === "invalid_type" && first.path.length === 0) return article(first.expected);
    if (first.code === "invalid_value")
      return first.values.map((v) => JSON.stringify(v)).join(" or ");
    if (first.code === "invalid_type" && first.path.length === 1 && first.input === undefined) {
      return `a mapping with ${String(first.path[0])}`;
    }
    if (first.code === "unrecognized_keys") return `a mapping without ${first.keys.join(", ")}`;
    const where = first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return `${where}${first.message}`;
  });
  const unique = [...new Set(forms)].slice(0, 5);
  return unique.length > 1
    ? `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`
    : (unique[0] ?? "");
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
