/**
 * parse + validate: reads contacts/ and policies/ under a root, validates every file against its
 * schema, merges the sections, normalises phones and date-times, and resolves references. Every
 * problem is collected; the model is returned only when there is no error.
 */
import { policiesFileSchema, contactsFileSchema } from "./schema/file";
import { compareProblems, formatPath, type Problem } from "./problem";
import { positionOf, problemAt, readFolder, type DocPath, type SourceFile } from "./source";
import { schemaProblems, withContext } from "./schema-problems";
import { buildModel } from "./build";
import { validateReferences } from "./references";
import type { OrgModel, Origin } from "./types";

export interface LoadResult {
  /** Present when no problem is an error. */
  model?: OrgModel;
  problems: Problem[];
  /** Number of YAML files read. */
  files: number;
}

/** An item of a section, with the file and path it was written at. */
export interface Sourced<T> {
  value: T;
  source: SourceFile;
  path: DocPath;
}

export interface Sections {
  people: Sourced<unknown>[];
  teams: Sourced<unknown>[];
  rotations: Sourced<unknown>[];
  severities: Sourced<unknown>[];
  market_hours: Sourced<unknown>[];
  holidays: Sourced<unknown>[];
  escalation_chain: Sourced<unknown>[];
  escalation_policies: Sourced<unknown>[];
  scenarios: Sourced<unknown>[];
  services: Sourced<unknown>[];
  slack: Sourced<unknown>[];
  email_lists: Sourced<unknown>[];
  conference_bridge: Sourced<unknown>[];
}

const LIST_SECTIONS = [
  "people",
  "teams",
  "rotations",
  "severities",
  "holidays",
  "escalation_policies",
  "scenarios",
  "services",
  "email_lists",
] as const;
const SINGLE_SECTIONS = ["market_hours", "escalation_chain", "slack", "conference_bridge"] as const;

export async function loadOrg(root: string): Promise<LoadResult> {
  const contacts = await readFolder(root, "contacts");
  const policies = await readFolder(root, "policies");
  const problems: Problem[] = [...contacts.problems, ...policies.problems];

  const sections = emptySections();
  for (const source of contacts.sources) collect(source, contactsFileSchema, sections, problems);
  for (const source of policies.sources) collect(source, policiesFileSchema, sections, problems);
  for (const name of SINGLE_SECTIONS) {
    for (const extra of sections[name].slice(1)) {
      const first = sections[name][0]!;
      problems.push(
        problemAt(
          extra.source,
          extra.path,
          "SECTION_DUPLICATE",
          `${name} is already defined in ${first.source.file}`,
          "keep one definition",
        ),
      );
    }
  }

  const schemaOk = !problems.some((p) => p.level === "error");
  const files = contacts.sources.length + policies.sources.length;
  if (!schemaOk) return { problems: problems.sort(compareProblems), files };

  const built = buildModel(sections);
  problems.push(...built.problems, ...validateReferences(built.model));
  problems.sort(compareProblems);
  const ok = !problems.some((p) => p.level === "error");
  return ok ? { model: built.model, problems, files } : { problems, files };
}

function emptySections(): Sections {
  const sections = {} as Sections;
  for (const name of [...LIST_SECTIONS, ...SINGLE_SECTIONS]) sections[name] = [];
  return sections;
}

function collect(
  source: SourceFile,
  schema: typeof contactsFileSchema | typeof policiesFileSchema,
  sections: Sections,
  problems: Problem[],
): void {
  if (source.data === null || source.data === undefined) return;
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(source, parsed.error));
    return;
  }
  const data = parsed.data as Record<string, unknown>;
  for (const name of LIST_SECTIONS) {
    const items = data[name];
    if (!Array.isArray(items)) continue;
    items.forEach((value, index) => sections[name].push({ value, source, path: [name, index] }));
  }
  for (const name of SINGLE_SECTIONS) {
    if (data[name] !== undefined) sections[name].push({ value: data[name], source, path: [name] });
  }
}

/** The origin of a node, for specs and findings to point back at. */
export function originOf(source: SourceFile, path: DocPath): Origin {
  const { line, col } = positionOf(source, path);
  return { file: source.file, line, col, path: formatPath(path) };
}

export function problemAtOrigin(
  origin: Origin,
  code: string,
  message: string,
  hint?: string,
  level: Problem["level"] = "error",
): Problem {
  const problem: Problem = {
    code,
    level,
    file: origin.file,
    line: origin.line,
    col: origin.col,
    path: origin.path,
    message,
  };
  if (hint !== undefined) problem.hint = hint;
  return problem;
}

export { withContext };
