import { describe, expect, it } from "vitest";
import { classify, sampleInstants, type Calendar } from "../../infra/check/time-class";

// Market hours 06:00-18:00 New York on weekdays, as shipped. New York is UTC-5 in winter (EST)
// and UTC-4 from 2027-03-14 (EDT).
const NEW_YORK: Calendar = {
  timeZone: "America/New_York",
  marketDays: [1, 2, 3, 4, 5],
  startMinute: 6 * 60,
  endMinute: 18 * 60,
  holidays: new Set(["2026-12-25"]),
};
const at = (iso: string) => Date.parse(iso);

describe("classify", () => {
  it.each([
    // Friday 2026-12-04 11:00Z = 06:00 EST: the first minute of market hours.
    ["2026-12-04T11:00:00Z", "market_hours"],
    // 10:59Z = 05:59 EST: still after hours.
    ["2026-12-04T10:59:00Z", "after_hours"],
    // 23:00Z = 18:00 EST: the end is exclusive.
    ["2026-12-04T23:00:00Z", "after_hours"],
    // Saturday 2026-12-05 05:00Z = 00:00 EST Saturday.
    ["2026-12-05T05:00:00Z", "weekend"],
    // Friday 2026-12-25 17:00Z = 12:00 EST on Christmas Day.
    ["2026-12-25T17:00:00Z", "holiday"],
    // After the March change: 2027-03-15 10:00Z = 06:00 EDT, market hours.
    ["2027-03-15T10:00:00Z", "market_hours"],
  ])("instant %s must be %s when market hours are 06:00-18:00 New York", (iso, timeClass) => {
    expect(classify(NEW_YORK, at(iso))).toBe(timeClass);
  });
});

describe("sampleInstants", () => {
  it("each class must be sampled on its first day in the horizon at its middle", () => {
    // From Friday 2026-12-04 15:00Z (10:00 EST): market hours at 12:00 EST = 17:00Z that day;
    // after hours at the middle of 18:00-24:00, 21:00 EST = 02:00Z on the 5th; weekend at noon
    // Saturday = 17:00Z on the 5th; the holiday at 12:00 EST on the 25th = 17:00Z.
    const samples = sampleInstants(
      NEW_YORK,
      at("2026-12-04T15:00:00Z"),
      at("2027-01-01T15:00:00Z"),
    );
    expect(samples.map((s) => [s.timeClass, new Date(s.instant).toISOString()])).toEqual([
      ["market_hours", "2026-12-04T17:00:00.000Z"],
      ["after_hours", "2026-12-05T02:00:00.000Z"],
      ["weekend", "2026-12-05T17:00:00.000Z"],
      ["holiday", "2026-12-25T17:00:00.000Z"],
    ]);
  });

  it("a class must be left out when the horizon does not contain it", () => {
    // Monday 2026-12-07 14:00Z (09:00 EST) for 12 hours: market hours and the evening only.
    const samples = sampleInstants(
      NEW_YORK,
      at("2026-12-07T14:00:00Z"),
      at("2026-12-08T02:00:00Z"),
    );
    expect(samples.map((s) => s.timeClass)).toEqual(["market_hours"]);
  });
});
