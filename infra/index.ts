/**
 * The Pulumi program: read the data, expand it, register the graph. `pulumi preview` and
 * `pulumi up` run this file (see Pulumi.yaml); everything it does is tested offline under mocks.
 *
 * Stack settings (Pulumi.<stack>.yaml):
 *   pagerduty:token                       the PagerDuty API token, as a secret
 *   pagerduty-as-code:dataDir             folder holding contacts/ and policies/ (default: the repo root)
 *   pagerduty-as-code:protectCritical     protect critical escalation policies from deletion (prod: true)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { expandGraph } from "./graph/expand/index";
import { loadOrg } from "./model/load";
import { formatProblem } from "./model/problem";
import { registerGraph } from "./program/register";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default async function program(): Promise<Record<string, pulumi.Output<string>>> {
  const config = new pulumi.Config("pagerduty-as-code");
  const dataDir = path.resolve(repoRoot, config.get("dataDir") ?? ".");

  const { model, problems } = await loadOrg(dataDir);
  const errors = problems.filter((p) => p.level === "error");
  if (!model || errors.length > 0) {
    // Pulumi prints the message; the positions let the author fix the data without running plan.
    throw new pulumi.RunError(
      `the data has ${errors.length} error(s):\n${errors.map((problem) => formatProblem(problem)).join("\n")}`,
    );
  }

  const graph = expandGraph(model);
  const resources = registerGraph(graph, {
    protectCritical: config.getBoolean("protectCritical") ?? false,
  });
  const outputs: Record<string, pulumi.Output<string>> = {};
  for (const spec of graph.resources) {
    if (spec.kind === "escalationPolicy" || spec.kind === "service" || spec.kind === "schedule") {
      outputs[spec.name] = resources.get(spec.name)!.id;
    }
  }
  return outputs;
}
