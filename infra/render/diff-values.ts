/**
 * render: how the diff writes values, people and times, shared by its text, JSON and Markdown
 * forms. References are shown by logical name; emails and phone numbers are masked unless the
 * reader asked for personal details.
 */
import { DateTime } from "luxon";
import { isLookup, isRef, type InputValue } from "../graph/types";
import { maskPersonal } from "../cli/mask";

/** Fields that hold personal details: a user's email and a contact method's address. */
const PERSONAL_FIELD = /(^|\.)(email|address)$/;

/** A field's value masked where it is personal (an address with `@` is an email, else a phone). */
export function maskField(path: string, value: InputValue, showPersonal: boolean): InputValue {
  if (showPersonal || typeof value !== "string" || !PERSONAL_FIELD.test(path)) return value;
  return maskPersonal(value);
}

/** One line for a value: references by logical name, lists and records inline. */
export function formatValue(value: InputValue | undefined): string {
  if (value === undefined) return "(unset)";
  if (value === null) return "null";
  if (typeof value === "string")
    return /^[\w@.:*+/-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  if (isRef(value)) return value.ref;
  if (isLookup(value)) {
    return value.lookup === "priority"
      ? `priority ${JSON.stringify(value.name)}`
      : `default email of ${value.user.ref}`;
  }
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")}}`;
}

/** `Thu 2022-09-01 09:00` on the wall clock of `zone`. */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
}

/** An ISO instant in UTC without milliseconds, for headers and JSON. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

export function formatPerson(user: string | null): string {
  return user ?? "(nobody)";
}

export function formatHours(hours: number): string {
  return Number.isInteger(hours) ? `${hours}h` : `${hours.toFixed(1)}h`;
}

export function formatMinute(reach: { rule: number; minute: number } | undefined): string {
  return reach === undefined ? "(none)" : `minute ${reach.minute} (rule ${reach.rule})`;
}

/**
 * Members as the YAML writes them: person ids. Logical user names are `user-<id>`
 * (`infra/graph/expand/names.ts`), so the prefix is dropped.
 */
export function yamlMembers(users: string[]): string {
  return `[${users.map((u) => u.replace(/^user-/, "")).join(", ")}]`;
}
