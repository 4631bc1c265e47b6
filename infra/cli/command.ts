/**
 * What every command shares: argument parsing with one clear line for bad arguments, one logger
 * (data on stdout, diagnostics on stderr), and exit statuses 0 (nothing to report), 1 (findings),
 * 2 (could not run). No stack trace reaches the user unless --log-level debug asks for it.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UnreadableInputError } from "../model/source";

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type LogLevel = "error" | "warn" | "info" | "debug";
const LEVELS: LogLevel[] = ["error", "warn", "info", "debug"];

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const threshold = LEVELS.indexOf(level);
  const at = (l: LogLevel) => (message: string) => {
    if (LEVELS.indexOf(l) <= threshold)
      write(l === "error" ? `error: ${message}` : l === "info" ? message : `${l}: ${message}`);
  };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

/** A problem with the invocation or the environment: one line on stderr, exit 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export const COMMON_OPTIONS = {
  dir: { type: "string" },
  format: { type: "string" },
  "log-level": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export interface CommandSpec<O extends Options> {
  name: string;
  usage: string;
  options: O;
  formats: readonly string[];
}

export interface Invocation {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  format: string;
  dir: string;
  log: Logger;
}

/** Parses argv, runs the body, and turns every failure into a clear line and an exit status. */
export async function runCommand<O extends Options>(
  spec: CommandSpec<O>,
  body: (inv: Invocation) => Promise<ExitCode>,
  argv: string[] = process.argv.slice(2),
): Promise<never> {
  // A reader such as `head` closing the pipe is not an error of ours.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok);
  });
  let log = createLogger("info");
  let code: ExitCode;
  try {
    const inv = parseInvocation(spec, argv);
    log = inv.log;
    if (inv.values.help) {
      process.stdout.write(`${spec.usage}\n`);
      code = EXIT.ok;
    } else {
      code = await body(inv);
    }
  } catch (error) {
    code = EXIT.failure;
    if (error instanceof UsageError || error instanceof UnreadableInputError) {
      log.error(error.message);
    } else {
      log.error(
        `${spec.name} could not run: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (error instanceof Error && error.stack) log.debug(error.stack);
    }
  }
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}

export function parseInvocation<O extends Options>(
  spec: CommandSpec<O>,
  argv: string[],
): Invocation {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...spec.options },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split("\n")[0]}; usage: ${spec.usage.split("\n")[0]}`,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const level = (values["log-level"] as string | undefined) ?? "info";
  if (!LEVELS.includes(level as LogLevel)) {
    throw new UsageError(`--log-level must be one of ${LEVELS.join(", ")}, not ${level}`);
  }
  const format = (values.format as string | undefined) ?? spec.formats[0]!;
  if (!spec.formats.includes(format)) {
    throw new UsageError(`--format must be one of ${spec.formats.join(", ")}, not ${format}`);
  }
  return {
    values,
    positionals: parsed.positionals,
    format,
    dir: (values.dir as string | undefined) ?? process.cwd(),
    log: createLogger(level as LogLevel),
  };
}

/**
 * `--now` as epoch milliseconds; defaults to the clock, which only commands ever read. The instant
 * must carry `Z` or an offset (a bare local time would depend on the machine's zone) and be a real
 * date (2026-02-30 is refused rather than rolled over into March).
 */
export function parseNow(value: string | boolean | undefined): number {
  if (value === undefined) return Date.now();
  const text = typeof value === "string" ? value : "";
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(
      text,
    );
  const ms = match ? Date.parse(text) : NaN;
  const [, y, mo, d, h, mi] = match ?? [];
  const real =
    match !== null &&
    !Number.isNaN(ms) &&
    Number(mo) >= 1 &&
    Number(mo) <= 12 &&
    Number(d) <= new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate() &&
    Number(h) <= 23 &&
    Number(mi) <= 59;
  if (!real) {
    throw new UsageError(
      `--now must be an ISO 8601 instant with Z or an offset, such as 2026-01-05T12:00:00Z, not ${String(value)}`,
    );
  }
  return ms;
}
