/** The check summary in `npm run plan`: counted, listed, and an error fails the plan. */
import { describe, expect, it } from "vitest";
import { runScript } from "../support/tree";
import { CHECK_VALID, NOW, treeWith } from "./fixtures";

describe("npm run plan with checks", () => {
  it("the plan must show a clean check summary and exit 0 when the checks pass", async () => {
    const result = await runScript("plan.ts", ["--dir", CHECK_VALID, "--now", NOW]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Checks: 0 error(s), 0 warning(s)");
  });

  it("the plan must list the finding and exit 1 when a check finds an error", async () => {
    const root = treeWith("policies/policies.yaml", "- at_minute: 30", "- at_minute: 45");
    const result = await runScript("plan.ts", ["--dir", root, "--now", NOW]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Checks: 1 error(s), 0 warning(s)");
    expect(result.stdout).toMatch(/policies\/policies\.yaml:44:9 error SLA_LEVEL_LATE/);
    expect(result.stderr).toContain("1 check error(s)");
  });

  it("the JSON plan must carry the check summary when asked for JSON", async () => {
    const result = await runScript("plan.ts", [
      "--dir",
      CHECK_VALID,
      "--now",
      NOW,
      "--format",
      "json",
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).checks[0]).toBe("Checks: 0 error(s), 0 warning(s)");
  });
});
