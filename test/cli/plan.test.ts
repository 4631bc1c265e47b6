import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runScript } from "../support/tree";

const fixture = (name: string) => path.join(REPO_ROOT, "test/fixtures", name);
const NO_STACK = /^\s+at /m;

describe("npm run plan", () => {
  it("must exit 0 on the shipped data and list every concept with its count", async () => {
    const { status, stdout, stderr } = await runScript("plan.ts", []);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    for (const title of [
      "Users (27)",
      "Contact methods",
      "Notification rules",
      "Teams (6)",
      "Team memberships",
      "Schedules (7)",
      "Escalation policies",
      "Services (13)",
      "Service integrations",
      "Slack connections",
    ]) {
      expect(stdout).toContain(title);
    }
    expect(stdout).toContain("Validation: 0 error(s), 0 warning(s)");
  });

  it("must mask emails and phone numbers unless --show-personal is given", async () => {
    const masked = await runScript("plan.ts", []);
    // Avery Lee is written as avery.lee@example.com with +1 212 555 0100 in contacts/people.yaml.
    expect(masked.stdout).not.toContain("avery.lee@example.com");
    expect(masked.stdout).not.toContain("2125550100");
    expect(masked.stdout).toContain("a***@example.com");
    const shown = await runScript("plan.ts", ["--show-personal"]);
    expect(shown.stdout).toContain("avery.lee@example.com");
    expect(shown.stdout).toContain("2125550100");
  });

  it("must write JSON resources with Pulumi type tokens, logical names and references", async () => {
    const { status, stdout } = await runScript("plan.ts", ["--format", "json"]);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout) as { resources: { type: string; name: string; inputs: any }[] };
    const p0 = plan.resources.find((r) => r.name === "escalation-policy-p0-critical")!;
    expect(p0.type).toBe("pagerduty:index/escalationPolicy:EscalationPolicy");

    // Running sums of the rule delays: level 2 at 15, 3 at 30, 4 at 60, 5 at 120.
    const delays: number[] = p0.inputs.rules.map((r: any) => r.escalationDelayInMinutes);
    const reached = delays.reduce<number[]>(
      (acc, _d, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + delays[i - 1]!],
      [],
    );
    expect(reached).toEqual([0, 15, 30, 60, 120]);

    const policies = plan.resources.filter((r) => r.type.endsWith("EscalationPolicy"));
    for (const policy of policies) {
      for (const rule of policy.inputs.rules) {
        expect(rule.escalationDelayInMinutes).toBeGreaterThanOrEqual(1);
        for (const target of rule.targets) {
          expect(["user_reference", "schedule_reference"]).toContain(target.type);
          expect(Object.keys(target.id)).toEqual(["ref"]);
        }
      }
    }
    const service = plan.resources.find((r) => r.name === "service-trading-platform")!;
    expect(service.inputs.escalationPolicy).toEqual({ ref: "escalation-policy-p0-critical" });
  });

  it("must print every problem of a broken tree at file:line:col with its code and exit 1", async () => {
    const { status, stdout, stderr } = await runScript("plan.ts", [
      "--dir",
      fixture("broken-many"),
    ]);
    expect(status).toBe(1);
    // Positions read off test/fixtures/broken-many by hand: the number value on line 11 (8 spaces
    // and "number: "), carol's email value on line 20 (4 spaces and "email: "), dave's time zone value on line 25, the restriction
    // flow map on line 13 (10 spaces and "- "), bobby's flow map on line 6 of teams.yaml.
    const located = stdout
      .trim()
      .split("\n")
      .map((line) => line.split(" ").slice(0, 3).join(" "));
    expect(located).toEqual([
      "contacts/people.yaml:11:17 error PHONE_TRUNK_PREFIX",
      "contacts/people.yaml:20:12 error EMAIL_DUPLICATE",
      "contacts/people.yaml:25:16 error TIME_ZONE_UNKNOWN",
      "contacts/rotations.yaml:13:13 error RESTRICTION_WEEKDAY_MISSING",
      "contacts/teams.yaml:6:9 error REFERENCE_UNKNOWN",
    ]);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("5 error(s)");
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("must report a YAML syntax error at its position and exit 1", async () => {
    const { status, stdout } = await runScript("plan.ts", ["--dir", fixture("broken-yaml")]);
    expect(status).toBe(1);
    // The flow map opened on line 5 of teams.yaml is never closed; the parser notices at line 6.
    expect(stdout).toMatch(/^contacts\/teams\.yaml:6:1 error YAML_SYNTAX/);
  });

  it.each([
    [
      "a missing folder",
      ["--dir", "/nonexistent/tree"],
      /cannot read folder \/nonexistent\/tree\/contacts/,
    ],
    ["a file given as the folder", ["--dir", path.join(REPO_ROOT, "package.json")], /not a folder/],
    ["an unknown option", ["--frobnicate"], /Unknown option '--frobnicate'/],
    ["an unknown format", ["--format", "yaml"], /--format must be one of text, json/],
  ])("must exit 2 with one line on stderr for %s", async (_label, args, message) => {
    const { status, stdout, stderr } = await runScript("plan.ts", args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it("must refuse a tree without data, which would plan the deletion of everything", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pd-empty-"));
    mkdirSync(path.join(root, "contacts"));
    mkdirSync(path.join(root, "policies"));
    const { status, stdout } = await runScript("plan.ts", ["--dir", root]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/error DATA_EMPTY/);
  });

  it("must write invalid data as JSON when JSON is asked for, masking personal values", async () => {
    const { status, stdout } = await runScript("plan.ts", [
      "--dir",
      fixture("broken-many"),
      "--format",
      "json",
    ]);
    expect(status).toBe(1);
    const plan = JSON.parse(stdout) as {
      resources: unknown[];
      problems: { code: string; hint?: string }[];
    };
    expect(plan.resources).toEqual([]);
    expect(plan.problems.map((p) => p.code)).toContain("PHONE_TRUNK_PREFIX");
    // broken-many writes the UK number 01332412251: neither it nor the fixed 1332412251 is shown.
    expect(stdout).not.toContain("1332412251");
    expect(stdout).not.toContain("BOB@example.com");
  });

  it("must refuse files that hold no data, as it refuses empty folders", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pd-empty-files-"));
    mkdirSync(path.join(root, "contacts"));
    mkdirSync(path.join(root, "policies"));
    writeFileSync(path.join(root, "contacts/people.yaml"), "");
    writeFileSync(path.join(root, "policies/policies.yaml"), "# nothing yet\n");
    const { status, stdout } = await runScript("plan.ts", ["--dir", root]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/error DATA_EMPTY/);
  });
});
