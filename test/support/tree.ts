/**
 * Fixture trees for tests: copy a valid tree to a temp folder and change one thing in it, through
 * the YAML document so the rest of the file (and its positions) stays as written.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { loadOrg, type LoadResult } from "../../infra/model/load";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MINIMAL = path.join(REPO_ROOT, "test/fixtures/minimal");

export interface Edit {
  file: string;
  path: (string | number)[];
  /** The new value; `undefined` deletes the node. */
  value?: unknown;
}

export function copyTree(base: string = MINIMAL, edits: Edit[] = []): string {
  const root = mkdtempSync(path.join(tmpdir(), "pd-tree-"));
  cpSync(base, root, { recursive: true });
  for (const edit of edits) {
    const file = path.join(root, edit.file);
    const doc = parseDocument(readFileSync(file, "utf8"));
    if (edit.value === undefined) doc.deleteIn(edit.path);
    else doc.setIn(edit.path, doc.createNode(edit.value));
    writeFileSync(file, doc.toString());
  }
  return root;
}

/** Writes whole files into a copy of the base tree (for tests whose input is easiest written out). */
export function treeWithFiles(files: Record<string, string>, base: string = MINIMAL): string {
  const root = copyTree(base);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

export function loadWith(edits: Edit[], base: string = MINIMAL): Promise<LoadResult> {
  return loadOrg(copyTree(base, edits));
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command's entry the way `npm run` does (node with tsx), from the repository root. */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "scripts", script), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
