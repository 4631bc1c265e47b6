/**
 * `npm run emulator -- --port <p> [--from-config <dir>] [--token <t>]`: a local PagerDuty API on
 * 127.0.0.1, empty or seeded with the account that the data in `<dir>` would produce.
 */
import { parseArgs } from "node:util";
import { seedFromGraph } from "../test/emulator/seed";
import { DEFAULT_TOKEN, startEmulator } from "../test/emulator/server";
import type { Store } from "../test/emulator/store";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: "string", default: "0" },
        "from-config": { type: "string" },
        token: { type: "string", default: DEFAULT_TOKEN },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `emulator: ${(error as Error).message}; usage: npm run emulator -- --port <p> [--from-config <dir>] [--token <t>]\n`,
    );
    return 2;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `emulator: --port must be a number from 0 to 65535, not "${args.port}".\n`,
    );
    return 2;
  }

  let store: Store | undefined;
  if (args["from-config"]) {
    // Loaded only when asked, so the emulator still starts while the model is being changed.
    const { loadOrg } = await import("../infra/model/load");
    const { expandGraph } = await import("../infra/graph/expand/index");
    const { model, problems } = await loadOrg(args["from-config"]);
    if (!model) {
      const errors = problems.filter((problem) => problem.level === "error").length;
      process.stderr.write(
        `emulator: ${args["from-config"]} has ${errors} error(s); run \`npm run check -- --dir ${args["from-config"]}\` to see them.\n`,
      );
      return 2;
    }
    store = seedFromGraph(expandGraph(model));
  }

  const emulator = await startEmulator({ port, store, tokens: [args.token] });
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(
    `emulator: PagerDuty API on ${emulator.url} (Slack API under /integration-slack); stop with Ctrl-C.\n`,
  );
  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return -1;
}

main().then(
  (status) => {
    if (status >= 0) process.exit(status);
  },
  (error: unknown) => {
    process.stderr.write(`emulator: could not start: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
