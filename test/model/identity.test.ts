import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadOrg } from "../../infra/model/load";
import { formatProblem } from "../../infra/model/problem";
import { copyTree, loadWith } from "../support/tree";

// Field case F13 (the duplicate part): emails are compared case-insensitively, names of services
// must be unique.
describe("identity", () => {
  it("must refuse two people whose emails differ only in case", async () => {
    const root = copyTree(undefined, [
      { file: "contacts/people.yaml", path: ["people", 1, "email"], value: "BOB@example.com" },
      { file: "contacts/people.yaml", path: ["people", 2, "email"], value: "bob@example.com" },
    ]);
    const { problems } = await loadOrg(root);
    expect(problems.map((p) => [p.code, p.path])).toEqual([["EMAIL_DUPLICATE", "people[2].email"]]);
    // The problem sits on carol's email line; the message points at the first holder of the
    // address, bob's email line, both found in the file as written.
    const lines = readFileSync(path.join(root, "contacts/people.yaml"), "utf8").split("\n");
    const bobLine = lines.findIndex((l) => l.includes("email: BOB@example.com")) + 1;
    expect(problems[0]!.message).toContain(`contacts/people.yaml:${bobLine}`);
    expect(problems[0]!.line).toBe(
      lines.findIndex((l) => l.includes("email: bob@example.com")) + 1,
    );
  });

  it("must treat Alice.Smith@Example.com as one address, not a duplicate of itself", async () => {
    const { problems } = await loadWith([]);
    expect(problems).toEqual([]);
  });

  it("must refuse two services with the same name", async () => {
    const { problems } = await loadWith([
      { file: "policies/services.yaml", path: ["services", 1, "name"], value: "api" },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([["NAME_DUPLICATE", "services[1]"]]);
  });

  it("must refuse two people with the same id", async () => {
    const { problems } = await loadWith([
      { file: "contacts/people.yaml", path: ["people", 3, "id"], value: "alice" },
    ]);
    expect(problems.map((p) => p.code)).toContain("ID_DUPLICATE");
  });

  it("must report a rotation member who does not exist, with a suggestion", async () => {
    const { problems } = await loadWith([
      {
        file: "contacts/rotations.yaml",
        path: ["rotations", 0, "layers", 0, "members", 1],
        value: "bobby",
      },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["REFERENCE_UNKNOWN"]);
    expect(problems[0]!.hint).toContain("bob");
  });
});

describe("notification rules", () => {
  it("must refuse two rules of one person with the same urgency, method and delay", async () => {
    const rule = { urgency: "high", contact_method: "mobile", start_delay_minutes: 0 };
    const { problems } = await loadWith([
      { file: "contacts/people.yaml", path: ["people", 3, "notification_rules", 1], value: rule },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["NOTIFICATION_RULE_DUPLICATE", "people[3].notification_rules[1]"],
    ]);
  });
});

describe("Slack routing", () => {
  it("must refuse a source named twice in one connection (two resources, one name)", async () => {
    const { problems } = await loadWith([
      {
        file: "policies/slack.yaml",
        path: ["slack", "connections", 0, "sources"],
        value: [{ service: "api" }, { team: "sre" }, { team: "sre" }],
      },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["SOURCE_DUPLICATE", "slack.connections[0].sources[2]"],
    ]);
  });

  it("must refuse two channels with the same Slack channel id", async () => {
    const { problems } = await loadWith([
      {
        file: "policies/slack.yaml",
        path: ["slack", "channels", 1],
        value: { id: "other", name: "#other", channel_id: "C0TEST0001", purpose: "Other" },
      },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["CHANNEL_ID_DUPLICATE"]);
  });
});

describe("a section refused by its schema", () => {
  it("must not make everything that refers to it look undefined", async () => {
    // A bad id in the chain refuses the whole chain; severities, policies and services that name
    // its levels must not each report that the chain or its levels do not exist.
    const { problems } = await loadWith([
      {
        file: "policies/escalation.yaml",
        path: ["escalation_chain", "levels", 1, "targets", 0, "person"],
        value: "Dave!",
      },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["FORMAT_INVALID", "escalation_chain.levels[1].targets[0].person"],
    ]);
  });
});

describe("display names", () => {
  it("must refuse control characters, which could forge lines in plans and logs", async () => {
    const { problems } = await loadWith([
      {
        file: "contacts/people.yaml",
        path: ["people", 0, "name"],
        value: "Alice\nPlan: 0 resources",
      },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([["FORMAT_INVALID", "people[0].name"]]);
  });
});

describe("contact methods", () => {
  it("must refuse two phone methods of one person with the same number", async () => {
    // Alice's mobile is country code 1 and 2125550100; the desk phone repeats it in + form.
    const desk = { id: "desk", type: "phone", label: "Desk", number: "+1 212 555 0100" };
    const { problems } = await loadWith([
      { file: "contacts/people.yaml", path: ["people", 0, "contact_methods", 1], value: desk },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["CONTACT_METHOD_DUPLICATE", "people[0].contact_methods[1]"],
    ]);
  });
});

describe("holidays", () => {
  it("must refuse a day that is not in the calendar and a date listed twice", async () => {
    const { problems } = await loadWith([
      {
        file: "policies/severities.yaml",
        path: ["holidays"],
        value: [
          { date: "2026-02-30", name: "Not a day" },
          { date: "2027-01-01", name: "New Year's Day" },
          { date: "2027-01-01", name: "Again" },
        ],
      },
    ]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["DATE_INVALID", "holidays[0].date"],
      ["HOLIDAY_DUPLICATE", "holidays[2]"],
    ]);
  });
});

describe("personal values in type errors", () => {
  it("must quote an unquoted phone number only masked, with a hint to quote it", async () => {
    const { problems } = await loadWith([
      {
        file: "contacts/people.yaml",
        path: ["people", 1, "contact_methods", 0, "number"],
        value: 12125550101,
      },
    ]);
    expect(problems.map((p) => p.code)).toEqual(["TYPE_INVALID"]);
    expect(problems[0]!.personal).toEqual(["12125550101"]);
    expect(formatProblem(problems[0]!)).not.toContain("12125550101");
    expect(problems[0]!.hint).toMatch(/quote phone numbers/);
  });
});
