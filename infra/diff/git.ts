/**
 * The data as it was at a git ref: `contacts/` and `policies/` of the data root read from the
 * repository's object store into a temporary folder, so `loadOrg` reads them exactly as it reads
 * the working tree. The data root may be a subfolder of the repository.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { UsageError } from "../cli/command";

const DATA_FOLDERS = ["contacts", "policies"] as const;

export interface TreeAtRef {
  /** A temporary data root holding `contacts/` and `policies/` as they were at the ref. */
  root: string;
  /** The full commit id the ref named. */
  commit: string;
  /** YAML files found at the ref; 0 when the data did not exist yet. */
  files: number;
  /** Removes the temporary folder. */
  cleanup(): void;
}

/**
 * Extracts the data root's YAML files at `ref`. A ref that names no commit, or a data root outside
 * a git repository, is a {@link UsageError} (exit 2, one line).
 */
export async function readTreeAtRef(dataRoot: string, ref: string): Promise<TreeAtRef> {
  const topLevel = await git(dataRoot, ["rev-parse", "--show-toplevel"]).catch((error) => {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${dataRoot} is not inside a git repository, so --base has nothing to name`,
    );
  });
  const top = topLevel.trim();
  const prefix = (await git(dataRoot, ["rev-parse", "--show-prefix"])).trim();

  const commit = (
    await git(top, [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${ref}^{commit}`,
    ]).catch((error) => {
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        `--base ${ref} does not name a commit in ${top}; fetch it first (CI: checkout with fetch-depth: 0) or use a branch, tag or commit id`,
      );
    })
  ).trim();

  const listing = await git(top, [
    "ls-tree",
    "-r",
    "-z",
    "--full-tree",
    commit,
    "--",
    ...DATA_FOLDERS.map((folder) => `${prefix}${folder}`),
  ]);
  const root = mkdtempSync(path.join(tmpdir(), "pd-diff-base-"));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  let files = 0;
  try {
    for (const folder of DATA_FOLDERS) mkdirSync(path.join(root, folder));
    for (const entry of listing.split("\0")) {
      // `<mode> <type> <object>\t<path>`; only regular files directly inside a data folder count,
      // as `readFolder` reads the working tree (symlinks and subfolders are not followed there).
      const match = /^(100644|100755) blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (!match) continue;
      const relative = match[3]!.slice(prefix.length);
      const [folder, name, ...rest] = relative.split("/");
      if (rest.length > 0 || name === undefined || !/\.ya?ml$/.test(name)) continue;
      writeFileSync(
        path.join(root, folder!, name),
        await git(top, ["cat-file", "blob", match[2]!]),
      );
      files++;
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { root, commit, files, cleanup };
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") {
          reject(new UsageError("diff needs the git command, and it was not found on PATH"));
        } else if (error) {
          const reason = stderr.trim().split("\n")[0] || error.message;
          reject(new Error(`git ${args[0]} failed: ${reason}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}
