/** The valid base tree of the check tests, and trees that change one line of it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expandGraph } from "../../infra/graph/expand/index";
import type { Graph } from "../../infra/graph/types";
import { loadOrg } from "../../infra/model/load";
import type { OrgModel } from "../../infra/model/types";
import { REPO_ROOT } from "../support/tree";

export const CHECK_VALID = path.join(REPO_ROOT, "test/fixtures/check-valid");

/** Monday 2027-03-01 00:00 UTC: eight whole weeks after the rotations' start (2027-01-04). */
export const NOW = "2027-03-01T00:00:00Z";

/**
 * A copy of the valid tree with one exact piece of text replaced. Text (not a re-serialised YAML
 * document) keeps every other line and column where the base file has it, so expected positions
 * are read off the base file.
 */
export function treeWith(file: string, from: string, to: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "pd-check-"));
  cpSync(CHECK_VALID, root, { recursive: true });
  const target = path.join(root, file);
  const text = readFileSync(target, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`"${from}" occurs ${count} times in ${file}, not once`);
  writeFileSync(target, text.replace(from, to));
  return root;
}

export async function loadTree(root: string): Promise<{ model: OrgModel; graph: Graph }> {
  const { model, problems } = await loadOrg(root);
  if (!model) throw new Error(`fixture ${root} is invalid: ${JSON.stringify(problems)}`);
  return { model, graph: expandGraph(model) };
}
