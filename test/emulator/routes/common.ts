/** Helpers shared by the emulator's operations: reading request bodies, answers, name filters. */
import { invalidInput, notFound, type EmulatorRequest, type EmulatorResponse } from "../http";

export type Json = Record<string, unknown>;

export const ok = (body: unknown): EmulatorResponse => ({ status: 200, body });
export const created = (body: unknown): EmulatorResponse => ({ status: 201, body });
export const noContent = (): EmulatorResponse => ({ status: 204 });

export function wrapped(request: EmulatorRequest, key: string): Json {
  const body = request.body as Json | undefined;
  const inner = body?.[key];
  if (typeof inner !== "object" || inner === null || Array.isArray(inner)) {
    throw invalidInput(`The request body must be an object with a "${key}" object.`);
  }
  return inner as Json;
}

export function text(object: Json, field: string, fallback?: string): string {
  const value = object[field] ?? fallback;
  if (typeof value !== "string" || value === "")
    throw invalidInput(`${field} must be a non-empty string`);
  return value;
}

export function integer(object: Json, field: string, fallback?: number): number {
  const value = object[field] ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw invalidInput(`${field} must be an integer`);
  return value;
}

export function optionalText(object: Json, field: string, current?: string): string | undefined {
  const value = object[field];
  return typeof value === "string" ? value : current;
}

export function refIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String((item as Json).id)) : [];
}

export function get<T>(map: Map<string, T>, id: string | undefined): T {
  const found = id === undefined ? undefined : map.get(id);
  if (!found) throw notFound();
  return found;
}

/** PagerDuty's `query`: a case-insensitive substring of the name (and of the email, for users). */
export function matches(request: EmulatorRequest, ...fields: (string | undefined)[]): boolean {
  const query = request.query.get("query")?.toLowerCase();
  return !query || fields.some((field) => field?.toLowerCase().includes(query));
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name);
}
