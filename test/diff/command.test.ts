import { describe, expect, it } from "vitest";
import { PEOPLE, rotation, runDiff, scratchRepo } from "./scratch-repo";

// F05: turn k starts 2022-08-23 08:00 Europe/Paris (+02:00 all through September) plus k days.
// Before: [alice, bob, carol, dave][k mod 4]; after removing carol: [alice, bob, dave][k mod 3].
//   Sep 1 = turn 9:  9 mod 4 = 1 bob,    9 mod 3 = 0 alice   -> changes
//   Sep 2 = turn 10: 10 mod 4 = 2 carol, 10 mod 3 = 1 bob    -> changes
//   Sep 3 = turn 11: 3 dave,  2 dave; Sep 4 = turn 12: 0 alice, 0 alice; Sep 5 = turn 13: bob, bob
//   Sep 6 = turn 14: 2 carol, 2 dave                         -> changes
//   Sep 7 = turn 15: 3 dave,  0 alice                        -> changes
//   Sep 8 = turn 16: 0 alice, 1 bob (the window ends at 09:00) -> changes
const NOW = "2022-09-01T09:00:00+02:00";
// Git keeps no empty folders, and the loader needs policies/ to exist.
const BEFORE = {
  "policies/.gitkeep": "",
  "contacts/people.yaml": PEOPLE,
  "contacts/rotations.yaml": rotation(["alice", "bob", "carol", "dave"]),
};
const WITHOUT_CAROL = { "contacts/rotations.yaml": rotation(["alice", "bob", "dave"]) };

describe("diff command", () => {
  it("the report must name the rotation, its on-call changes and the new current on-caller when a member is removed", async () => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL);

    const result = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW, "--weeks", "1"]);

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("~ schedule-paris (schedule)");
    expect(result.stdout).toContain(
      "layers[0].users: [user-alice, user-bob, user-carol, user-dave] -> [user-alice, user-bob, user-dave]",
    );
    expect(result.stdout).toContain("the current on-caller changes: user-bob -> user-alice");
    // Keeping bob: (9 + m) mod 3 = 1 (bob's index) gives m = 1, one day before Aug 23.
    expect(result.stdout).toContain(
      "set rotation_virtual_start: 2022-08-22T08:00:00+02:00 on layer daily",
    );
    const rows = result.stdout
      .split("\n")
      .filter((line) => /^\s+\w{3} 2022-09-\d\d \d\d:\d\d/.test(line))
      .map((line) => line.trim().split(/\s{2,}/));
    expect(rows).toEqual([
      ["Thu 2022-09-01 09:00", "Fri 2022-09-02 08:00", "user-bob", "user-alice"],
      ["Fri 2022-09-02 08:00", "Sat 2022-09-03 08:00", "user-carol", "user-bob"],
      ["Tue 2022-09-06 08:00", "Wed 2022-09-07 08:00", "user-carol", "user-dave"],
      ["Wed 2022-09-07 08:00", "Thu 2022-09-08 08:00", "user-dave", "user-alice"],
      ["Thu 2022-09-08 08:00", "Thu 2022-09-08 09:00", "user-alice", "user-bob"],
    ]);
  });

  it("the JSON must carry the changed stretches as UTC instants when --format json is given", async () => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL);

    const result = await runDiff([
      "--dir",
      root,
      "--base",
      "HEAD~1",
      "--now",
      NOW,
      "--weeks",
      "1",
      "--format",
      "json",
    ]);

    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    // 08:00 and 09:00 at +02:00 are 06:00Z and 07:00Z.
    expect(json.onCall[0].changes).toEqual([
      {
        start: "2022-09-01T07:00:00Z",
        end: "2022-09-02T06:00:00Z",
        before: "user-bob",
        after: "user-alice",
      },
      {
        start: "2022-09-02T06:00:00Z",
        end: "2022-09-03T06:00:00Z",
        before: "user-carol",
        after: "user-bob",
      },
      {
        start: "2022-09-06T06:00:00Z",
        end: "2022-09-07T06:00:00Z",
        before: "user-carol",
        after: "user-dave",
      },
      {
        start: "2022-09-07T06:00:00Z",
        end: "2022-09-08T06:00:00Z",
        before: "user-dave",
        after: "user-alice",
      },
      {
        start: "2022-09-08T06:00:00Z",
        end: "2022-09-08T07:00:00Z",
        before: "user-alice",
        after: "user-bob",
      },
    ]);
    expect(json.onCall[0].current).toEqual({
      before: "user-bob",
      after: "user-alice",
      fix: {
        kind: "move-virtual-start",
        layer: "daily",
        path: "rotations[0].layers[0]",
        rotationVirtualStart: "2022-08-22T08:00:00+02:00",
      },
    });
  });

  it("the Markdown must carry the comment marker, a warning and the on-call table when --format markdown is given", async () => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL);

    const result = await runDiff([
      "--dir",
      root,
      "--base",
      "HEAD~1",
      "--now",
      NOW,
      "--weeks",
      "1",
      "--format",
      "markdown",
    ]);

    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("<!-- pagerduty-as-code:diff -->");
    expect(result.stdout).toContain("> [!WARNING]");
    expect(result.stdout).toContain(
      "the current on-caller changes from **user-bob** to **user-alice**",
    );
    expect(result.stdout).toContain("`rotation_virtual_start: 2022-08-22T08:00:00+02:00`");
    expect(result.stdout).toContain(
      "| Thu 2022-09-01 09:00 | Fri 2022-09-02 08:00 | user-bob | user-alice |",
    );
  });

  it("the fix must end the layer after the current turn when the current on-caller is the one removed", async () => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL);

    // Sep 2 09:00 is turn 10: carol's, whose turn ends at the Sep 3 08:00 handoff.
    const result = await runDiff([
      "--dir",
      root,
      "--base",
      "HEAD~1",
      "--now",
      "2022-09-02T09:00:00+02:00",
      "--weeks",
      "1",
      "--format",
      "json",
    ]);

    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).onCall[0].current).toEqual({
      before: "user-carol",
      after: "user-bob",
      fix: {
        kind: "end-layer",
        layer: "daily",
        path: "rotations[0].layers[0]",
        effective: "2022-09-03T08:00:00+02:00",
        previousMembers: ["user-alice", "user-bob", "user-carol", "user-dave"],
        members: ["user-alice", "user-bob", "user-dave"],
      },
    });
  });

  it("the data must be read from the subfolder at the base ref when --dir is below the repository's top", async () => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL, "ops/pagerduty");

    const result = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW, "--weeks", "1"]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("the current on-caller changes: user-bob -> user-alice");
  });

  it("every resource must be added when the base has no data yet", async () => {
    const root = scratchRepo({ "README.md": "data comes next\n" }, BEFORE);

    const result = await runDiff([
      "--dir",
      root,
      "--base",
      "HEAD~1",
      "--now",
      NOW,
      "--format",
      "json",
    ]);

    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    // Four users and one schedule.
    expect(json.resources.added.map((r: { name: string }) => r.name)).toEqual([
      "user-alice",
      "user-bob",
      "user-carol",
      "user-dave",
      "schedule-paris",
    ]);
    expect(json.onCall[0].current).toEqual({ before: null, after: "user-bob" });
  });

  it("emails must be masked unless --show-personal is given", async () => {
    const root = scratchRepo(BEFORE, {
      "contacts/people.yaml": PEOPLE.replace("bob@example.com", "robert@example.org"),
    });

    const masked = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW]);
    const shown = await runDiff([
      "--dir",
      root,
      "--base",
      "HEAD~1",
      "--now",
      NOW,
      "--show-personal",
    ]);

    // maskEmail keeps the first letter and the domain.
    expect(masked.stdout).toContain("email: b***@example.com -> r***@example.org");
    expect(masked.stdout).not.toContain("robert@");
    expect(shown.stdout).toContain("email: bob@example.com -> robert@example.org");
  });

  it("nothing must change and the exit status must be 0 when both sides are the same", async () => {
    const root = scratchRepo(BEFORE, { "contacts/notes.txt": "not data\n" });

    const result = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Resources: 0 added, 0 changed, 0 removed");
    expect(result.stdout).toContain("On call: unchanged for the next 4 week(s)");
  });

  it("the problems must be printed with exit status 1 when the working tree is invalid", async () => {
    const root = scratchRepo(BEFORE, { "contacts/rotations.yaml": rotation(["alice", "zoe"]) });

    const result = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW]);

    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^contacts\/rotations\.yaml:\d+:\d+ error /m);
    expect(result.stderr).toMatch(/error: \d+ error\(s\) in the data; nothing was compared/);
  });

  it("the base's problems must be printed with its ref when the base is invalid", async () => {
    const root = scratchRepo(
      { ...BEFORE, "contacts/rotations.yaml": rotation(["alice", "zoe"]) },
      BEFORE,
    );

    const result = await runDiff(["--dir", root, "--base", "HEAD~1", "--now", NOW]);

    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^HEAD~1:contacts\/rotations\.yaml:\d+:\d+ error /m);
  });

  it.each([
    [["--base", "no-such-branch"], /^error: --base no-such-branch does not name a commit/],
    [[], /^error: --base <git ref> is required/],
    [["--base", "HEAD", "--weeks", "0"], /^error: --weeks must be a whole number from 1 to 52/],
    [["--base", "HEAD", "--now", "yesterday"], /^error: --now must be an ISO 8601 instant/],
  ])("the command must exit 2 with one line when given %j", async (args, message) => {
    const root = scratchRepo(BEFORE, WITHOUT_CAROL);

    const result = await runDiff(["--dir", root, ...args]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
