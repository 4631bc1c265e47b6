import { describe, expect, it } from "vitest";
import { firstHighUrgencyPage, pagingAcknowledgeMinutes } from "../../infra/check/responders";
import { CHECK_VALID, loadTree } from "./fixtures";

describe("firstHighUrgencyPage", () => {
  it("alice must be first reached at minute 0 when her phone rule starts at 0 (F11)", async () => {
    const { graph } = await loadTree(CHECK_VALID);
    // A start delay of 0 is a value, not an absent field: the spec carries 0 and she is called
    // at once.
    const first = firstHighUrgencyPage(graph, "user-alice");
    expect(first?.minute).toBe(0);
    expect(first?.spec.inputs).toMatchObject({ urgency: "high", startDelayInMinutes: 0 });
  });

  it("an SMS rule must count as paging when it is the person's only high-urgency rule", async () => {
    const { graph } = await loadTree(CHECK_VALID);
    expect(firstHighUrgencyPage(graph, "user-bob")?.minute).toBe(0);
  });

  it("nobody must be found when the user has no notification rule", async () => {
    const { graph } = await loadTree(CHECK_VALID);
    expect(firstHighUrgencyPage(graph, "user-nobody")).toBeUndefined();
  });
});

describe("pagingAcknowledgeMinutes", () => {
  it("a severity that pages must demand its smallest acknowledge time over its high-urgency classes", async () => {
    const { model } = await loadTree(CHECK_VALID);
    const p1 = model.severities.find((s) => s.id === "P1")!;
    // P1: acknowledge 5 everywhere (market_hours_sla changes only the escalation figure).
    expect(pagingAcknowledgeMinutes(p1)).toEqual({ minutes: 5, timeClass: "market_hours" });
    const faster = { ...p1, market_hours_sla: { acknowledge_minutes: 2 } };
    expect(pagingAcknowledgeMinutes(faster)).toEqual({ minutes: 2, timeClass: "market_hours" });
  });

  it("a severity that is low urgency everywhere must demand nothing", async () => {
    const { model } = await loadTree(CHECK_VALID);
    expect(pagingAcknowledgeMinutes(model.severities.find((s) => s.id === "P3")!)).toBeUndefined();
  });
});
