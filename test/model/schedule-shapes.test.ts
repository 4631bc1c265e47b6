import { describe, expect, it } from "vitest";
import { loadWith } from "../support/tree";

const LAYER = ["rotations", 0, "layers", 0];
const ROTATIONS = "contacts/rotations.yaml";

async function problemsFor(restriction: Record<string, unknown>) {
  const result = await loadWith([
    { file: ROTATIONS, path: [...LAYER, "restrictions"], value: [restriction] },
  ]);
  return result.problems;
}

// Field cases F02 and F03: restriction shapes and ranges. Each error must name the rotation, the
// layer and the restriction, and sit on the line of the restriction in contacts/rotations.yaml.
describe("rotation layer restrictions", () => {
  it("must be accepted when they are well formed (the base case)", async () => {
    const problems = await problemsFor({
      type: "weekly",
      start_day_of_week: 1,
      start_time_of_day: "19:00",
      duration: "12h",
    });
    expect(problems).toEqual([]);
  });

  it.each([
    [
      "a weekly restriction without a weekday",
      { type: "weekly", start_time_of_day: "19:00", duration: "12h" },
      "RESTRICTION_WEEKDAY_MISSING",
    ],
    [
      "a weekly restriction on weekday 0",
      { type: "weekly", start_day_of_week: 0, start_time_of_day: "19:00", duration: "12h" },
      "RESTRICTION_WEEKDAY_RANGE",
    ],
    [
      "a daily restriction that names a weekday",
      { type: "daily", start_day_of_week: 3, start_time_of_day: "19:00", duration: "12h" },
      "RESTRICTION_DAILY_WEEKDAY",
    ],
    [
      "a daily restriction of 86400 s",
      { type: "daily", start_time_of_day: "00:00", duration: 86400 },
      "RESTRICTION_DURATION",
    ],
    [
      "a weekly restriction of 604800 s",
      { type: "weekly", start_day_of_week: 1, start_time_of_day: "00:00", duration: 604800 },
      "RESTRICTION_DURATION",
    ],
    [
      "a start time with seconds",
      { type: "daily", start_time_of_day: "08:30:15", duration: "8h" },
      "TIME_OF_DAY_SECONDS",
    ],
  ])("must refuse %s", async (_label, restriction, code) => {
    const problems = await problemsFor(restriction);
    expect(problems.map((p) => p.code)).toEqual([code]);
    const [problem] = problems;
    expect(problem!.file).toBe(ROTATIONS);
    expect(problem!.path).toMatch(/^rotations\[0\]\.layers\[0\]\.restrictions\[0\]/);
    expect(problem!.message).toContain("rotation primary › layer weekly › restriction 1");
    // The layer starts at line 7 of the fixture; its restriction list comes after its members.
    expect(problem!.line).toBeGreaterThan(7);
  });

  it("must refuse a turn length of 1800 s (the range is 3600 s to 365 days)", async () => {
    const result = await loadWith([
      { file: ROTATIONS, path: [...LAYER, "rotation_turn_length"], value: 1800 },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["ROTATION_TURN_LENGTH"]);
    expect(result.problems[0]!.path).toBe("rotations[0].layers[0].rotation_turn_length");
  });

  it("must accept a turn length of exactly one hour", async () => {
    const result = await loadWith([
      { file: ROTATIONS, path: [...LAYER, "rotation_turn_length"], value: "1h" },
    ]);
    expect(result.problems).toEqual([]);
  });
});

// Field case F01, as the loader sees it: a local time that does not exist or occurs twice in the
// rotation's zone is refused with a clear message rather than silently moved by an hour.
describe("layer start times", () => {
  it.each([
    ["2024-03-10T02:30", "LOCAL_TIME_NONEXISTENT"],
    ["2024-11-03T01:30", "LOCAL_TIME_AMBIGUOUS"],
  ])("must refuse %s in America/New_York", async (start, code) => {
    const result = await loadWith([{ file: ROTATIONS, path: [...LAYER, "start"], value: start }]);
    expect(result.problems.map((p) => p.code)).toEqual([code]);
    expect(result.problems[0]!.path).toBe("rotations[0].layers[0].start");
  });

  it("must refuse a time zone the PagerDuty API refuses even where the host accepts it", async () => {
    const result = await loadWith([
      { file: ROTATIONS, path: ["rotations", 0, "time_zone"], value: "US/Mountain" },
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(["TIME_ZONE_UNKNOWN"]);
  });
});
