import { describe, expect, it } from "vitest";
import { expandGraph } from "../../infra/graph/expand/index";
import { loadWith } from "../support/tree";

const PEOPLE = "contacts/people.yaml";

async function specsOf(edits: Parameters<typeof loadWith>[0] = []) {
  const { model, problems } = await loadWith(edits);
  expect(problems).toEqual([]);
  return expandGraph(model!).resources;
}

describe("expandPerson", () => {
  // Field case F11: "phone at 0 minutes" is sent with startDelayInMinutes 0, not dropped.
  it("must send a notification delay of 0 as 0", async () => {
    const specs = await specsOf();
    const rule = specs.find((s) => s.name === "user-alice-notify-high-mobile-0m")!;
    expect(rule.inputs).toEqual({
      userId: { ref: "user-alice" },
      urgency: "high",
      startDelayInMinutes: 0,
      contactMethod: { id: { ref: "user-alice-contact-mobile" }, type: "phone_contact_method" },
    });
    expect(Object.hasOwn(rule.inputs, "startDelayInMinutes")).toBe(true);
  });

  it("must point a default_email rule at the email method PagerDuty creates with the user", async () => {
    const specs = await specsOf();
    const rule = specs.find((s) => s.name === "user-alice-notify-low-default_email-0m")!;
    expect(rule.inputs.contactMethod).toEqual({
      id: { lookup: "defaultEmail", user: { ref: "user-alice" } },
      type: "email_contact_method",
    });
  });

  // Field case F10, as expanded: country code and national number are separate inputs.
  it("must send country code and national number apart", async () => {
    const specs = await specsOf();
    expect(specs.find((s) => s.name === "user-alice-contact-mobile")!.inputs).toMatchObject({
      type: "phone_contact_method",
      countryCode: 1,
      address: "2125550100",
    });
    expect(specs.find((s) => s.name === "user-carol-contact-mobile")!.inputs).toMatchObject({
      countryCode: 44,
      address: "7700900102",
    });
    expect(specs.find((s) => s.name === "user-bob-contact-mobile")!.inputs).toMatchObject({
      type: "sms_contact_method",
      countryCode: 1,
      address: "2125550101",
    });
  });

  it("must refuse a phone number with a trunk prefix at the line of the number", async () => {
    const { problems } = await loadWith([
      {
        file: PEOPLE,
        path: ["people", 0, "contact_methods", 0],
        value: {
          id: "mobile",
          type: "phone",
          label: "Mobile",
          country_code: 44,
          number: "01332412251",
        },
      },
    ]);
    expect(problems.map((p) => [p.code, p.path, p.hint])).toEqual([
      ["PHONE_TRUNK_PREFIX", "people[0].contact_methods[0].number", "1332412251"],
    ]);
  });

  it("must name users by id, so a display-name change is an update", async () => {
    const specs = await specsOf([
      { file: PEOPLE, path: ["people", 0, "name"], value: "Alice Renamed" },
    ]);
    const user = specs.find((s) => s.name === "user-alice")!;
    expect(user.inputs.name).toBe("Alice Renamed");
  });

  it("must send team roles explicitly", async () => {
    const specs = await specsOf();
    const memberships = specs.filter((s) => s.kind === "teamMembership").map((s) => s.inputs.role);
    expect(memberships).toEqual(["responder", "responder", "responder", "manager"]);
  });
});
