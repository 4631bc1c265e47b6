/**
 * `npm run check` on fixture trees, run as a user runs it: the valid base tree passes, and each
 * tree that changes one line of it fails with the expected code at the expected position.
 * Positions are read off the base files in test/fixtures/check-valid.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "../support/tree";
import { CHECK_VALID, NOW, treeWith } from "./fixtures";

const check = (root: string, ...args: string[]) =>
  runScript("check.ts", ["--dir", root, "--now", NOW, ...args]);

interface JsonFinding {
  code: string;
  level: string;
  file: string;
  line: number;
  col: number;
  facts: Record<string, unknown>;
}

async function findings(root: string): Promise<{ status: number; findings: JsonFinding[] }> {
  const result = await check(root, "--format", "json");
  return { status: result.status, findings: JSON.parse(result.stdout).findings };
}

describe("npm run check", () => {
  it("the valid tree must pass with exit 0 when nothing is wrong", async () => {
    const result = await check(CHECK_VALID);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Checks: 0 error(s), 0 warning(s)");
    expect(result.stderr).toBe("");
  });

  it("a rotation must report each gap with the coverage percentage when its restriction is an hour short of market hours", async () => {
    const root = treeWith("contacts/rotations.yaml", "duration: 10h", "duration: 9h");
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    // Market hours 08:00-18:00 on 20 weekdays in the 28 days from Monday 2027-03-01: required
    // 20 x 10 h = 200 h; the desk now covers 08:00-17:00, 20 x 9 h = 180 h = 90 %, and misses
    // 17:00-18:00 every weekday: 20 gaps of 3600 s.
    const gaps = all.filter((f) => f.code === "COVERAGE_GAP");
    expect(gaps).toHaveLength(20);
    expect(all).toHaveLength(20);
    expect(gaps[0]).toMatchObject({
      level: "error",
      file: "contacts/rotations.yaml",
      line: 23,
      col: 5,
      facts: {
        rotation: "desk",
        start: "2027-03-01T17:00Z",
        end: "2027-03-01T18:00Z",
        gapSeconds: 3600,
        coveragePercent: 90,
      },
    });
  });

  it("a person must be reported as double-booked when two exclusive rotations put them on call at once", async () => {
    const root = treeWith("contacts/rotations.yaml", "[carol, dave]", "[alice, dave]");
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    // Weekly turns counted from 2027-01-04: 2027-03-01 is 56 days = 8 turns later, and 8 mod 2 = 0
    // gives alice in both rotations; turns 10 (from 03-15) likewise: 2 overlaps of 168 h = 336 h.
    expect(all).toEqual([
      expect.objectContaining({
        code: "DOUBLE_BOOKED",
        file: "contacts/rotations.yaml",
        line: 13,
        col: 5,
        facts: {
          user: "user-alice",
          rotations: ["primary", "secondary"],
          start: "2027-03-01T00:00Z",
          end: "2027-03-08T00:00Z",
          overlaps: 2,
          overlapSeconds: 2 * 168 * 3600,
        },
      }),
    ]);
  });

  it("a level must be reported late with the rule and both minutes when a rule is reached after the chain's minute (F06)", async () => {
    const root = treeWith("policies/policies.yaml", "- at_minute: 30", "- at_minute: 45");
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    // The desk policy's rule 3 (the lead, L3) now comes at 45; the chain has L3 at 30. The same
    // in every time class, so one finding.
    expect(all).toEqual([
      expect.objectContaining({
        code: "SLA_LEVEL_LATE",
        file: "policies/policies.yaml",
        line: 44,
        col: 9,
        facts: expect.objectContaining({
          policy: "escalation-policy-desk",
          level: "L3",
          rule: 3,
          reachedAtMinute: 45,
          requiredByMinute: 30,
          timeClasses: ["market_hours", "after_hours", "weekend"],
        }),
      }),
    ]);
  });

  it("escalation must be late in market hours only when the secondary comes at 20 and market hours demand 15", async () => {
    const root = treeWith(
      "policies/policies.yaml",
      "name: Secondary, reached_at_minute: 15",
      "name: Secondary, reached_at_minute: 20",
    );
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    // P1 escalates by 15 in market hours (market_hours_sla) and by 30 otherwise: 20 > 15 only in
    // market hours. The chain-built policy's rule 2 points at chain level L2, line 30.
    expect(all).toEqual([
      expect.objectContaining({
        code: "SLA_ESCALATION_LATE",
        file: "policies/policies.yaml",
        line: 30,
        col: 7,
        facts: expect.objectContaining({
          policy: "escalation-policy-p1",
          reachedAtMinute: 20,
          requiredByMinute: 15,
          timeClasses: ["market_hours"],
        }),
      }),
    ]);
  });

  it("a responder must be reported when their first high-urgency call comes after the acknowledge time", async () => {
    const root = treeWith(
      "contacts/people.yaml",
      "contact_method: desk-phone, start_delay_minutes: 0",
      "contact_method: desk-phone, start_delay_minutes: 10",
    );
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    // Erin is L3 of P1 (acknowledge within 5 min); her only phone rule now starts at 10 > 5.
    expect(all).toEqual([
      expect.objectContaining({
        code: "RESPONDER_NOT_PAGED",
        file: "contacts/people.yaml",
        line: 43,
        col: 9,
        facts: expect.objectContaining({
          user: "user-erin",
          firstPagedAtMinute: 10,
          requiredByMinute: 5,
        }),
      }),
    ]);
  });

  it("a responder must be reported when they are only emailed on high urgency", async () => {
    const root = treeWith(
      "contacts/people.yaml",
      "contact_method: desk-phone, start_delay_minutes: 0",
      "contact_method: default_email, start_delay_minutes: 0",
    );
    const { findings: all } = await findings(root);
    expect(all.map((f) => [f.code, f.line, f.facts.user])).toEqual([
      // Without a phone rule the finding points at the person (erin, line 36).
      ["RESPONDER_NOT_PAGED", 36, "user-erin"],
    ]);
  });

  it("a service must be reported when its written urgency is low and its severity pages", async () => {
    const root = treeWith(
      "policies/policies.yaml",
      "{ id: api, name: API, escalation_policy: p1, severity: P1 }",
      "{ id: api, name: API, escalation_policy: p1, severity: P1, incident_urgency: { type: constant, urgency: low } }",
    );
    const { status, findings: all } = await findings(root);
    expect(status).toBe(1);
    expect(all).toEqual([
      expect.objectContaining({
        code: "URGENCY_MISMATCH",
        file: "policies/policies.yaml",
        line: 48,
        col: 5,
        facts: expect.objectContaining({
          service: "api",
          timeClasses: ["market_hours", "after_hours", "weekend"],
        }),
      }),
    ]);
  });

  it("a holiday must give a warning and exit 0 when support hours would apply the weekday urgency", async () => {
    // Tools becomes P2-like: high in market hours, low otherwise, through support hours. Friday
    // 2027-03-26 is made a holiday: PagerDuty still applies high there; the table wants low.
    const root = treeWith(
      "policies/policies.yaml",
      "urgency: { market_hours: low, after_hours: low, weekend: low }",
      'urgency: { market_hours: high, after_hours: low, weekend: low }\nholidays: [{ date: "2027-03-26", name: Good Friday }]',
    );
    const result = await check(root, "--format", "json");
    expect(result.status).toBe(0);
    const all = JSON.parse(result.stdout).findings as JsonFinding[];
    expect(all.map((f) => [f.code, f.level, f.facts.instant])).toEqual([
      // The middle of market hours that day: 13:00 UTC.
      ["URGENCY_HOLIDAY", "warning", "2027-03-26T13:00Z"],
    ]);
  });

  it("invalid data must be printed like findings and exit 1 when a chain level is not after the one before", async () => {
    const root = treeWith(
      "policies/policies.yaml",
      "name: Secondary, reached_at_minute: 15",
      "name: Secondary, reached_at_minute: 0",
    );
    const result = await check(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^policies\/policies\.yaml:30:\d+ error ESCALATION_DELAY_ZERO/m);
    expect(result.stderr).toContain("the checks did not run");
  });

  it("the github format must print one workflow annotation per finding", async () => {
    const root = treeWith("policies/policies.yaml", "- at_minute: 30", "- at_minute: 45");
    const result = await runScript(
      "check.ts",
      ["--dir", root, "--now", NOW, "--format", "github"],
      {},
    );
    expect(result.status).toBe(1);
    const [line] = result.stdout.split("\n");
    // File paths are relative to the working directory (the repository root), so GitHub can
    // place the annotation; ',' and ':' in properties are escaped.
    expect(line).toMatch(
      /^::error file=.*policies\/policies\.yaml,line=44,col=9,title=SLA_LEVEL_LATE::escalation policy Desk reaches level L3/,
    );
  });

  it("the time the checks took must be printed on stderr when --log-level is debug", async () => {
    const result = await check(CHECK_VALID, "--log-level", "debug");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^debug: checked \d+ resources over 28 day\(s\) in \d+ ms/m);
  });

  it.each([
    [["--now", "yesterday"], "--now must be an ISO 8601 instant"],
    [["--horizon-days", "0"], "--horizon-days must be a whole number"],
    [["--format", "markdown"], "--format must be one of text, json, github"],
  ])(
    "arguments %j must stop the command with exit 2 and one line on stderr",
    async (args, text) => {
      const result = await runScript("check.ts", ["--dir", CHECK_VALID, ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(text);
    },
  );

  it("a missing data folder must stop the command with exit 2", async () => {
    const result = await check("/nonexistent/pd-check-tree");
    expect(result.status).toBe(2);
  });
});
