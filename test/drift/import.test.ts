import { describe, expect, it } from "vitest";
import { buildImportFile, importId } from "../../infra/drift/import";
import { parseStackExport, StateFileError } from "../../infra/drift/state";
import {
  RESOURCE_TYPES,
  ref,
  type Inputs,
  type ResourceKind,
  type ResourceSpec,
} from "../../infra/graph/types";

/** A live spec as flatten writes it: named by identity key, the live id in `source.path`. */
function live(kind: ResourceKind, key: string, id: string, inputs: Inputs = {}): ResourceSpec {
  return {
    kind,
    type: RESOURCE_TYPES[kind],
    name: key,
    inputs,
    source: { file: "(live)", line: 0, col: 0, path: id },
  };
}

const user = live("user", "user:alice@example.com", "PUSER01");
const service = live("service", "service:Checkout", "PSERV01");
const byKey = new Map([user, service].map((spec) => [spec.name, spec]));

describe("importId", () => {
  // The formats are those of each resource's "Import" section in @pulumi/pagerduty 3.4.0.
  it.each<[string, ResourceSpec, string]>([
    ["a user", user, "PUSER01"],
    ["a service", service, "PSERV01"],
    [
      "a contact method (user id:id)",
      live("contactMethod", "cm", "PCM0001", { userId: ref(user.name) }),
      "PUSER01:PCM0001",
    ],
    [
      "a notification rule (user id:id)",
      live("notificationRule", "nr", "PNR0001", { userId: ref(user.name) }),
      "PUSER01:PNR0001",
    ],
    [
      "a team membership (user id:team id, its live id already)",
      live("teamMembership", "tm", "PUSER01:PTEAM01"),
      "PUSER01:PTEAM01",
    ],
    [
      "a service integration (service id.id)",
      live("serviceIntegration", "si", "PINT001", { service: ref(service.name) }),
      "PSERV01.PINT001",
    ],
    [
      "a Slack connection (workspace id.id)",
      live("slackConnection", "sc", "PSLACK1", { workspaceId: "T0EXAMPLE" }),
      "T0EXAMPLE.PSLACK1",
    ],
  ])("importId must write the provider's import id for %s", (_, spec, expected) => {
    expect(importId(spec, byKey)).toBe(expected);
  });

  it("buildImportFile must name each resource by the data's logical name and type token", () => {
    const file = buildImportFile(
      [{ kind: "service", key: "service:Checkout", name: "service-checkout", liveId: "PSERV01" }],
      { resources: [user, service] },
    );

    expect(file).toEqual({
      resources: [
        { type: "pagerduty:index/service:Service", name: "service-checkout", id: "PSERV01" },
      ],
    });
  });
});

describe("parseStackExport", () => {
  it("parseStackExport must keep the ids of PagerDuty resources only", () => {
    const text = JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          { type: "pulumi:pulumi:Stack", id: "" },
          { type: "pulumi:providers:pagerduty", id: "e0c1-provider" },
          { type: "pagerduty:index/service:Service", id: "PSERV01" },
          { type: "pagerduty:index/teamMembership:TeamMembership", id: "PUSER01:PTEAM01" },
        ],
      },
    });

    expect(parseStackExport(text, "state.json")).toEqual(new Set(["PSERV01", "PUSER01:PTEAM01"]));
  });

  it.each([
    ["not JSON", "{"],
    ["JSON without deployment.resources", '{"version":3}'],
  ])("parseStackExport must refuse a file that is %s and say how to write one", (_, text) => {
    expect(() => parseStackExport(text, "state.json")).toThrow(StateFileError);
    expect(() => parseStackExport(text, "state.json")).toThrow(
      "pulumi stack export --file state.json",
    );
  });
});
