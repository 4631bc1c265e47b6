/**
 * The emulator for the drift stage, in its own process so its work is not counted as the client's:
 * seeded with the graph of `--root`, listening on 127.0.0.1 on a port the system picks. Prints
 * `{"url": …}` once listening; on a `stop` line on stdin prints `{"requests": n, …}` (its own log
 * of what it answered) and exits.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { seedFromGraph } from "../test/emulator/seed";
import { startEmulator } from "../test/emulator/server";

const { values } = parseArgs({ options: { root: { type: "string" } } });
const { model, problems } = await loadOrg(values.root ?? ".");
if (!model) {
  process.stderr.write(`bench emulator: the tree has ${problems.length} problem(s)\n`);
  process.exit(2);
}
const emulator = await startEmulator({ port: 0, store: seedFromGraph(expandGraph(model)) });
process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== "stop") continue;
  const statuses: Record<string, number> = {};
  for (const request of emulator.requests) {
    const key = `${request.method} ${request.status}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  process.stdout.write(`${JSON.stringify({ requests: emulator.requests.length, statuses })}\n`);
  await emulator.close();
  process.exit(0);
}
