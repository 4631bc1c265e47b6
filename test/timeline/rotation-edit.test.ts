import { describe, expect, it } from "vitest";
import { ref } from "../../infra/graph/types";
import { keepCurrentOnCall, onCallAt } from "../../infra/timeline";
import { at, layer, schedule } from "./fixtures";

const PARIS = "Europe/Paris";
const f05 = layer({ start: "2022-08-23T08:00:00+02:00", users: ["alice", "bob", "carol", "dave"] });
const SEP_1 = at("2022-09-01T09:00:00+02:00");

describe("keepCurrentOnCall", () => {
  it("bob must keep Sep 1 when carol is removed", () => {
    // Sep 1 09:00 is turn 9 (bob). Without carol, turn 9 + m must be index 1 of [alice, bob,
    // dave]: (9 + m) mod 3 = 1 gives m = 1, so the virtual start moves one day back to Aug 22.
    const without = [ref("alice"), ref("bob"), ref("dave")];
    const moved = keepCurrentOnCall(f05, PARIS, SEP_1, without);
    expect(moved).toBe("2022-08-22T08:00:00+02:00");

    const edited = { ...f05, users: without, rotationVirtualStart: moved as string };
    expect(onCallAt(schedule(PARIS, [edited]), SEP_1)).toBe("bob");
  });

  it("the current on-caller must stay when a member is added", () => {
    // Five members: (9 + m) mod 5 = 1 gives m = 2: Aug 21.
    const withErin = ["alice", "bob", "carol", "dave", "erin"].map(ref);
    expect(keepCurrentOnCall(f05, PARIS, SEP_1, withErin)).toBe("2022-08-21T08:00:00+02:00");
  });

  it("the virtual start must stay when the count already keeps the on-caller", () => {
    // Sep 4 is turn 12 (alice); without carol 12 mod 3 = 0 = alice, so m = 0.
    const without = [ref("alice"), ref("bob"), ref("dave")];
    expect(keepCurrentOnCall(f05, PARIS, at("2022-09-04T09:00:00+02:00"), without)).toBe(
      "2022-08-23T08:00:00+02:00",
    );
  });

  it("the answer must be null when the current on-caller is removed", () => {
    // Sep 2 is turn 10: carol.
    const without = [ref("alice"), ref("bob"), ref("dave")];
    expect(keepCurrentOnCall(f05, PARIS, at("2022-09-02T09:00:00+02:00"), without)).toBeNull();
  });

  it("the virtual start must move back in local days when a DST change lies between", () => {
    // New York daily from Mar 10 09:00 EDT: at 15:00Z that day turn 0 is a's. With [b, a], m = 1:
    // one local day earlier is Mar 9 09:00 EST, written with its own offset.
    const rotation = layer({ start: "2024-03-10T09:00:00-04:00", users: ["a", "b", "c"] });
    expect(
      keepCurrentOnCall(rotation, "America/New_York", at("2024-03-10T15:00Z"), [
        ref("b"),
        ref("a"),
      ]),
    ).toBe("2024-03-09T09:00:00-05:00");
  });
});
