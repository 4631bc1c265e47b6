import { describe, expect, it } from "vitest";
import { localToInstant, onCallAt, onCallIntervals } from "../../infra/timeline";
import { DAY_S, WEEK_S, at, layer, readable, schedule } from "./fixtures";

const NEW_YORK = "America/New_York";

describe("localToInstant", () => {
  // F01. New York is UTC-5 (EST) until 2024-03-10 02:00 and from 2024-11-03 02:00, UTC-4 (EDT)
  // in between, so 09:00 local is 09+5 = 14:00Z in EST and 09+4 = 13:00Z in EDT.
  it.each([
    ["2024-03-09T09:00", "2024-03-09T14:00:00.000Z"],
    ["2024-03-10T09:00", "2024-03-10T13:00:00.000Z"],
    ["2024-11-02T09:00", "2024-11-02T13:00:00.000Z"],
    ["2024-11-03T09:00:00", "2024-11-03T14:00:00.000Z"],
  ])("local %s must be %s when the zone is America/New_York", (local, expected) => {
    const result = localToInstant(local, NEW_YORK);
    expect(result.ok && new Date(result.instant).toISOString()).toBe(expected);
  });

  it("a local time must be refused as nonexistent when DST skips it", () => {
    // Clocks jump from 02:00 EST to 03:00 EDT on 2024-03-10: 02:30 never happens.
    const result = localToInstant("2024-03-10T02:30", NEW_YORK);
    expect(result).toMatchObject({ ok: false, kind: "nonexistent" });
    expect(!result.ok && result.message).toContain("2024-03-10T02:30 does not exist");
  });

  it("a local time must be refused as ambiguous when DST repeats it", () => {
    // Clocks fall back from 02:00 EDT to 01:00 EST on 2024-11-03: 01:30 EDT = 05:30Z, then
    // 01:30 EST = 06:30Z.
    const result = localToInstant("2024-11-03T01:30", NEW_YORK);
    expect(result).toMatchObject({ ok: false, kind: "ambiguous" });
    expect(!result.ok && result.message).toContain("2024-11-03T05:30:00.000Z");
    expect(!result.ok && result.message).toContain("2024-11-03T06:30:00.000Z");
  });

  it.each([
    ["2024-02-30T09:00"],
    ["2024-03-10 09:00"],
    ["2024-03-10T09:00-05:00"],
    ["2024-03-10T24:00"],
  ])("input %s must be refused as malformed when it is not a real local date and time", (local) => {
    expect(localToInstant(local, NEW_YORK)).toMatchObject({ ok: false, kind: "malformed" });
  });

  it("a zone must be refused when it is not an IANA name", () => {
    expect(localToInstant("2024-03-10T09:00", "Mars/Olympus")).toMatchObject({
      ok: false,
      kind: "unknownZone",
    });
  });
});

describe("onCallIntervals handoffs", () => {
  it("a daily turn must hand off at 09:00 local when DST starts", () => {
    // Turns: Mar 8 09:00 EST (14:00Z) alice, Mar 9 09:00 EST (14:00Z) bob, Mar 10 09:00 EDT
    // (13:00Z) alice; the Mar 9 turn is 23 h long.
    const rotation = schedule(NEW_YORK, [
      layer({ start: "2024-03-08T09:00:00-05:00", users: ["alice", "bob"] }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-03-08T14:00Z"), at("2024-03-11T13:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-03-08T14:00:00.000Z", end: "2024-03-09T14:00:00.000Z", user: "alice" },
      { start: "2024-03-09T14:00:00.000Z", end: "2024-03-10T13:00:00.000Z", user: "bob" },
      { start: "2024-03-10T13:00:00.000Z", end: "2024-03-11T13:00:00.000Z", user: "alice" },
    ]);
  });

  it("a daily turn must hand off at 09:00 local when DST ends", () => {
    // Nov 1 09:00 EDT (13:00Z) alice, Nov 2 09:00 EDT (13:00Z) bob, Nov 3 09:00 EST (14:00Z)
    // alice; the Nov 2 turn is 25 h long.
    const rotation = schedule(NEW_YORK, [
      layer({ start: "2024-11-01T09:00:00-04:00", users: ["alice", "bob"] }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-11-02T00:00Z"), at("2024-11-04T00:00Z"));
    expect(readable(intervals)).toEqual([
      { start: "2024-11-02T00:00:00.000Z", end: "2024-11-02T13:00:00.000Z", user: "alice" },
      { start: "2024-11-02T13:00:00.000Z", end: "2024-11-03T14:00:00.000Z", user: "bob" },
      { start: "2024-11-03T14:00:00.000Z", end: "2024-11-04T00:00:00.000Z", user: "alice" },
    ]);
  });

  it("a weekly turn must hand off at the same local time when DST starts within it", () => {
    // Mon Mar 4 09:00 EST = 14:00Z; one week later Mon Mar 11 09:00 EDT = 13:00Z.
    const rotation = schedule(NEW_YORK, [
      layer({
        start: "2024-03-04T09:00:00-05:00",
        rotationTurnLengthSeconds: WEEK_S,
        users: ["alice", "bob"],
      }),
    ]);
    expect(onCallAt(rotation, at("2024-03-11T12:59Z"))).toBe("alice");
    expect(onCallAt(rotation, at("2024-03-11T13:00Z"))).toBe("bob");
  });

  it("a 12 h turn must keep its UTC handoff when DST starts", () => {
    // Not a whole number of days, so turns advance in absolute time: 14:00Z, 02:00Z, 14:00Z …
    // After the change 14:00Z is 10:00 EDT, not 09:00.
    const rotation = schedule(NEW_YORK, [
      layer({
        start: "2024-03-09T09:00:00-05:00",
        rotationTurnLengthSeconds: DAY_S / 2,
        users: ["alice", "bob"],
      }),
    ]);
    expect(onCallAt(rotation, at("2024-03-10T13:30Z"))).toBe("bob");
    expect(onCallAt(rotation, at("2024-03-10T14:00Z"))).toBe("alice");
  });

  it("a handoff must move forward by the jump when its local time does not exist", () => {
    // Daily at 02:30: Mar 9 02:30 EST = 07:30Z; Mar 10 02:30 is skipped and becomes 03:30 EDT
    // = 07:30Z; Mar 11 02:30 EDT = 06:30Z.
    const rotation = schedule(NEW_YORK, [
      layer({ start: "2024-03-09T02:30:00-05:00", users: ["alice", "bob", "carol"] }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-03-09T07:30Z"), at("2024-03-11T12:00Z"));
    expect(readable(intervals).map(({ start, user }) => [start, user])).toEqual([
      ["2024-03-09T07:30:00.000Z", "alice"],
      ["2024-03-10T07:30:00.000Z", "bob"],
      ["2024-03-11T06:30:00.000Z", "carol"],
    ]);
  });

  it("a handoff must happen at the first occurrence when its local time repeats", () => {
    // Daily at 01:30: Nov 2 01:30 EDT = 05:30Z; Nov 3 01:30 happens at 05:30Z (EDT) and 06:30Z
    // (EST), the first is used; Nov 4 01:30 EST = 06:30Z.
    const rotation = schedule(NEW_YORK, [
      layer({ start: "2024-11-02T01:30:00-04:00", users: ["alice", "bob", "carol"] }),
    ]);
    const intervals = onCallIntervals(rotation, at("2024-11-02T05:30Z"), at("2024-11-04T12:00Z"));
    expect(readable(intervals).map(({ start, user }) => [start, user])).toEqual([
      ["2024-11-02T05:30:00.000Z", "alice"],
      ["2024-11-03T05:30:00.000Z", "bob"],
      ["2024-11-04T06:30:00.000Z", "carol"],
    ]);
  });

  it("a rotation virtual start must be read as an instant when its offset is not the zone's", () => {
    // 14:00Z is 09:00 EST, so turns hand off at 09:00 local, as with -05:00 written out.
    const rotation = schedule(NEW_YORK, [
      layer({ start: "2024-03-08T14:00:00Z", users: ["alice", "bob"] }),
    ]);
    expect(onCallAt(rotation, at("2024-03-10T12:59Z"))).toBe("bob");
    expect(onCallAt(rotation, at("2024-03-10T13:00Z"))).toBe("alice");
  });
});
