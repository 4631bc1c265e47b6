/**
 * `npm run drift -- [--dir <root>] [--format text|json] [--workspace <slack team id>]...`: compares
 * the data with the live account, read-only. Token from PAGERDUTY_TOKEN; base URL from
 * PAGERDUTY_API_URL (default the public API). Exit 0 no drift, 1 drift, 2 could not run or read.
 */
import { parseArgs } from "node:util";
import { compare, type DriftReport } from "../infra/drift/compare";
import { flattenAccount } from "../infra/drift/flatten";
import { readAccount } from "../infra/drift/read";
import { PagerDutyClient } from "../infra/pagerduty-api/client";
import { PagerDutyApiError } from "../infra/pagerduty-api/errors";

/** Emails and long digit runs (phone numbers) masked, since CI logs are widely readable. */
export function mask(text: string): string {
  return text
    .replace(/([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)/g, "$1***@$2")
    .replace(/\d{4,}(\d{2})/g, (_, last: string) => `***${last}`);
}

function renderText(report: DriftReport): string {
  const lines: string[] = [];
  for (const entry of report.missing)
    lines.push(`missing   ${entry.kind} ${entry.name} (${entry.key})`);
  for (const entry of report.changed) {
    lines.push(`changed   ${entry.kind} ${entry.name} (${entry.liveId})`);
    for (const change of entry.changes) {
      lines.push(
        `            ${change.field}: ${JSON.stringify(change.old)} -> ${JSON.stringify(change.new)}`,
      );
    }
  }
  for (const entry of report.importable)
    lines.push(`import    ${entry.kind} ${entry.name} (${entry.liveId})`);
  for (const entry of report.unmanaged)
    lines.push(`unmanaged ${entry.kind} ${entry.key} (${entry.liveId})`);
  const counts = `${report.missing.length} missing, ${report.changed.length} changed, ${report.unmanaged.length} unmanaged`;
  lines.push(lines.length === 0 ? "No drift." : counts);
  return lines.join("\n");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        dir: { type: "string", default: "." },
        format: { type: "string", default: "text" },
        workspace: { type: "string", multiple: true, default: [] },
        "show-personal-data": { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `drift: ${(error as Error).message}; usage: npm run drift -- [--dir <root>] [--format text|json] [--workspace <id>]\n`,
    );
    return 2;
  }
  if (args.format !== "text" && args.format !== "json") {
    process.stderr.write(`drift: --format must be text or json, not "${args.format}".\n`);
    return 2;
  }
  const token = process.env.PAGERDUTY_TOKEN;
  if (!token) {
    process.stderr.write("drift: set PAGERDUTY_TOKEN to a read-only REST API key.\n");
    return 2;
  }

  const { loadOrg } = await import("../infra/model/load");
  const { expandGraph } = await import("../infra/graph/expand/index");
  const { model, problems } = await loadOrg(args.dir);
  if (!model) {
    const errors = problems.filter((problem) => problem.level === "error").length;
    process.stderr.write(
      `drift: the data in ${args.dir} has ${errors} error(s); run the check command first.\n`,
    );
    return 2;
  }
  const desired = expandGraph(model);
  const workspaces = new Set(args.workspace);
  for (const spec of desired.resources) {
    if (spec.kind === "slackConnection") workspaces.add(String(spec.inputs.workspaceId));
  }

  const client = new PagerDutyClient({
    token,
    baseUrl: process.env.PAGERDUTY_API_URL,
    readOnly: true,
    log: (line) => process.stderr.write(`drift: ${line}\n`),
  });
  let report: DriftReport;
  try {
    const account = await readAccount(client, [...workspaces].sort());
    report = compare(desired, flattenAccount(account, { now: new Date() }));
  } catch (error) {
    // A partial read must never look like "no drift".
    const message =
      error instanceof PagerDutyApiError
        ? error.message
        : `unexpected failure: ${(error as Error).message}`;
    process.stderr.write(`drift: could not read the whole account: ${message}\n`);
    return 2;
  }

  const output = args.format === "json" ? JSON.stringify(report, null, 2) : renderText(report);
  process.stdout.write(`${args["show-personal-data"] ? output : mask(output)}\n`);
  const drifted =
    report.missing.length +
    report.changed.length +
    report.unmanaged.length +
    report.importable.length;
  return drifted > 0 ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`drift: could not run: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
