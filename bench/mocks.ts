/**
 * The same graph through the Pulumi program under Pulumi's mock engine: what a program-level test,
 * or the program phase of `pulumi preview`, costs. It waits until the engine has received every
 * resource, then disconnects, which waits for the remaining data-source calls.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Graph } from "../infra/graph/types";
import { registerGraph } from "../infra/program/register";

export async function registerUnderMocks(
  graph: Graph,
): Promise<{ registered: number; calls: number }> {
  let registered = 0;
  let calls = 0;
  let done!: () => void;
  const allRegistered = new Promise<void>((resolve) => (done = resolve));
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered += 1;
        if (registered === graph.resources.length) done();
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call(args) {
        calls += 1;
        return { id: `${args.token}-result` };
      },
    },
    "pagerduty-as-code",
    "bench",
    false,
  );
  registerGraph(graph);
  if (graph.resources.length > 0) await allRegistered;
  await pulumi.runtime.disconnect();
  return { registered, calls };
}
