/**
 * npm run demo:drift [-- <drift options, e.g. --format markdown>]
 * Drift without an account: starts the local emulator on 127.0.0.1 (a free port) with the account
 * the shipped data describes, makes a few hand edits through its API (a rule delay changed, a
 * service nobody manages, a schedule deleted, an email changed only in case, which is not drift),
 * runs `drift` against it, prints the report and stops the emulator. Exits with drift's status.
 */
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import { PagerDutyClient } from "../infra/pagerduty-api/client";
import {
  addUnmanagedService,
  changeRuleDelay,
  deleteSchedule,
  upperCaseEmail,
} from "../test/drift/hand-edits";
import { seedFromGraph } from "../test/emulator/seed";
import { DEFAULT_TOKEN, startEmulator } from "../test/emulator/server";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  const { model, problems } = await loadOrg(ROOT);
  if (!model) {
    const errors = problems.filter((problem) => problem.level === "error").length;
    process.stderr.write(
      `demo:drift: the shipped data has ${errors} error(s); run \`npm run check\` to see them.\n`,
    );
    return 2;
  }
  const emulator = await startEmulator({ store: seedFromGraph(expandGraph(model)) });
  try {
    process.stderr.write(`demo:drift: emulator on ${emulator.url}, seeded from ${ROOT}\n`);
    const client = new PagerDutyClient({ token: DEFAULT_TOKEN, baseUrl: emulator.url });
    const edit = await changeRuleDelay(client, 5);
    process.stderr.write(
      `demo:drift: hand edit: "${edit.policy}" rule ${edit.rule + 1} delay ${edit.before} -> ${edit.after} min\n`,
    );
    await addUnmanagedService(client, "Hand-made service");
    process.stderr.write(`demo:drift: hand edit: created service "Hand-made service"\n`);
    const schedule = await deleteSchedule(client);
    process.stderr.write(
      `demo:drift: hand edit: deleted schedule "${schedule}" (after taking it out of its escalation policies)\n`,
    );
    await upperCaseEmail(client);
    process.stderr.write(
      "demo:drift: hand edit: one user's email rewritten in upper case (the same person: not drift)\n",
    );

    process.stderr.write("demo:drift: running drift\n\n");
    return await runDrift(emulator.url, process.argv.slice(2));
  } finally {
    await emulator.close();
  }
}

/** The real command in a child process, so the emulator in this process keeps answering. */
function runDrift(apiUrl: string, extra: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/drift.ts", "--api-url", apiUrl, ...extra],
      {
        cwd: ROOT,
        env: { ...process.env, PAGERDUTY_TOKEN: DEFAULT_TOKEN },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    child.on("error", fail);
    child.on("close", (status) => done(status ?? 2));
  });
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`demo:drift: could not run: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
