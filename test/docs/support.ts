/** What the docs tests share: the repository's own data, and the docs command run as `npm run` runs it. */
import { execFile } from "node:child_process";
import path from "node:path";
import { expandGraph } from "../../infra/graph/expand/index";
import type { Graph } from "../../infra/graph/types";
import { loadOrg } from "../../infra/model/load";
import type { OrgModel } from "../../infra/model/types";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The committed contacts/ and policies/, loaded and expanded. */
export async function loadRepository(): Promise<{ model: OrgModel; graph: Graph }> {
  const { model, problems } = await loadOrg(REPO_ROOT);
  if (!model) throw new Error(`the repository's data does not load: ${JSON.stringify(problems)}`);
  return { model, graph: expandGraph(model) };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/docs.ts with node and tsx from the repository root, as `npm run docs --` does. */
export function runDocs(args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "scripts/docs.ts"), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The text of one element matched by a regular expression, with tags removed and spaces folded. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
