/**
 * npm run drift -- --api-url <url> [--dir <root>] [--format text|json|markdown] [--show-personal]
 *   [--workspace <Slack team id>]... [--state <stack export>] [--import-file <path>] [--now <ISO>]
 * Compares the data with the live account, read-only (the client refuses anything but GET).
 * Exit 0 no drift, 1 drift, 2 could not run or could not read the whole account.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT, parseNow, runCommand, UsageError } from "../infra/cli/command";
import { compare } from "../infra/drift/compare";
import { flattenAccount } from "../infra/drift/flatten";
import { buildImportFile, renderImportFile } from "../infra/drift/import";
import { PartialReadError, readAccount } from "../infra/drift/read";
import { parseStackExport, StateFileError } from "../infra/drift/state";
import { expandGraph } from "../infra/graph/expand/index";
import { loadOrg } from "../infra/model/load";
import {
  DEFAULT_BASE_URL,
  DEFAULT_SLACK_BASE_URL,
  PagerDutyClient,
} from "../infra/pagerduty-api/client";
import { PagerDutyApiError } from "../infra/pagerduty-api/errors";
import {
  countDrift,
  renderDriftJson,
  renderDriftMarkdown,
  renderDriftText,
  type DriftRenderInput,
} from "../infra/render/drift";

const USAGE = `npm run drift -- --api-url <url> [--dir <root>] [--format text|json|markdown] [--show-personal] [--workspace <Slack team id>]... [--state <file>] [--import-file <path>] [--now <ISO instant>] [--log-level error|warn|info|debug]

Compares the data in <root>/contacts and <root>/policies with a live PagerDuty account, read-only:
objects missing live, objects changed by hand (field by field, live -> data) and live objects the
data does not describe. Exit 0: no drift. 1: drift. 2: could not run, or could not read the whole
account (a failed page, a rate limit that never cleared); a partial read is never reported as clean.

  --api-url <url>      The REST API to read, e.g. https://api.pagerduty.com (or PAGERDUTY_API_URL).
                       Required: drift never assumes the real API, so a test or demo that forgets
                       the address fails instead of sending its token there.
  --slack-api-url <url> The Slack integration API. Default <api-url>/integration-slack, or
                       https://app.pagerduty.com/integration-slack when --api-url is the public API.
  PAGERDUTY_TOKEN      A REST API key; a read-only key is enough and is recommended.
  --format             text (default), json, or markdown (for a CI job summary).
  --show-personal      Show emails and phone numbers; they are masked by default.
  --workspace <id>     Also read the Slack connections of this workspace; the workspaces the data
                       names are always read. Connections in workspaces not read are not seen.
  --state <file>       The stack's state, from \`pulumi stack export --file <file>\`. With it, a live
                       object that matches a desired one but is not in the stack is reported as
                       "to import" (exit 1), so \`pulumi up\` does not create it a second time.
  --import-file <path> Write a Pulumi bulk-import file for those objects. Without --state, drift
                       cannot tell what the stack manages, so the file lists every live object that
                       matches a desired one: the file for adopting an existing account into a new
                       stack. Use it with:
                         pulumi import --file <path> --generate-code=false
                       (the program already declares these resources under the same logical names),
                       then \`pulumi preview\` should show updates only where drift said "changed".
  --now <ISO instant>  The instant that decides which schedule layers have ended. Default now.`;

await runCommand(
  {
    name: "drift",
    usage: USAGE,
    options: {
      "api-url": { type: "string" },
      "slack-api-url": { type: "string" },
      "show-personal": { type: "boolean" },
      workspace: { type: "string", multiple: true },
      state: { type: "string" },
      "import-file": { type: "string" },
      now: { type: "string" },
    },
    formats: ["text", "json", "markdown"],
  },
  async ({ dir, format, values, log }) => {
    const apiUrl = baseUrl(
      "--api-url",
      (values["api-url"] as string | undefined) ?? process.env.PAGERDUTY_API_URL,
    );
    const slackApiUrl =
      (values["slack-api-url"] as string | undefined) !== undefined
        ? baseUrl("--slack-api-url", values["slack-api-url"] as string)
        : apiUrl.replace(/\/+$/, "") === DEFAULT_BASE_URL
          ? DEFAULT_SLACK_BASE_URL
          : undefined;
    const token = process.env.PAGERDUTY_TOKEN;
    if (!token)
      throw new UsageError(
        "PAGERDUTY_TOKEN is not set; set it to a read-only REST API key of the account to compare.",
      );
    const now = parseNow(values.now);
    const stateIds = values.state ? await readState(values.state as string) : undefined;

    const root = path.resolve(dir);
    const { model, problems } = await loadOrg(root);
    if (!model) {
      const errors = problems.filter((problem) => problem.level === "error").length;
      log.error(
        `the data in ${root} has ${errors} error(s), so it cannot be compared; run \`npm run check -- --dir ${dir}\` to see them.`,
      );
      // Invalid data is a finding, as for plan, check and diff; 2 is for a run that could not read.
      return EXIT.findings;
    }
    const desired = expandGraph(model);
    const workspaces = new Set((values.workspace as unknown as string[] | undefined) ?? []);
    for (const spec of desired.resources) {
      if (spec.kind === "slackConnection") workspaces.add(String(spec.inputs.workspaceId));
    }

    const client = new PagerDutyClient({
      token,
      baseUrl: apiUrl,
      slackBaseUrl: slackApiUrl,
      readOnly: true,
      log: (line) => log.debug(line),
    });
    // Debug, not info: a run that fails prints one line on stderr, and that line is the error.
    log.debug(`drift: reading the account at ${apiUrl} (read-only)`);
    let account;
    try {
      account = await readAccount(client, [...workspaces].sort());
    } catch (error) {
      if (error instanceof PartialReadError || error instanceof PagerDutyApiError) {
        log.error(`drift: ${error.message}`);
        return EXIT.failure;
      }
      throw error;
    }
    const live = flattenAccount(account, { now: new Date(now) });
    const report = compare(desired, live, { stateIds, now: new Date(now) });

    const importFile = values["import-file"] as string | undefined;
    if (importFile) {
      // Without the state every match may be unmanaged: an empty set says "the stack holds none".
      const entries = stateIds
        ? report.importable
        : compare(desired, live, { stateIds: new Set(), now: new Date(now) }).importable;
      await writeFile(importFile, renderImportFile(buildImportFile(entries, live)));
      log.info(
        `drift: wrote ${entries.length} resource(s) to import to ${importFile}; adopt them with \`pulumi import --file ${importFile} --generate-code=false\``,
      );
    }

    const input: DriftRenderInput = {
      report,
      showPersonal: values["show-personal"] === true,
      apiUrl,
      at: new Date(now).toISOString(),
      importFile,
    };
    const render =
      format === "json"
        ? renderDriftJson
        : format === "markdown"
          ? renderDriftMarkdown
          : renderDriftText;
    process.stdout.write(render(input));
    return countDrift(report) > 0 ? EXIT.findings : EXIT.ok;
  },
);

function baseUrl(flag: string, value: string | undefined): string {
  if (!value)
    throw new UsageError(
      `${flag} is required: pass the API to read, e.g. ${flag} ${DEFAULT_BASE_URL} for the real account (or set PAGERDUTY_API_URL); drift does not assume it.`,
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `${flag} must be an http(s) URL such as ${DEFAULT_BASE_URL}, not ${value}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError(
      `${flag} must be an http(s) URL such as ${DEFAULT_BASE_URL}, not ${value}`,
    );
  // A password in the URL would be repeated in every error message and log line.
  if (url.username || url.password)
    throw new UsageError(
      `${flag} must not carry a user name or password; the token comes from PAGERDUTY_TOKEN`,
    );
  return value;
}

async function readState(file: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read --state ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); write it with \`pulumi stack export --file ${file}\`.`,
    );
  }
  try {
    return parseStackExport(text, file);
  } catch (error) {
    if (error instanceof StateFileError) throw new UsageError(error.message);
    throw error;
  }
}
