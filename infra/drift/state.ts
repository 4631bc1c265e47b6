/**
 * The ids a Pulumi stack already manages, from the JSON of `pulumi stack export`. Drift uses them
 * to tell a live object that the stack manages from one that only matches a desired spec by name
 * and must be imported (F13). Only PagerDuty resources count; the provider and the stack itself
 * are skipped.
 */
export class StateFileError extends Error {
  override name = "StateFileError";
}

export function parseStackExport(text: string, file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(
      `${file} is not JSON (${(error as Error).message}); write it with \`pulumi stack export --file ${file}\`.`,
    );
  }
  const resources = (parsed as { deployment?: { resources?: unknown } } | null)?.deployment
    ?.resources;
  if (!Array.isArray(resources)) {
    throw new StateFileError(
      `${file} has no deployment.resources list; write it with \`pulumi stack export --file ${file}\`.`,
    );
  }
  const ids = new Set<string>();
  for (const resource of resources as { type?: unknown; id?: unknown }[]) {
    if (typeof resource.type !== "string" || !resource.type.startsWith("pagerduty:index/"))
      continue;
    if (typeof resource.id === "string" && resource.id !== "") ids.add(resource.id);
  }
  return ids;
}
