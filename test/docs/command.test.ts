import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDocs } from "./support";

const NOW = "2026-01-05T12:00:00Z";
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "docs-command-"));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** Every file under `dir` with the SHA-256 of its bytes, sorted by path. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort()) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash("sha256").update(await readFile(file)).digest("hex");
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe("npm run docs", () => {
  it("two runs must write identical files when --now is the same", async () => {
    const [first, second] = [await tempDir(), await tempDir()];
    const a = await runDocs(["--now", NOW, "--out", first]);
    const b = await runDocs(["--now", NOW, "--out", second]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const hashes = await hashTree(first);
    expect(Object.keys(hashes)).toContain("index.html");
    expect(Object.keys(hashes)).toContain(path.join("timelines", "escalation-policy-p0-critical.svg"));
    expect(await hashTree(second)).toEqual(hashes);
  });

  it("index.html must link every page and timeline it wrote when the run succeeds", async () => {
    const out = await tempDir();
    expect((await runDocs(["--now", NOW, "--out", out])).code).toBe(0);
    const index = await readFile(path.join(out, "index.html"), "utf8");
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const written = Object.keys(await hashTree(out)).map((f) => f.split(path.sep).join("/"));
    for (const file of written.filter((f) => f.endsWith(".html") || f.endsWith(".svg"))) {
      expect(links, `index.html does not link ${file}`).toContain(file);
    }
    for (const link of links) expect(written, `index.html links a missing ${link}`).toContain(link);
  });

  it("a stale timeline must be removed when its policy is no longer in the data", async () => {
    const out = await tempDir();
    await mkdir(path.join(out, "timelines"), { recursive: true });
    await writeFile(path.join(out, "timelines", "escalation-policy-gone.svg"), "<svg/>");
    await writeFile(path.join(out, "notes.txt"), "kept");
    expect((await runDocs(["--now", NOW, "--out", out])).code).toBe(0);
    const files = Object.keys(await hashTree(out));
    expect(files).not.toContain(path.join("timelines", "escalation-policy-gone.svg"));
    expect(files).toContain("notes.txt");
  });

  it("the command must exit 2 with one line on stderr when --now is not an instant", async () => {
    const result = await runDocs(["--now", "tomorrow", "--out", await tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      "error: --now must be an ISO 8601 instant with Z or an offset, such as 2026-01-05T12:00:00Z, not tomorrow",
    ]);
  });

  it("the command must exit 1 and write nothing when the data is invalid", async () => {
    const root = await tempDir();
    const out = path.join(root, "out");
    await mkdir(path.join(root, "contacts"));
    await mkdir(path.join(root, "policies"));
    await writeFile(path.join(root, "contacts", "people.yaml"), "people:\n  - id: alice\n");
    const result = await runDocs(["--dir", root, "--now", NOW, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^contacts\/people\.yaml:\d+:\d+ error /);
    await expect(readdir(out)).rejects.toThrow();
  });
});
