import { describe, expect, it } from "vitest";
import { parseNow, UsageError } from "../../infra/cli/command";

describe("parseNow", () => {
  it.each([
    ["2026-01-05T12:00:00Z", Date.UTC(2026, 0, 5, 12)],
    // 23:59 at -05:00 is 04:59 the next day in UTC.
    ["2026-02-28T23:59:00-05:00", Date.UTC(2026, 2, 1, 4, 59)],
    ["2024-02-29T00:00Z", Date.UTC(2024, 1, 29)],
  ])("must read %s", (text, ms) => {
    expect(parseNow(text)).toBe(ms);
  });

  it.each([
    ["a local time, which would depend on the machine's zone", "2026-03-08T02:30:00"],
    ["a day that does not exist", "2026-02-30T00:00:00Z"],
    ["February 29 of a common year", "2026-02-29T00:00:00Z"],
    ["a word", "tomorrow"],
    ["a date without a time", "2026-01-05"],
  ])("must refuse %s", (_label, text) => {
    expect(() => parseNow(text)).toThrow(UsageError);
  });
});
