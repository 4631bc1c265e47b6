import { describe, expect, it } from "vitest";
import { urgencyAt } from "../../infra/check/urgency";
import type { SupportHoursInputs, UrgencyRuleInputs } from "../../infra/graph/inputs";

const MARKET: SupportHoursInputs = {
  type: "fixed_time_per_day",
  timeZone: "America/New_York",
  daysOfWeeks: [1, 2, 3, 4, 5],
  startTime: "06:00:00",
  endTime: "18:00:00",
};
const HIGH_IN_HOURS: UrgencyRuleInputs = {
  type: "use_support_hours",
  duringSupportHours: { type: "constant", urgency: "high" },
  outsideSupportHours: { type: "constant", urgency: "low" },
};

describe("urgencyAt", () => {
  it.each([
    // Monday 2026-12-07 17:00Z = 12:00 EST: inside support hours.
    ["2026-12-07T17:00:00Z", "high"],
    // Monday 02:00Z = Sunday 21:00 EST: outside.
    ["2026-12-07T02:00:00Z", "low"],
    // Saturday 17:00Z = 12:00 EST on a Saturday: outside, the same urgency as weekday nights.
    ["2026-12-05T17:00:00Z", "low"],
    // Friday 2026-12-25 17:00Z: Christmas, but PagerDuty knows no holidays: inside.
    ["2026-12-25T17:00:00Z", "high"],
  ])("an incident at %s must be %s urgency when support hours are market hours", (iso, urgency) => {
    expect(urgencyAt(HIGH_IN_HOURS, MARKET, Date.parse(iso))).toBe(urgency);
  });

  it("a constant rule must give its urgency at any instant", () => {
    expect(urgencyAt({ type: "constant", urgency: "low" }, undefined, 0)).toBe("low");
  });
});
