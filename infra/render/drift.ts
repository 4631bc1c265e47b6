/**
 * render: a drift report as text (a terminal), JSON (other tools) or Markdown (the scheduled job's
 * summary). Objects are named by the data's logical name and PagerDuty's display name; a changed
 * object lists every field that differs, live value -> the data's value. Emails and phone numbers
 * are masked unless the reader asked for personal details, since CI logs are widely readable.
 */
import { MASKED_ALIKE, maskEmail, maskPhone } from "../cli/mask";
import type { DriftEntry, DriftReport, FieldChange } from "../drift/compare";
import { KIND_ORDER, type ResourceKind } from "../graph/types";

export interface DriftRenderInput {
  report: DriftReport;
  showPersonal: boolean;
  /** Where the account was read, for the report's heading (never carries the token). */
  apiUrl: string;
  /** The instant the account was read at (`--now`), ISO 8601. */
  at: string;
  /** Where the import file was written, if it was. */
  importFile?: string;
}

type Section = "missing" | "changed" | "unmanaged" | "importable";

const SECTION_TITLES: Record<Section, string> = {
  missing: "Missing: in the data, not in PagerDuty",
  changed: "Changed: differs from the data (live -> data)",
  unmanaged: "Unmanaged: in PagerDuty, not in the data",
  importable: "Not in the Pulumi stack: import them, or `pulumi up` would create a second copy",
};

export function countDrift(report: DriftReport): number {
  return (
    report.missing.length +
    report.changed.length +
    report.unmanaged.length +
    report.importable.length
  );
}

export function renderDriftText(input: DriftRenderInput): string {
  const report = input.showPersonal ? input.report : maskReport(input.report);
  const out: string[] = [];
  for (const entry of report.missing) out.push(`missing    ${describe(entry)}`);
  for (const entry of report.changed) {
    out.push(`changed    ${describe(entry)}`);
    for (const change of entry.changes)
      out.push(
        `             ${change.field}: ${formatValue(change.old)} -> ${formatValue(change.new)}${maskedAlike(change)}`,
      );
  }
  for (const entry of report.unmanaged) out.push(`unmanaged  ${describe(entry)}`);
  for (const entry of report.importable) out.push(`import     ${describe(entry)}`);
  if (out.length > 0) out.push("");
  out.push(
    countDrift(report) === 0
      ? `No drift: the account at ${input.apiUrl} matches the data.`
      : `Drift: ${summary(report)} (live -> data).`,
  );
  if (input.importFile)
    out.push(`Import file: ${input.importFile} (${report.importable.length} resource(s)).`);
  return `${out.join("\n")}\n`;
}

export function renderDriftJson(input: DriftRenderInput): string {
  const report = input.showPersonal ? input.report : maskReport(input.report);
  const body = {
    apiUrl: input.apiUrl,
    at: input.at,
    counts: {
      missing: report.missing.length,
      changed: report.changed.length,
      unmanaged: report.unmanaged.length,
      importable: report.importable.length,
    },
    ...report,
    ...(input.importFile ? { importFile: input.importFile } : {}),
  };
  // A field the live object lacks is written as null, since JSON has no undefined.
  return `${JSON.stringify(body, (_, value: unknown) => (value === undefined ? null : value), 2)}\n`;
}

export function renderDriftMarkdown(input: DriftRenderInput): string {
  const report = input.showPersonal ? input.report : maskReport(input.report);
  const out: string[] = ["## PagerDuty drift", ""];
  out.push(`Account: ${code(input.apiUrl)}, read at ${input.at}.`, "");
  if (countDrift(report) === 0) {
    out.push("**No drift**: the account matches the data.");
    return `${out.join("\n")}\n`;
  }
  out.push(`**Drift**: ${summary(report)}.`, "");

  const table = (section: Section, entries: DriftEntry[]) => {
    if (entries.length === 0) return;
    out.push(`### ${SECTION_TITLES[section]} (${entries.length})`, "");
    out.push("| Kind | Name | Logical name | Live id |", "| --- | --- | --- | --- |");
    for (const entry of sorted(entries))
      out.push(
        `| ${entry.kind} | ${cell(displayName(entry))} | ${cell(entry.name ?? "")} | ${cell(entry.liveId ?? "")} |`,
      );
    out.push("");
  };
  table("missing", report.missing);
  if (report.changed.length > 0) {
    out.push(`### ${SECTION_TITLES.changed} (${report.changed.length})`, "");
    for (const entry of sorted(report.changed)) {
      out.push(
        `**${entry.kind} ${cell(displayName(entry))}** (${code(entry.name ?? "")}, live ${code(entry.liveId ?? "")})`,
        "",
      );
      out.push("| Field | Live | Data |", "| --- | --- | --- |");
      for (const change of entry.changes)
        out.push(
          `| ${code(change.field)} | ${code(formatValue(change.old))} | ${code(formatValue(change.new))}${maskedAlike(change)} |`,
        );
      out.push("");
    }
  }
  table("unmanaged", report.unmanaged);
  table("importable", report.importable);
  if (input.importFile)
    out.push(
      `Import file: ${code(input.importFile)}; adopt the objects with \`pulumi import --file ${input.importFile} --generate-code=false\`.`,
      "",
    );
  return `${out.join("\n")}\n`;
}

/** `escalationPolicy "Primary" (escalation-policy-primary, live PABC123)`. */
function describe(entry: DriftEntry): string {
  const where = [entry.name, entry.liveId ? `live ${entry.liveId}` : undefined].filter(Boolean);
  return `${entry.kind} ${JSON.stringify(displayName(entry))}${where.length ? ` (${where.join(", ")})` : ""}`;
}

/** The identity key without its kind: a name, an email, or the parent's key and what follows. */
function displayName(entry: DriftEntry): string {
  const prefix = `${entry.kind}:`;
  return entry.key.startsWith(prefix) ? entry.key.slice(prefix.length) : entry.key;
}

function summary(report: DriftReport): string {
  return [
    `${report.missing.length} missing`,
    `${report.changed.length} changed`,
    `${report.unmanaged.length} unmanaged`,
    `${report.importable.length} to import`,
  ].join(", ");
}

function sorted<T extends DriftEntry>(entries: T[]): T[] {
  const rank = new Map<ResourceKind, number>(KIND_ORDER.map((kind, i) => [kind, i]));
  return [...entries].sort(
    (a, b) => rank.get(a.kind)! - rank.get(b.kind)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** A value on one line: references by key, absent as `(none)`. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "object" && value !== null && "ref" in value)
    return String((value as { ref: unknown }).ref);
  return JSON.stringify(value);
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * A phone or SMS contact method's address inside an identity key
 * (`…/phone_contact_method/<country code>/<number>`, see drift/identity.ts).
 */
const PHONE_IN_KEY = /((?:phone|sms)_contact_method\/\d*\/)([0-9,*#]+)/g;

/**
 * Masks every email and phone number in a report: in identity keys (users are keyed by email,
 * contact methods by address, notification rules by their contact method) and in changed values.
 */
export function maskReport(report: DriftReport): DriftReport {
  const entry = <T extends DriftEntry>(e: T): T => ({ ...e, key: maskText(e.key) });
  return {
    missing: report.missing.map(entry),
    changed: report.changed.map((e) => ({
      ...entry(e),
      changes: e.changes.map((change) => maskChange(e.kind, change)),
    })),
    unmanaged: report.unmanaged.map(entry),
    importable: report.importable.map(entry),
  };
}

function maskChange(kind: ResourceKind, change: FieldChange): FieldChange {
  // A phone number has no `@` to find it by: mask a contact method's address by its field name.
  const phoneField = kind === "contactMethod" && /(^|\.)address$/.test(change.field);
  const one = (value: unknown): unknown =>
    phoneField && typeof value === "string" && !value.includes("@")
      ? maskPhone(value)
      : maskDeep(value);
  return { field: change.field, old: one(change.old), new: one(change.new) };
}

function maskDeep(value: unknown): unknown {
  if (typeof value === "string") return maskText(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  return value;
}

export function maskText(text: string): string {
  return text
    .replace(EMAIL, (email) => maskEmail(email))
    .replace(PHONE_IN_KEY, (_, head: string, number: string) => `${head}${maskPhone(number)}`);
}

/** Two different personal values can mask alike (a***@example.com); say so rather than look equal. */
function maskedAlike(change: FieldChange): string {
  return formatValue(change.old) === formatValue(change.new) ? ` ${MASKED_ALIKE}` : "";
}
