import { describe, expect, it } from "vitest";
import { renderSlaMatrix } from "../../infra/docs/sla-matrix";
import { loadRepository, textOf } from "./support";

async function row(severity: string): Promise<string[]> {
  const { model } = await loadRepository();
  const page = renderSlaMatrix(model).text;
  const tr = new RegExp(`<tr id="${severity}">(.*?)</tr>`).exec(page)![1]!;
  return [...tr.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => textOf(m[1]!));
}

describe("renderSlaMatrix", () => {
  it("the P0 row must show the standard, market-hours, level and urgency figures when severities.yaml is rendered", async () => {
    // sla 2/5/15; market_hours_sla only accelerates respond to 2; reaches L1…L5; high everywhere.
    expect(await row("P0")).toEqual([
      "P0 Critical",
      "Immediate response",
      "2",
      "5",
      "15",
      "2",
      "2",
      "15",
      "L1 Primary on-call (0) L2 Secondary on-call (15) L3 Engineering lead (30) L4 Engineering management (60) L5 Executive (120)",
      "high",
      "high",
      "high",
    ]);
  });

  it("a figure must be shown greyed as the standard one when market hours do not accelerate it", async () => {
    const { model } = await loadRepository();
    const page = renderSlaMatrix(model).text;
    const p2 = /<tr id="P2">(.*?)<\/tr>/.exec(page)![1]!;
    // P2 has no market_hours_sla: all three market-hours cells repeat 30, 60, 240 as "same".
    expect([...p2.matchAll(/<td class="num same"[^>]*>(\d+)<\/td>/g)].map((m) => m[1])).toEqual([
      "30",
      "60",
      "240",
    ]);
  });

  it("the P2 urgency must be high in market hours and low otherwise when severities.yaml says so", async () => {
    expect((await row("P2")).slice(-3)).toEqual(["high", "low", "low"]);
  });
});
