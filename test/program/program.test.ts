import { execFile } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandGraph } from "../../infra/graph/expand/index";
import { isLookup, isRef, type InputValue } from "../../infra/graph/types";
import { loadOrg } from "../../infra/model/load";
import { MINIMAL, REPO_ROOT } from "../support/tree";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** Runs infra/index.ts in a child process the way Pulumi's language host loads it, under mocks. */
function registerUnderMocks(
  dataDir: string,
): Promise<{ registered: Registered[]; calls: unknown[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "test/program/run-under-mocks.ts"), dataDir],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

/**
 * What the mock engine must have received for a spec: references become the id the mocks give
 * the referenced resource (`<name>-id`), lookups the id the mocked data source returns.
 */
function resolved(value: InputValue): unknown {
  if (isRef(value)) return `${value.ref}-id`;
  if (isLookup(value)) {
    switch (value.lookup) {
      case "priority":
        return `lookup:pagerduty:index/getPriority:getPriority:${value.name}`;
      case "defaultEmail":
        // Inputs of the data source in key order: label, type, userId.
        return `lookup:pagerduty:index/getUserContactMethod:getUserContactMethod:Default/email_contact_method/${value.user.ref}-id`;
    }
  }
  if (Array.isArray(value)) return value.map(resolved);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v)]));
  }
  return value;
}

describe("the Pulumi program", () => {
  it.each([
    ["the shipped data", REPO_ROOT],
    ["the minimal fixture", MINIMAL],
  ])("must register exactly the graph of %s, resource for resource", async (_label, dir) => {
    const { model } = await loadOrg(dir);
    const graph = expandGraph(model!);
    const { registered } = await registerUnderMocks(dir);

    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const expected = graph.resources
      .map((spec) => ({ type: spec.type, name: spec.name, inputs: resolved(spec.inputs) }))
      .sort(byName);
    expect([...registered].sort(byName)).toEqual(expected);
  });
});
