import { describe, expect, it } from "vitest";
import { expandGraph } from "../../infra/graph/expand/index";
import { loadWith } from "../support/tree";

const SERVICES = "policies/services.yaml";
const api = (patch: Record<string, unknown>) =>
  Object.entries(patch).map(([key, value]) => ({
    file: SERVICES,
    path: ["services", 0, key],
    value,
  }));

// Field case F12: urgency rules and support hours.
describe("service urgency", () => {
  it("must refuse a constant urgency together with support hours", async () => {
    const { problems } = await loadWith(
      api({
        incident_urgency: { type: "constant", urgency: "high" },
        support_hours: "market_hours",
      }),
    );
    expect(problems.map((p) => p.code)).toEqual(["SERVICE_URGENCY_SUPPORT_HOURS_CONFLICT"]);
  });

  it("must refuse a support-hours rule that also sets a top-level urgency", async () => {
    const { problems } = await loadWith(
      api({
        incident_urgency: {
          type: "use_support_hours",
          urgency: "high",
          during_support_hours: "high",
          outside_support_hours: "low",
        },
        support_hours: "market_hours",
      }),
    );
    expect(problems.map((p) => p.code)).toEqual(["SERVICE_URGENCY_TOP_LEVEL"]);
  });

  it("must refuse a support-hours rule without support hours", async () => {
    const { problems } = await loadWith(
      api({
        incident_urgency: {
          type: "use_support_hours",
          during_support_hours: "high",
          outside_support_hours: "low",
        },
      }),
    );
    expect(problems.map((p) => p.code)).toEqual(["SERVICE_SUPPORT_HOURS_MISSING"]);
  });

  it("must refuse an urgency other than high, low or severity_based", async () => {
    const { problems } = await loadWith(
      api({ incident_urgency: { type: "constant", urgency: "urgent" } }),
    );
    expect(problems.map((p) => p.code)).toEqual(["VALUE_NOT_ALLOWED"]);
  });

  it("must derive support-hours urgency from a severity whose market hours differ", async () => {
    const { model } = await loadWith([]);
    const tools = expandGraph(model!).resources.find((s) => s.name === "service-tools")!;
    // Fixture P3: high in market hours, low after hours and on weekends; market hours 06:00-18:00
    // New York on weekdays.
    expect(tools.inputs.incidentUrgencyRule).toEqual({
      type: "use_support_hours",
      duringSupportHours: { type: "constant", urgency: "high" },
      outsideSupportHours: { type: "constant", urgency: "low" },
    });
    expect(tools.inputs.supportHours).toEqual({
      type: "fixed_time_per_day",
      timeZone: "America/New_York",
      daysOfWeeks: [1, 2, 3, 4, 5],
      startTime: "06:00:00",
      endTime: "18:00:00",
    });
  });

  it("must send a disabled timeout as the string null, not 0", async () => {
    const { model } = await loadWith([]);
    const apiSpec = expandGraph(model!).resources.find((s) => s.name === "service-api")!;
    expect(apiSpec.inputs.acknowledgementTimeout).toBe("null");
    const { model: withTimeout } = await loadWith(api({ acknowledgement_timeout_minutes: 30 }));
    const changed = expandGraph(withTimeout!).resources.find((s) => s.name === "service-api")!;
    // 30 minutes = 1800 seconds, as a string.
    expect(changed.inputs.acknowledgementTimeout).toBe("1800");
  });
});
