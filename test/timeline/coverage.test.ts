import { describe, expect, it } from "vitest";
import type { ScheduleInputs } from "../../infra/graph/inputs";
import {
  computeCoverage,
  findDoubleBookings,
  type CoverageRequirement,
} from "../../infra/timeline";
import { DAY_S, HOUR_MS, WEEK_S, at, daily, layer, readable, schedule, weekly } from "./fixtures";

const HOUR_S = 3600;
const MONDAY = "2024-01-01T00:00:00Z";
const always: CoverageRequirement = { kind: "always" };

// F04: weekly turns of alice and bob, on call Monday-Friday from 19:00 for 12 h (UTC).
const weeknights = schedule("UTC", [
  layer({
    start: MONDAY,
    rotationTurnLengthSeconds: WEEK_S,
    users: ["alice", "bob"],
    restrictions: [1, 2, 3, 4, 5].map((day) => weekly(day, "19:00:00", 12 * HOUR_S)),
  }),
]);

describe("computeCoverage", () => {
  it("a weeknight layer must cover 60 of 168 hours when measured over one week", () => {
    // Mon Jan 8 00:00 to Mon Jan 15 00:00: five nights of 12 h = 60 h covered, 168 - 60 = 108 h
    // not; 60 / 168 = 35.714 %. Gaps: Mon 00:00-19:00 (19 h), Tue-Fri 07:00-19:00 (4 × 12 h),
    // Sat 07:00 to the window end (17 + 24 = 41 h): 19 + 48 + 41 = 108 h.
    const coverage = computeCoverage(
      weeknights,
      always,
      at("2024-01-08T00:00Z"),
      at("2024-01-15T00:00Z"),
    );
    expect(coverage.requiredSeconds).toBe(168 * HOUR_S);
    expect(coverage.coveredSeconds).toBe(60 * HOUR_S);
    expect(coverage.requiredSeconds - coverage.coveredSeconds).toBe(108 * HOUR_S);
    expect(coverage.percentage).toBeCloseTo(35.71, 2);
    expect(readable(coverage.gaps)).toEqual([
      { start: "2024-01-08T00:00:00.000Z", end: "2024-01-08T19:00:00.000Z" },
      { start: "2024-01-09T07:00:00.000Z", end: "2024-01-09T19:00:00.000Z" },
      { start: "2024-01-10T07:00:00.000Z", end: "2024-01-10T19:00:00.000Z" },
      { start: "2024-01-11T07:00:00.000Z", end: "2024-01-11T19:00:00.000Z" },
      { start: "2024-01-12T07:00:00.000Z", end: "2024-01-12T19:00:00.000Z" },
      { start: "2024-01-13T07:00:00.000Z", end: "2024-01-15T00:00:00.000Z" },
    ]);
  });

  it("the longest gap of a weeknight layer must be Saturday 07:00 to Monday 19:00", () => {
    // Over two weeks the weekend gap is whole: Sat Jan 13 07:00 to Mon Jan 15 19:00 = 17 + 24 + 19
    // = 60 h. Coverage is still 120 / 336 = 35.71 %.
    const coverage = computeCoverage(
      weeknights,
      always,
      at("2024-01-08T00:00Z"),
      at("2024-01-22T00:00Z"),
    );
    expect(coverage.longestGap).toEqual({
      start: at("2024-01-13T07:00Z"),
      end: at("2024-01-15T19:00Z"),
      seconds: 60 * HOUR_S,
    });
    expect(coverage.percentage).toBeCloseTo(35.71, 2);
  });

  it("a nightly layer must cover half the week with 12 h gaps when the restriction is daily", () => {
    // Mon 00:00-07:00 (7 h) + six full nights (72 h) + Sun 19:00-24:00 (5 h) = 84 h of 168 = 50 %;
    // each day 07:00-19:00 is a 12 h gap, the first of them the longest by order.
    const nightly = schedule("UTC", [
      layer({
        start: MONDAY,
        rotationTurnLengthSeconds: WEEK_S,
        users: ["alice", "bob"],
        restrictions: [daily("19:00:00", 12 * HOUR_S)],
      }),
    ]);
    const coverage = computeCoverage(
      nightly,
      always,
      at("2024-01-08T00:00Z"),
      at("2024-01-15T00:00Z"),
    );
    expect(coverage.coveredSeconds).toBe(84 * HOUR_S);
    expect(coverage.percentage).toBe(50);
    expect(coverage.gaps).toHaveLength(7);
    expect(coverage.longestGap).toEqual({
      start: at("2024-01-08T07:00Z"),
      end: at("2024-01-08T19:00Z"),
      seconds: 12 * HOUR_S,
    });
  });

  // Market hours: 06:00-18:00 New York, Monday to Friday.
  const marketHours: CoverageRequirement = {
    kind: "weekly",
    timeZone: "America/New_York",
    windows: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, start: "06:00", end: "18:00" })),
  };

  it("market hours must be fully covered across DST when the layer is restricted to the same local hours", () => {
    // Mar 4 to Mar 18 2024 spans the change on Mar 10; both follow the local clock. 10 days × 12 h.
    const rotation = schedule("America/New_York", [
      layer({
        start: "2024-03-01T06:00:00-05:00",
        users: ["alice"],
        restrictions: [1, 2, 3, 4, 5].map((d) => weekly(d, "06:00:00", 12 * HOUR_S)),
      }),
    ]);
    const coverage = computeCoverage(
      rotation,
      marketHours,
      at("2024-03-04T00:00-05:00"),
      at("2024-03-18T00:00-04:00"),
    );
    expect(coverage.requiredSeconds).toBe(120 * HOUR_S);
    expect(coverage.percentage).toBe(100);
    expect(coverage.gaps).toEqual([]);
    expect(coverage.longestGap).toBeNull();
  });

  it("a gap must be at 06:00 local on both sides of DST when cover starts at 07:00", () => {
    // On call 07:00 for 11 h: each weekday misses 06:00-07:00. Before Mar 10 that is 11:00Z, after
    // it 10:00Z. 10 gaps of 1 h; 110 / 120 = 91.67 %.
    const rotation = schedule("America/New_York", [
      layer({
        start: "2024-03-01T06:00:00-05:00",
        users: ["alice"],
        restrictions: [1, 2, 3, 4, 5].map((d) => weekly(d, "07:00:00", 11 * HOUR_S)),
      }),
    ]);
    const coverage = computeCoverage(
      rotation,
      marketHours,
      at("2024-03-04T00:00-05:00"),
      at("2024-03-18T00:00-04:00"),
    );
    expect(coverage.gaps).toHaveLength(10);
    expect(coverage.gaps[0]).toEqual({
      start: at("2024-03-04T11:00Z"),
      end: at("2024-03-04T12:00Z"),
      seconds: HOUR_S,
    });
    expect(coverage.gaps[5]).toEqual({
      start: at("2024-03-11T10:00Z"),
      end: at("2024-03-11T11:00Z"),
      seconds: HOUR_S,
    });
    expect(coverage.percentage).toBeCloseTo(91.67, 2);
  });

  it("a window must reach midnight when it ends at 24:00 and run into the next day when it ends before it starts", () => {
    // Nobody on call, so the gaps are the requirement: Friday 22:00 to Saturday 02:00 (4 h) joins
    // Saturday 00:00-24:00 (24 h) into one gap Fri Jan 5 22:00 to Sun Jan 7 00:00 = 26 h.
    const requirement: CoverageRequirement = {
      kind: "weekly",
      timeZone: "UTC",
      windows: [
        { dayOfWeek: 5, start: "22:00", end: "02:00" },
        { dayOfWeek: 6, start: "00:00", end: "24:00" },
      ],
    };
    const empty: ScheduleInputs = schedule("UTC", []);
    const coverage = computeCoverage(empty, requirement, at(MONDAY), at("2024-01-08T00:00Z"));
    expect(coverage.gaps).toEqual([
      { start: at("2024-01-05T22:00Z"), end: at("2024-01-07T00:00Z"), seconds: 26 * HOUR_S },
    ]);
    expect(coverage.percentage).toBe(0);
  });

  it("coverage must be 100 % when nothing is required in the window", () => {
    const requirement: CoverageRequirement = {
      kind: "weekly",
      timeZone: "UTC",
      windows: [{ dayOfWeek: 6, start: "00:00", end: "24:00" }],
    };
    const coverage = computeCoverage(
      schedule("UTC", []),
      requirement,
      at(MONDAY),
      at("2024-01-02T00:00Z"),
    );
    expect(coverage).toMatchObject({
      requiredSeconds: 0,
      percentage: 100,
      gaps: [],
      longestGap: null,
    });
  });
});

describe("findDoubleBookings", () => {
  const allWeek = (users: string[]) =>
    schedule("UTC", [layer({ start: MONDAY, rotationTurnLengthSeconds: WEEK_S, users })]);

  it("a person must be reported with the overlap when on call in two schedules at once", () => {
    // primary: alice all week; secondary: daily alice (Jan 1), bob (Jan 2): overlap is Jan 1.
    const bookings = findDoubleBookings(
      [
        { name: "primary", inputs: allWeek(["alice"]) },
        {
          name: "secondary",
          inputs: schedule("UTC", [
            layer({ start: MONDAY, rotationTurnLengthSeconds: DAY_S, users: ["alice", "bob"] }),
          ]),
        },
      ],
      at(MONDAY),
      at("2024-01-03T00:00Z"),
    );
    expect(bookings).toEqual([
      {
        user: "alice",
        schedules: ["primary", "secondary"],
        start: at(MONDAY),
        end: at("2024-01-02T00:00Z"),
        seconds: DAY_S,
      },
    ]);
  });

  it("three schedules at once must give three pairs", () => {
    const inputs = allWeek(["alice"]);
    const bookings = findDoubleBookings(
      [
        { name: "a", inputs },
        { name: "b", inputs },
        { name: "c", inputs },
      ],
      at(MONDAY),
      at(MONDAY) + HOUR_MS,
    );
    expect(bookings.map((booking) => booking.schedules)).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
  });

  it("nothing must be reported when the same person is on call in different hours", () => {
    const days = schedule("UTC", [
      layer({ start: MONDAY, users: ["alice"], restrictions: [daily("08:00:00", 12 * HOUR_S)] }),
    ]);
    const nights = schedule("UTC", [
      layer({ start: MONDAY, users: ["alice"], restrictions: [daily("20:00:00", 12 * HOUR_S)] }),
    ]);
    const bookings = findDoubleBookings(
      [
        { name: "days", inputs: days },
        { name: "nights", inputs: nights },
      ],
      at(MONDAY),
      at("2024-01-08T00:00Z"),
    );
    expect(bookings).toEqual([]);
  });
});
