/**
 * parse + validate: reads contacts/ and policies/ under a root, validates every file against its
 * schema, merges the sections, normalises phones and date-times, and resolves references. Every
 * problem is collected; the model is returned only when there is no error.
 */
import path from "node:path";
import type { z } from "zod";
import { chainSchema, escalationPolicySchema, scenarioSchema } from "./schema/escalation";
import { bridgeSchema } from "./schema/file";
import { personSchema } from "./schema/person";
import { rotationSchema } from "./schema/rotation";
import { serviceSchema } from "./schema/service";
import {
  emailListSchema,
  holidaySchema,
  marketHoursSchema,
  severitySchema,
} from "./schema/severity";
import { slackSchema } from "./schema/slack";
import { teamSchema } from "./schema/team";
import { compareProblems, formatPath, type Problem } from "./problem";
import { problemAt, readFolder, type DocPath, type SourceFile } from "./source";
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

type SectionName = (typeof LIST_SECTIONS)[number] | (typeof SINGLE_SECTIONS)[number];

export interface Sections {
  /** `<section>:<id>` of items refused by their schema. */
  invalidIds: Set<string>;
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
  if (contacts.sources.length + policies.sources.length + problems.length === 0) {
    return { problems: [emptyData(root)], files: 0 };
  }

  const sections = emptySections();
  for (const source of contacts.sources) collect(source, CONTACTS_SECTIONS, sections, problems);
  for (const source of policies.sources) collect(source, POLICIES_SECTIONS, sections, problems);
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

  const items = (Object.keys(sections) as (keyof Sections)[])
    .filter((name) => name !== "invalidIds")
    .reduce((n, name) => n + (sections[name] as unknown[]).length, 0);
  if (items === 0 && problems.length === 0) {
    // Files that hold nothing plan zero resources, which `pulumi up` would read as "delete
    // everything": empty data is refused like an empty folder.
    return {
      problems: [emptyData(root)],
      files: contacts.sources.length + policies.sources.length,
    };
  }

  // Items that failed their schema are left out, but the rest is still built and cross-checked
  // so every problem is reported in one run; references to the ids of left-out items are not
  // reported a second time.
  const built = buildModel(sections);
  problems.push(...built.problems);
  // A file that does not parse may define what others refer to: checking references without it
  // would bury the syntax error under false "does not exist" reports.
  const allParsed = !problems.some((p) => p.code === "YAML_SYNTAX");
  if (allParsed) problems.push(...validateReferences(built.model, sections.invalidIds));
  problems.sort(compareProblems);
  const files = contacts.sources.length + policies.sources.length;
  const ok = !problems.some((p) => p.level === "error");
  return ok ? { model: built.model, problems, files } : { problems, files };
}

/** An empty tree would plan zero resources: a wrong --dir must not look like an organisation. */
function emptyData(root: string): Problem {
  return {
    code: "DATA_EMPTY",
    level: "error",
    file: "contacts",
    line: 1,
    col: 1,
    path: "",
    message: `no data in ${path.join(root, "contacts")} or ${path.join(root, "policies")}`,
    hint: "point --dir at the folder that holds contacts/ and policies/ with the organisation's YAML files",
  };
}

function emptySections(): Sections {
  const sections = {} as Sections;
  for (const name of [...LIST_SECTIONS, ...SINGLE_SECTIONS]) sections[name] = [];
  sections.invalidIds = new Set();
  return sections;
}

/** The item schema of each section a file of contacts/ or policies/ may hold. */
const CONTACTS_SECTIONS: Partial<Record<SectionName, z.ZodType>> = {
  people: personSchema,
  teams: teamSchema,
  rotations: rotationSchema,
};
const POLICIES_SECTIONS: Partial<Record<SectionName, z.ZodType>> = {
  severities: severitySchema,
  market_hours: marketHoursSchema,
  holidays: holidaySchema,
  escalation_chain: chainSchema,
  escalation_policies: escalationPolicySchema,
  scenarios: scenarioSchema,
  services: serviceSchema,
  slack: slackSchema,
  email_lists: emailListSchema,
  conference_bridge: bridgeSchema,
};

/**
 * Validates a file section by section and item by item (the file schemas in schema/file.ts say the
 * same for editors), so one bad item does not hide the problems of the others.
 */
function collect(
  source: SourceFile,
  allowed: Partial<Record<SectionName, z.ZodType>>,
  sections: Sections,
  problems: Problem[],
): void {
  const data = source.data;
  if (data === null || data === undefined) return;
  if (typeof data !== "object" || Array.isArray(data)) {
    problems.push(
      problemAt(
        source,
        [],
        "TYPE_INVALID",
        "the file must be a mapping of sections",
        `allowed sections: ${Object.keys(allowed).join(", ")}`,
      ),
    );
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema") continue;
    const name = key as SectionName;
    const schema = allowed[name];
    if (!schema) {
      problems.push(
        problemAt(
          source,
          [key],
          "SECTION_UNKNOWN",
          `${key} is not a section of ${source.file.split("/")[0]}/`,
          `allowed sections: ${Object.keys(allowed).join(", ")}`,
          "error",
          true,
        ),
      );
      continue;
    }
    const isList = (LIST_SECTIONS as readonly string[]).includes(name);
    if (isList && !Array.isArray(value)) {
      problems.push(problemAt(source, [key], "TYPE_INVALID", `${key} must be a list`));
      continue;
    }
    const items: [unknown, DocPath][] = isList
      ? (value as unknown[]).map((item, index) => [item, [key, index]])
      : [[value, [key]]];
    for (const [item, path] of items) {
      // reportInput: zod 4 leaves the offending value out of its issues unless asked, and the
      // messages name it ("must be a number, not string \"zero\"").
      const parsed = schema.safeParse(item, { reportInput: true });
      if (parsed.success) {
        sections[name].push({ value: parsed.data, source, path });
        continue;
      }
      problems.push(...schemaProblems(source, parsed.error, path));
      const id = item && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
      if (!isList) sections.invalidIds.add(`${name}:*`);
      else if (typeof id === "string") sections.invalidIds.add(`${name}:${id}`);
    }
  }
}

/**
 * The origin of a node, for specs and findings to point back at. Line and column are worked out
 * when first read, so valid data never pays for the position-keeping parse. A class rather than
 * per-object accessors: a large organisation has tens of thousands of origins.
 */
class LazyOrigin implements Origin {
  readonly file: string;
  readonly path: string;
  readonly #source: SourceFile;
  readonly #docPath: DocPath;
  #position: { line: number; col: number } | undefined;

  constructor(source: SourceFile, docPath: DocPath) {
    this.file = source.file;
    this.path = formatPath(docPath);
    this.#source = source;
    this.#docPath = docPath;
  }

  get line(): number {
    return this.locate().line;
  }

  get col(): number {
    return this.locate().col;
  }

  toJSON(): Origin {
    return { file: this.file, line: this.line, col: this.col, path: this.path };
  }

  private locate(): { line: number; col: number } {
    this.#position ??= this.#source.locate(this.#docPath);
    return this.#position;
  }
}

export function originOf(source: SourceFile, path: DocPath): Origin {
  return new LazyOrigin(source, path);
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
