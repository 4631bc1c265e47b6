/**
 * The one place YAML is read. Each file keeps its parsed document and a line counter so any path in
 * the document can be turned back into `line:col` for messages, checks and drift reports.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { formatPath, type Problem } from "./problem";

export type DocPath = readonly (string | number)[];

export interface SourceFile {
  /** Relative to the data root, forward slashes. */
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data (what the schemas validate). */
  data: unknown;
}

/** Line and column (1-based) of the node at `docPath`, or of its nearest existing parent. */
export function positionOf(source: SourceFile, docPath: DocPath): { line: number; col: number } {
  for (let depth = docPath.length; depth >= 0; depth--) {
    const node =
      depth === 0 ? source.doc.contents : source.doc.getIn(docPath.slice(0, depth), true);
    if (isNode(node) && node.range) {
      // A key's problem is best shown at the key itself: for a missing child, point at the parent.
      const { line, col } = source.lines.linePos(node.range[0]);
      return { line, col };
    }
  }
  return { line: 1, col: 1 };
}

export function problemAt(
  source: SourceFile,
  docPath: DocPath,
  code: string,
  message: string,
  hint?: string,
  level: Problem["level"] = "error",
): Problem {
  const { line, col } = positionOf(source, docPath);
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

/** Parses one YAML text; syntax errors become problems with the parser's own positions. */
export function parseSource(
  file: string,
  text: string,
): { source?: SourceFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    problems.push({
      code: error.code === "DUPLICATE_KEY" ? "YAML_DUPLICATE_KEY" : "YAML_SYNTAX",
      level: doc.errors.includes(error as never) ? "error" : "warning",
      file,
      line: pos.line,
      col: pos.col,
      path: "",
      message: error.message.split("\n")[0] ?? error.message,
      hint: "fix the YAML syntax at this position; other checks of this file wait until it parses",
    });
  }
  if (doc.errors.length > 0) return { problems };
  return { source: { file, doc, lines, data: doc.toJS({ maxAliasCount: 100 }) }, problems };
}

export class UnreadableInputError extends Error {}

/** Reads every `*.yaml` / `*.yml` file of one folder of the data root, sorted by name. */
export async function readFolder(
  root: string,
  folder: string,
): Promise<{ sources: SourceFile[]; problems: Problem[] }> {
  const dir = path.join(root, folder);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
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
