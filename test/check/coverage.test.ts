/**
 * The coverage arithmetic itself (F04: a weeknight layer covers 60 of 168 h, 35.71 %; F05: who is
 * on call before and after removing a member) is tested on the timeline, in
 * test/timeline/coverage.test.ts and test/timeline/schedule.test.ts / rotation-edit.test.ts. Here:
 * how a rotation's `covers` becomes the requirement the timeline measures.
 */
import { describe, expect, it } from "vitest";
import { coverageRequirement } from "../../infra/check/coverage";
import { CHECK_VALID, loadTree } from "./fixtures";

describe("coverageRequirement", () => {
  it("market_hours must become one window per market day in the market's zone", async () => {
    const { model } = await loadTree(CHECK_VALID);
    const desk = model.rotations.find((r) => r.id === "desk")!;
    expect(coverageRequirement(desk, model)).toEqual({
      kind: "weekly",
      timeZone: "UTC",
      windows: [1, 2, 3, 4, 5].map((day) => ({ dayOfWeek: day, start: "08:00", end: "18:00" })),
    });
  });

  it("always must require every moment", async () => {
    const { model } = await loadTree(CHECK_VALID);
    expect(coverageRequirement(model.rotations[0]!, model)).toEqual({ kind: "always" });
  });

  it("weekly windows must keep the rotation's own zone when written out", async () => {
    const { model } = await loadTree(CHECK_VALID);
    const rotation = {
      ...model.rotations[0]!,
      time_zone: "Europe/Paris",
      covers: { weekly: [{ day_of_week: 6, start: "10:00", end: "24:00" }] },
    };
    expect(coverageRequirement(rotation, model)).toEqual({
      kind: "weekly",
      timeZone: "Europe/Paris",
      windows: [{ dayOfWeek: 6, start: "10:00", end: "24:00" }],
    });
  });
});
