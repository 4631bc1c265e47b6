/**
 * render: the JSON Schemas that editors use to validate contacts/ and policies/ while people type.
 * They are generated from the zod schemas the loader validates with, so the field descriptions a
 * user sees on hover are the same text as the schema's `.describe()`.
 *
 * They describe the input shape: a field with a default is optional, and a duration accepts both
 * `12h` and a number of seconds. Refinements that zod cannot express in JSON Schema are not in
 * them: time zones PagerDuty refuses, restriction weekday and duration rules, service urgency
 * combinations and every cross-reference are reported by `npm run plan`, not by the editor.
 */
import { z } from "zod";
import { contactsFileSchema, policiesFileSchema } from "../model/schema/file";

export interface JsonSchemaFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  /** The folder whose YAML files reference this schema on their first line. */
  folder: "contacts" | "policies";
  schema: Record<string, unknown>;
}

const TARGETS = [
  { folder: "contacts", schema: contactsFileSchema, title: "contacts/*.yaml" },
  { folder: "policies", schema: policiesFileSchema, title: "policies/*.yaml" },
] as const;

/** Both schemas, in zod's default draft (2020-12), with a title naming the files they cover. */
export function renderJsonSchemas(): JsonSchemaFile[] {
  return TARGETS.map(({ folder, schema, title }) => ({
    path: `schemas/${folder}.schema.json`,
    folder,
    schema: withTitle(z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" }), title),
  }));
}

/** Puts the title right after `$schema`, where a reader of the file looks for it. */
function withTitle(schema: Record<string, unknown>, title: string): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, title, ...rest };
}

/** The file text: two-space JSON with a final newline, so regenerating is byte-for-byte stable. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The first line every YAML file of `folder` carries, so the YAML language server finds the schema. */
export function schemaComment(folder: "contacts" | "policies"): string {
  return `# yaml-language-server: $schema=../schemas/${folder}.schema.json`;
}
