/**
 * The drift read at scale: the project's own `readAccount` with a read-only client against the
 * emulator, every request counted by a wrapper around fetch; then flatten and compare, as
 * `npm run drift` does, so a seeded account must come back with nothing drifted.
 */
import { compare } from "../infra/drift/compare";
import { flattenAccount } from "../infra/drift/flatten";
import { readAccount } from "../infra/drift/read";
import type { Graph } from "../infra/graph/types";
import { PagerDutyClient } from "../infra/pagerduty-api/client";
import { DEFAULT_TOKEN } from "../test/emulator/server";
import type { Detail } from "./stages";

/** `/users/PABC123/contact_methods` → `/users/{id}/contact_methods`, so requests group by route. */
export function routeOf(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split("/")
    .map((segment, i, all) =>
      i > 0 && /^(teams|workspaces|users)$/.test(all[i - 1]!) ? "{id}" : segment,
    )
    .join("/");
}

export async function readLive(graph: Graph, url: string): Promise<{ detail: Detail }> {
  const byRoute = new Map<string, number>();
  let requests = 0;
  const counting: typeof fetch = (input, init) => {
    requests += 1;
    const route = routeOf(
      typeof input === "string" ? input : input instanceof URL ? input.href : input.url,
    );
    byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
    return fetch(input, init);
  };
  const client = new PagerDutyClient({
    token: DEFAULT_TOKEN,
    baseUrl: url,
    readOnly: true,
    fetch: counting,
  });
  const workspaces = new Set<string>();
  for (const spec of graph.resources) {
    if (spec.kind === "slackConnection") workspaces.add(String(spec.inputs.workspaceId));
  }

  const readStarted = performance.now();
  const account = await readAccount(client, [...workspaces].sort());
  const readSeconds = (performance.now() - readStarted) / 1000;
  const compareStarted = performance.now();
  // The same instant on both sides: flatten leaves out live layers that ended before it, and
  // compare must leave out the data's ended layers too, as the drift command does.
  const now = new Date(Date.parse("2026-06-01T00:00:00Z"));
  const report = compare(graph, flattenAccount(account, { now }), { now });
  const compareSeconds = (performance.now() - compareStarted) / 1000;

  const detail: Detail = {
    requests,
    readSeconds: Number(readSeconds.toFixed(3)),
    compareSeconds: Number(compareSeconds.toFixed(3)),
    missing: report.missing.length,
    changed: report.changed.length,
    unmanaged: report.unmanaged.length,
  };
  for (const [route, count] of [...byRoute].sort(([a], [b]) => (a < b ? -1 : 1))) {
    detail[`GET ${route}`] = count;
  }
  return { detail };
}
