/**
 * Scratch git repositories for the diff command: a data tree committed, changed and committed
 * again, so the real command can be run with `--base HEAD~1` as a user runs it.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Four people in Europe/Paris, enough for the F05 rotation. */
export const PEOPLE = `people:
  - { id: alice, name: Alice Example, email: alice@example.com, time_zone: Europe/Paris }
  - { id: bob, name: Bob Example, email: bob@example.com, time_zone: Europe/Paris }
  - { id: carol, name: Carol Example, email: carol@example.com, time_zone: Europe/Paris }
  - { id: dave, name: Dave Example, email: dave@example.com, time_zone: Europe/Paris }
`;

/** F05: daily turns in Europe/Paris counted from 2022-08-23 08:00 local. */
export function rotation(members: string[], virtualStart?: string): string {
  return `rotations:
  - id: paris
    name: Paris Daily
    time_zone: Europe/Paris
    covers: always
    layers:
      - id: daily
        start: 2022-08-23T08:00
        rotation_turn_length: 1d
        members: [${members.join(", ")}]
${virtualStart ? `        rotation_virtual_start: ${virtualStart}\n` : ""}`;
}

export type Files = Record<string, string>;

/**
 * A repository whose first commit holds `base` and whose second holds `base` overwritten by
 * `change`, both under `dataDir` (a subfolder of the repository, or "" for its top). Returns the
 * data root.
 */
export function scratchRepo(base: Files, change: Files, dataDir = ""): string {
  const top = mkdtempSync(path.join(tmpdir(), "pd-diff-repo-"));
  const root = path.join(top, dataDir);
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: top,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "Test",
        GIT_AUTHOR_EMAIL: "test@example.com",
        GIT_COMMITTER_NAME: "Test",
        GIT_COMMITTER_EMAIL: "test@example.com",
      },
    });
  const write = (files: Files) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
  };
  git("init", "-q");
  write(base);
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  write(change);
  git("add", "-A");
  git("commit", "-q", "-m", "change");
  return root;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/diff.ts` the way `npm run diff` does (node with tsx). */
export function runDiff(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "scripts/diff.ts"), ...args],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
