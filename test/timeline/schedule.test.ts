import { describe, expect, it } from "vitest";
import { onCallAt, onCallIntervals } from "../../infra/timeline";
import { DAY_S, HOUR_MS, WEEK_S, at, daily, layer, readable, schedule, weekly } from "./fixtures";

const PARIS = "Europe/Paris";
const F05_START = "2022-08-23T08:00:00+02:00";

describe("onCallAt", () => {
  // F05. Daily turns from Aug 23 08:00 CEST; at 09:00 CEST (07:00Z) on day D the turn number is
  // the days since Aug 23: Sep 1 = 9, Sep 2 = 10, Sep 3 = 11, Sep 4 = 12, Sep 6 = 14, Sep 7 = 15.
  // Four members: 9 mod 4 = 1 bob, 10→2 carol, 11→3 dave, 12→0 alice, 14→2 carol, 15→3 dave.
  // Without carol: 9 mod 3 = 0 alice, 10→1 bob, 11→2 dave, 12→0 alice, 14→2 dave, 15→0 alice.
  it.each([
    ["2022-09-01", "bob", "alice"],
    ["2022-09-02", "carol", "bob"],
    ["2022-09-03", "dave", "dave"],
    ["2022-09-04", "alice", "alice"],
    ["2022-09-06", "carol", "dave"],
    ["2022-09-07", "dave", "alice"],
  ])(
    "the on-caller at 09:00 Paris on %s must be %s, then %s when carol is removed",
    (day, before, after) => {
      const instant = at(`${day}T09:00:00+02:00`);
      const withCarol = schedule(PARIS, [
        layer({ start: F05_START, users: ["alice", "bob", "carol", "dave"] }),
      ]);
      const withoutCarol = schedule(PARIS, [
        layer({ start: F05_START, users: ["alice", "bob", "dave"] }),
      ]);
      expect(onCallAt(withCarol, instant)).toBe(before);
      expect(onCallAt(withoutCarol, instant)).toBe(after);
    },
  );

  it("bob must stay on call on Sep 1 when carol is removed and the virtual start moves to Aug 25", () => {
    // Aug 25 08:00 to Sep 1 09:00 is 7 turns; 7 mod 3 = 1 = bob.
    const moved = schedule(PARIS, [
      layer({
        start: F05_START,
        rotationVirtualStart: "2022-08-25T08:00:00+02:00",
        users: ["alice", "bob", "dave"],
      }),
    ]);
    expect(onCallAt(moved, at("2022-09-01T09:00:00+02:00"))).toBe("bob");
  });

  it("nobody must be on call when the instant is before every layer's start", () => {
    const rotation = schedule(PARIS, [layer({ start: F05_START, users: ["alice"] })]);
    expect(onCallAt(rotation, at("2022-08-23T07:59:59+02:00"))).toBeNull();
  });
});

// A base layer with alice all the time, and bob on top from 09:00 to 17:00 UTC every day.
const MONDAY = "2024-01-01T00:00:00Z";
const base = layer({
  name: "base",
  start: MONDAY,
  rotationTurnLengthSeconds: WEEK_S,
  users: ["alice"],
});
const dayShift = layer({
  name: "day",
  start: MONDAY,
  users: ["bob"],
  restrictions: [daily("09:00:00", 8 * 3600)],
});

describe("onCallIntervals layers", () => {
  it("the later layer must win where layers overlap and lower layers show through elsewhere", () => {
    const intervals = onCallIntervals(
      schedule("UTC", [base, dayShift]),
      at(MONDAY),
      at("2024-01-02T00:00Z"),
    );
    expect(readable(intervals)).toEqual([
      { start: "2024-01-01T00:00:00.000Z", end: "2024-01-01T09:00:00.000Z", user: "alice" },
      { start: "2024-01-01T09:00:00.000Z", end: "2024-01-01T17:00:00.000Z", user: "bob" },
      { start: "2024-01-01T17:00:00.000Z", end: "2024-01-02T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("the earlier layer must be hidden when the later one has someone on call all the time", () => {
    const intervals = onCallIntervals(
      schedule("UTC", [dayShift, base]),
      at(MONDAY),
      at("2024-01-02T00:00Z"),
    );
    expect(readable(intervals)).toEqual([
      { start: "2024-01-01T00:00:00.000Z", end: "2024-01-02T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("a layer must be ignored after its end", () => {
    // The day layer ends Jan 3 12:00, in the middle of bob's 09:00-17:00.
    const ended = { ...dayShift, end: "2024-01-03T12:00:00Z" };
    const intervals = onCallIntervals(
      schedule("UTC", [base, ended]),
      at("2024-01-03T00:00Z"),
      at("2024-01-05T00:00Z"),
    );
    expect(readable(intervals)).toEqual([
      { start: "2024-01-03T00:00:00.000Z", end: "2024-01-03T09:00:00.000Z", user: "alice" },
      { start: "2024-01-03T09:00:00.000Z", end: "2024-01-03T12:00:00.000Z", user: "bob" },
      { start: "2024-01-03T12:00:00.000Z", end: "2024-01-05T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("a layer must be ignored before its start", () => {
    const late = { ...dayShift, start: "2024-01-02T12:00:00Z" };
    const intervals = onCallIntervals(
      schedule("UTC", [base, late]),
      at("2024-01-02T00:00Z"),
      at("2024-01-03T00:00Z"),
    );
    expect(readable(intervals)).toEqual([
      { start: "2024-01-02T00:00:00.000Z", end: "2024-01-02T12:00:00.000Z", user: "alice" },
      { start: "2024-01-02T12:00:00.000Z", end: "2024-01-02T17:00:00.000Z", user: "bob" },
      { start: "2024-01-02T17:00:00.000Z", end: "2024-01-03T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("consecutive turns of the same user must merge into one interval", () => {
    // Daily turns alice, alice, bob: alice holds Jan 1 and Jan 2, bob Jan 3.
    const rotation = schedule("UTC", [layer({ start: MONDAY, users: ["alice", "alice", "bob"] })]);
    const intervals = onCallIntervals(rotation, at(MONDAY), at("2024-01-04T00:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-01-01T00:00:00.000Z", end: "2024-01-03T00:00:00.000Z", user: "alice" },
      { start: "2024-01-03T00:00:00.000Z", end: "2024-01-04T00:00:00.000Z", user: "bob" },
    ]);
  });

  it("turns before the rotation virtual start must count backwards from it", () => {
    // Virtual start Jan 3 with alice, bob, carol: Jan 2 is turn -1 → (-1 mod 3) = 2 = carol.
    const rotation = schedule("UTC", [
      layer({
        start: MONDAY,
        rotationVirtualStart: "2024-01-03T00:00:00Z",
        users: ["alice", "bob", "carol"],
      }),
    ]);
    expect(onCallAt(rotation, at("2024-01-02T12:00Z"))).toBe("carol");
  });
});

describe("onCallIntervals restrictions", () => {
  it("a daily restriction must run past midnight when it starts at 22:00 for 8 h", () => {
    // Daily turns from Jan 1 00:00Z (alice Jan 1, bob Jan 2); on call 22:00-06:00. The span from
    // Dec 31 22:00 is cut at the layer start; bob takes over at midnight inside a span.
    const rotation = schedule("UTC", [
      layer({
        start: MONDAY,
        users: ["alice", "bob"],
        restrictions: [daily("22:00:00", 8 * 3600)],
      }),
    ]);
    const intervals = onCallIntervals(rotation, at("2023-12-31T00:00Z"), at("2024-01-03T00:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-01-01T00:00:00.000Z", end: "2024-01-01T06:00:00.000Z", user: "alice" },
      { start: "2024-01-01T22:00:00.000Z", end: "2024-01-02T00:00:00.000Z", user: "alice" },
      { start: "2024-01-02T00:00:00.000Z", end: "2024-01-02T06:00:00.000Z", user: "bob" },
      { start: "2024-01-02T22:00:00.000Z", end: "2024-01-03T00:00:00.000Z", user: "bob" },
    ]);
  });

  it("a weekly restriction must run into Monday when it starts Sunday 20:00 for 16 h", () => {
    // Sunday (ISO 7) 20:00 + 16 h = Monday 12:00. The window starts Monday Jan 8, so the span
    // that began Sunday Jan 7 must still count, and the next one starts Sunday Jan 14.
    const rotation = schedule("UTC", [
      layer({
        start: MONDAY,
        rotationTurnLengthSeconds: WEEK_S,
        users: ["alice"],
        restrictions: [weekly(7, "20:00:00", 16 * 3600)],
      }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-01-08T00:00Z"), at("2024-01-15T00:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-01-08T00:00:00.000Z", end: "2024-01-08T12:00:00.000Z", user: "alice" },
      { start: "2024-01-14T20:00:00.000Z", end: "2024-01-15T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("a restriction must follow the local clock when DST starts within it", () => {
    // New York, 19:00 for 12 h: Mar 9 19:00 EST (00:00Z Mar 10) to Mar 10 07:00 EDT (11:00Z),
    // 11 h of real time.
    const rotation = schedule("America/New_York", [
      layer({
        start: "2024-03-01T00:00:00-05:00",
        users: ["alice"],
        restrictions: [daily("19:00:00", 12 * 3600)],
      }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-03-09T12:00Z"), at("2024-03-10T18:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-03-10T00:00:00.000Z", end: "2024-03-10T11:00:00.000Z", user: "alice" },
    ]);
  });

  it("overlapping restrictions must count once", () => {
    const rotation = schedule("UTC", [
      layer({
        start: MONDAY,
        users: ["alice"],
        restrictions: [daily("08:00:00", 4 * 3600), daily("10:00:00", 4 * 3600)],
      }),
    ]);
    const intervals = onCallIntervals(rotation, at(MONDAY), at("2024-01-02T00:00Z"));
    // 08:00-12:00 and 10:00-14:00 make 08:00-14:00.
    expect(intervals).toEqual([
      { start: at(MONDAY) + 8 * HOUR_MS, end: at(MONDAY) + 14 * HOUR_MS, user: "alice" },
    ]);
  });

  it("the window must be empty when to is not after from", () => {
    const rotation = schedule("UTC", [
      layer({ start: MONDAY, users: ["alice"], rotationTurnLengthSeconds: DAY_S }),
    ]);
    expect(onCallIntervals(rotation, at("2024-01-02T00:00Z"), at("2024-01-02T00:00Z"))).toEqual([]);
  });
});
