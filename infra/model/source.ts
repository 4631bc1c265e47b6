/**
 * The one place YAML is read. Data comes from js-yaml (YAML 1.2 core schema), which reads a large
 * organisation about ten times faster than a parser that keeps positions; the `yaml` library, which
 * keeps every node's position, parses a file a second time only when something in it has to be
 * shown at `line:col` (a problem, a finding, a drift report). Valid data is read once.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { isMap, isNode, LineCounter, parseDocument, type Document } from "yaml";
import { formatPath, type Problem } from "./problem";

export type DocPath = readonly (string | number)[];

export interface SourceFile {
  /** Relative to the data root, forward slashes. */
  file: string;
  /** The document as plain data (what the schemas validate). */
  data: unknown;
  /** Line and column (1-based) of the node at a path, or of its nearest existing parent. */
  locate(docPath: DocPath): { line: number; col: number };
  /** Line and column of the key of a mapping entry (an unknown field is shown at its name). */
  locateKey(docPath: DocPath): { line: number; col: number };
}

interface Positions {
  doc: Document.Parsed;
  lines: LineCounter;
}

function parseWithPositions(text: string): Positions {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

class YamlSource implements SourceFile {
  private positions: Positions | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    readonly data: unknown,
  ) {}

  locate(docPath: DocPath): { line: number; col: number } {
    this.positions ??= parseWithPositions(this.text);
    const { doc, lines } = this.positions;
    for (let depth = docPath.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(docPath.slice(0, depth), true);
      // For a missing child (a required field left out) the parent is the place to show.
      if (isNode(node) && node.range) return lines.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  locateKey(docPath: DocPath): { line: number; col: number } {
    const key = docPath[docPath.length - 1];
    this.positions ??= parseWithPositions(this.text);
    const { doc, lines } = this.positions;
    const parentPath = docPath.slice(0, -1);
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (typeof key === "string" && isMap(parent)) {
      const pair = parent.items.find(
        (item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === key,
      );
      if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
    }
    return this.locate(docPath);
  }
}

export function positionOf(source: SourceFile, docPath: DocPath): { line: number; col: number } {
  return source.locate(docPath);
}

export function problemAt(
  source: SourceFile,
  docPath: DocPath,
  code: string,
  message: string,
  hint?: string,
  level: Problem["level"] = "error",
  atKey = false,
): Problem {
  const { line, col } = atKey ? source.locateKey(docPath) : source.locate(docPath);
  const problem: Problem = {
    code,
    level,
    file: source.file,
    line,
    col,
    path: formatPath(docPath),
    message,
  };
  if (hint !== undefined) problem.hint = hint;
  return problem;
}

/** Parses one YAML text; syntax errors become problems with the `yaml` parser's own positions. */
export function parseSource(
  file: string,
  text: string,
): { source?: SourceFile; problems: Problem[] } {
  try {
    // The core schema: no timestamps, so `2026-01-05T09:00` stays the string the schemas expect;
    // duplicate keys are refused, as by the position-keeping parser.
    const data = loadYaml(text, { schema: CORE_SCHEMA, filename: file });
    return { source: new YamlSource(file, text, data), problems: [] };
  } catch (error) {
    return { problems: syntaxProblems(file, text, error) };
  }
}

function syntaxProblems(file: string, text: string, fastError: unknown): Problem[] {
  const hint =
    "fix the YAML syntax at this position; other checks of this file wait until it parses";
  const { doc, lines } = parseWithPositions(text);
  const problems: Problem[] = doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    return {
      code: error.code === "DUPLICATE_KEY" ? "YAML_DUPLICATE_KEY" : "YAML_SYNTAX",
      level: "error",
      file,
      line: pos.line,
      col: pos.col,
      path: "",
      message: error.message.split("\n")[0] ?? error.message,
      hint,
    };
  });
  // After the first syntax error the parser is lost and the rest are echoes of it (a stray tab
  // gives a dozen); duplicate keys are independent and all worth fixing.
  const first = problems.find((p) => p.code === "YAML_SYNTAX");
  const kept = problems.filter((p) => p === first || p.code === "YAML_DUPLICATE_KEY");
  if (kept.length > 0) return kept;
  // Only the fast parser objected: report its own words and position.
  const mark = (fastError as { mark?: { line: number; column: number } }).mark;
  const reason = (fastError as { reason?: string }).reason ?? String(fastError);
  return [
    {
      code: "YAML_SYNTAX",
      level: "error",
      file,
      line: (mark?.line ?? 0) + 1,
      col: (mark?.column ?? 0) + 1,
      path: "",
      message: reason,
      hint,
    },
  ];
}

export class UnreadableInputError extends Error {}

/**
 * Reads every `*.yaml` / `*.yml` file (any case) of one folder of the data root and of its
 * subfolders, sorted by path, so a file is never left out because of where or how it is named.
 * Hidden files and folders are skipped.
 */
export async function readFolder(
  root: string,
  folder: string,
): Promise<{ sources: SourceFile[]; problems: Problem[] }> {
  const dir = path.join(root, folder);
  let names: string[];
  try {
    const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
    names = entries
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)))
      .map((name) => name.split(path.sep).join("/"))
      // Hidden files and folders (editor copies, .git) are not data.
      .filter((name) => !name.split("/").some((part) => part.startsWith(".")))
      .sort();
  } catch (error) {
    throw new UnreadableInputError(`cannot read folder ${dir}: ${describeFsError(error)}`);
  }
  const sources: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, name), "utf8");
    } catch (error) {
      throw new UnreadableInputError(
        `cannot read ${path.join(dir, name)}: ${describeFsError(error)}`,
      );
    }
    const parsed = parseSource(file, text);
    problems.push(...parsed.problems);
    if (parsed.source) sources.push(parsed.source);
  }
  return { sources, problems };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "not a folder";
    default:
      return code ?? String(error);
  }
}
