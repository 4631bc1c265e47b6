import { describe, expect, it } from "vitest";
import { diffInputs } from "../../infra/graph/equivalence";
import type { Inputs } from "../../infra/graph/types";

const target = (type: string, ref: string) => ({ type, id: { ref } });
const policy = (rules: { delay: number; targets: ReturnType<typeof target>[] }[]): Inputs => ({
  name: "P0",
  numLoops: 0,
  rules: rules.map((r) => ({ escalationDelayInMinutes: r.delay, targets: r.targets })),
});

describe("diffInputs", () => {
  const primary = target("schedule_reference", "schedule-primary");
  const alice = target("user_reference", "user-alice");
  const bob = target("user_reference", "user-bob");

  // Field case F09: targets inside a rule are a set, the rules a list.
  it("must see no change when the targets of a rule come back in another order", () => {
    const before = policy([{ delay: 15, targets: [primary, alice] }]);
    const after = policy([{ delay: 15, targets: [alice, primary] }]);
    expect(diffInputs("escalationPolicy", before, after)).toEqual([]);
  });

  it("must report both rules when two rules are swapped", () => {
    const before = policy([
      { delay: 15, targets: [alice] },
      { delay: 15, targets: [bob] },
    ]);
    const after = policy([
      { delay: 15, targets: [bob] },
      { delay: 15, targets: [alice] },
    ]);
    expect(diffInputs("escalationPolicy", before, after).map((c) => c.path)).toEqual([
      "rules[0].targets",
      "rules[1].targets",
    ]);
  });

  it("must see no change in an instant written with another offset", () => {
    // 09:00+01:00 and 08:00Z are the same instant.
    const layer = (start: string) => ({
      layers: [{ name: "weekly", start, users: [{ ref: "user-alice" }] }],
    });
    expect(
      diffInputs("schedule", layer("2024-01-01T09:00:00+01:00"), layer("2024-01-01T08:00:00Z")),
    ).toEqual([]);
    expect(
      diffInputs("schedule", layer("2024-01-01T09:00:00+01:00"), layer("2024-01-01T09:00:00Z")),
    ).toEqual([
      {
        path: "layers[0].start",
        before: "2024-01-01T09:00:00+01:00",
        after: "2024-01-01T09:00:00Z",
      },
    ]);
  });

  // Field case F13: emails match case-insensitively.
  it("must see no change in an email that differs only in case", () => {
    const user = (email: string) => ({ name: "Alice", email });
    expect(
      diffInputs("user", user("Alice.Smith@Example.com"), user("alice.smith@example.com")),
    ).toEqual([]);
  });

  it("must treat a team member without a role as the API's default, manager", () => {
    const member = { teamId: { ref: "team-sre" }, userId: { ref: "user-alice" } };
    expect(diffInputs("teamMembership", member, { ...member, role: "manager" })).toEqual([]);
    expect(diffInputs("teamMembership", member, { ...member, role: "responder" })).toEqual([
      { path: "role", before: "manager", after: "responder" },
    ]);
  });
});
