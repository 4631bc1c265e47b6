/**
 * Loads the Pulumi entry the way Pulumi's Node.js language host does for an ES-module project
 * (plain node with the loader that Pulumi.yaml's nodeargs name), under Pulumi's mock engine, and
 * prints every registered resource as JSON: `{ type, name, inputs }`.
 *
 * Usage: node --import tsx test/program/run-under-mocks.ts <data dir>
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pulumi from "@pulumi/pulumi";

const dataDir = process.argv[2] ?? ".";
process.env.PULUMI_CONFIG = JSON.stringify({ "pagerduty-as-code:dataDir": path.resolve(dataDir) });

const registered: { type: string; name: string; inputs: Record<string, unknown> }[] = [];
const calls: { token: string; inputs: Record<string, unknown> }[] = [];

await pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call(args) {
      calls.push({ token: args.token, inputs: args.inputs });
      const key = Object.keys(args.inputs)
        .sort()
        .map((k) => String(args.inputs[k]))
        .join("/");
      return { id: `lookup:${args.token}:${key}` };
    },
  },
  "pagerduty-as-code",
  "test",
  false,
);

const entry = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../infra/index.ts");
const program = (await import(pathToFileURL(entry).href)).default as () => Promise<unknown>;
await program();
await pulumi.runtime.disconnect();
process.stdout.write(JSON.stringify({ registered, calls }));
