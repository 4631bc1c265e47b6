import { describe, expect, it } from "vitest";
import { diffResources } from "../../infra/diff/resources";
import {
  RESOURCE_TYPES,
  ref,
  type Graph,
  type Inputs,
  type ResourceKind,
} from "../../infra/graph/types";

const SOURCE = { file: "contacts/x.yaml", line: 1, col: 1, path: "x[0]" };

function graph(...specs: [ResourceKind, string, Inputs][]): Graph {
  return {
    resources: specs.map(([kind, name, inputs]) => ({
      kind,
      type: RESOURCE_TYPES[kind],
      name,
      inputs,
      source: SOURCE,
    })),
  };
}

const alice: Inputs = { name: "Alice", email: "alice@example.com", role: "user", timeZone: "UTC" };
const rule = (...targets: string[]) => ({
  escalationDelayInMinutes: 15,
  targets: targets.map((t) => ({ type: "user_reference", id: ref(t) })),
});

describe("diffResources", () => {
  it("resources must be matched by logical name when one is added and another removed", () => {
    const diff = diffResources(
      graph(["user", "user-alice", alice]),
      graph(["user", "user-bob", { ...alice, name: "Bob" }]),
    );

    expect(diff.added.map((s) => s.name)).toEqual(["user-bob"]);
    expect(diff.removed.map((s) => s.name)).toEqual(["user-alice"]);
    expect(diff.changed).toEqual([]);
  });

  it("a changed field must be listed with its old and new value when a person is renamed", () => {
    const diff = diffResources(
      graph(["user", "user-alice", alice]),
      graph(["user", "user-alice", { ...alice, name: "Alice Smith", jobTitle: "SRE" }]),
    );

    expect(diff.changed[0]!.fields).toEqual([
      { path: "jobTitle", after: "SRE" },
      { path: "name", before: "Alice", after: "Alice Smith" },
    ]);
  });

  it("targets in another order must not be a change, since a rule's targets are a set (F09)", () => {
    const before = graph([
      "escalationPolicy",
      "p",
      { name: "P", numLoops: 0, rules: [rule("a", "b")] },
    ]);
    const after = graph([
      "escalationPolicy",
      "p",
      { name: "P", numLoops: 0, rules: [rule("b", "a")] },
    ]);

    expect(diffResources(before, after).changed).toEqual([]);
  });

  it("swapped rules must be a change, since the rules are a list (F09)", () => {
    const before = graph([
      "escalationPolicy",
      "p",
      { name: "P", numLoops: 0, rules: [rule("a"), rule("b")] },
    ]);
    const after = graph([
      "escalationPolicy",
      "p",
      { name: "P", numLoops: 0, rules: [rule("b"), rule("a")] },
    ]);

    expect(diffResources(before, after).changed[0]!.fields.map((f) => f.path)).toEqual([
      "rules[0].targets",
      "rules[1].targets",
    ]);
  });

  it("the same instant written with another offset must not be a change", () => {
    const layer = (start: string) => ({
      name: "l",
      start,
      rotationVirtualStart: start,
      rotationTurnLengthSeconds: 86400,
      users: [ref("user-a")],
    });
    // 09:00+02:00 is 07:00Z.
    const before = graph([
      "schedule",
      "s",
      { name: "S", timeZone: "Europe/Paris", layers: [layer("2022-09-01T09:00:00+02:00")] },
    ]);
    const after = graph([
      "schedule",
      "s",
      { name: "S", timeZone: "Europe/Paris", layers: [layer("2022-09-01T07:00:00Z")] },
    ]);

    expect(diffResources(before, after).changed).toEqual([]);
  });
});
