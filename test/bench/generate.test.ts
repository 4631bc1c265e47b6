import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateOrg, QUICK_SIZE, writeOrg } from "../../bench/generate";
import { requestFloor } from "../../bench/floor";
import { expandGraph } from "../../infra/graph/expand/index";
import { loadOrg } from "../../infra/model/load";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function written(options: Parameters<typeof generateOrg>[0]) {
  const org = generateOrg(options);
  const root = mkdtempSync(path.join(tmpdir(), "pd-bench-test-"));
  roots.push(root);
  await writeOrg(root, org);
  return { org, root };
}

describe("the benchmark's organisation generator", () => {
  it("must write the same files byte for byte when given the same seed", () => {
    const a = generateOrg({ seed: 7, ...QUICK_SIZE });
    const b = generateOrg({ seed: 7, ...QUICK_SIZE });
    expect([...a.files]).toEqual([...b.files]);
  });

  it("must write different data when the seed changes", () => {
    const a = generateOrg({ seed: 7, ...QUICK_SIZE });
    const b = generateOrg({ seed: 8, ...QUICK_SIZE });
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    expect([...a.files.values()]).not.toEqual([...b.files.values()]);
  });

  it.each([
    ["the quick size", { seed: 1, ...QUICK_SIZE }],
    ["an uneven size", { seed: 3, people: 97, rotations: 11, services: 13 }],
  ])("must validate with no problem at all at %s, with the sizes asked for", async (_, options) => {
    const { org, root } = await written(options);
    const { model, problems } = await loadOrg(root);

    expect(problems).toEqual([]);
    expect(model!.people).toHaveLength(options.people);
    expect(model!.rotations).toHaveLength(options.rotations);
    expect(model!.services).toHaveLength(options.services);
    expect(model!.teams).toHaveLength(org.counts.teams);
    expect(model!.policies).toHaveLength(org.counts.escalationPolicies);
    const integrations = model!.services.reduce((sum, s) => sum + s.integrations.length, 0);
    expect(integrations).toBe(org.counts.integrations);
  });

  it("must write rotations of one to three layers, with restrictions, in several time zones", async () => {
    const { root } = await written({ seed: 1, ...QUICK_SIZE });
    const { model } = await loadOrg(root);
    const layers = new Set(model!.rotations.map((r) => r.layers.length));
    const zones = new Set(model!.rotations.map((r) => r.time_zone));
    const restricted = model!.rotations.filter((r) => r.layers.some((l) => l.restrictions.length));
    const turns = new Set(
      model!.rotations.flatMap((r) => r.layers.map((l) => l.rotation_turn_length)),
    );

    expect([...layers].sort()).toEqual([1, 2, 3]);
    expect(zones.size).toBeGreaterThan(2);
    expect(restricted.length).toBeGreaterThan(0);
    expect(turns).toContain(7 * 86400);
    expect(turns).toContain(86400);
    expect(model!.people.every((p) => p.contact_methods.some((m) => m.type === "sms"))).toBe(true);
    expect(model!.slack!.connections.length).toBeGreaterThan(0);
  });

  it("must refuse a size with too few people for its teams, saying how many are needed", () => {
    expect(() => generateOrg({ seed: 1, people: 10, rotations: 100, services: 5 })).toThrow(
      /give at least 160/,
    );
  });
});

describe("the drift request floor", () => {
  it("must count one page per 100 objects per list, one list per team and per workspace", async () => {
    const { root } = await written({ seed: 3, people: 97, rotations: 11, services: 13 });
    const { model } = await loadOrg(root);
    const graph = expandGraph(model!);
    const count = (kind: string) => graph.resources.filter((s) => s.kind === kind).length;
    const teams = count("team");
    // 97 users, 2 teams, 11 schedules, 8 policies and 13 services each fit on one page.
    expect([count("user"), teams, count("schedule"), count("service")]).toEqual([97, 2, 11, 13]);

    expect(requestFloor(graph)).toMatchObject({
      lists: 5,
      teamMembers: teams,
      slackConnections: 1,
    });
  });
});
