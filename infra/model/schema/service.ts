/** Services and their integrations. */
import { z } from "zod";
import { type IssueParams, displayName, id, minutes, severityId } from "./common";

const urgencyValue = z.enum(["high", "low", "severity_based"]);

export const incidentUrgencySchema = z
  .object({
    type: z
      .enum(["constant", "use_support_hours"])
      .describe(
        "constant: one urgency always. use_support_hours: one during support hours, another outside.",
      ),
    urgency: urgencyValue.optional().describe("constant only: high, low or severity_based."),
    during_support_hours: urgencyValue.optional().describe("use_support_hours only."),
    outside_support_hours: urgencyValue.optional().describe("use_support_hours only."),
  })
  .strict()
  .describe(
    "How incidents of the service get their urgency. Default: from the service's severity and market hours.",
  );

export const integrationSchema = z
  .object({
    id,
    name: z
      .string()
      .min(1)
      .describe("Name of the integration, for example the tool that sends events."),
    type: z.literal("events_api_v2").describe("Events API v2 inbound integration."),
  })
  .strict();

export const serviceSchema = z
  .object({
    id,
    name: displayName.describe("Display name; unique among services."),
    description: z
      .string()
      .optional()
      .describe('What the service is. Default: the provider\'s "Managed by Pulumi".'),
    team: id.optional().describe("Id of the team owning the service."),
    escalation_policy: id.describe("Id of the escalation policy."),
    severity: severityId.describe(
      "Severity class of the service's incidents: sets the default urgency.",
    ),
    incident_urgency: incidentUrgencySchema.optional(),
    support_hours: z
      .literal("market_hours")
      .optional()
      .describe("Support hours, needed by use_support_hours urgency: market_hours."),
    acknowledgement_timeout_minutes: minutes
      .nullable()
      .default(null)
      .describe(
        "Minutes before an acknowledged incident re-triggers; null disables it (0 does not). Default null.",
      ),
    auto_resolve_timeout_minutes: minutes
      .nullable()
      .default(null)
      .describe("Minutes before an open incident resolves itself; null disables it. Default null."),
    integrations: z
      .array(integrationSchema)
      .default([])
      .describe("Inbound integrations that create incidents on the service."),
  })
  .strict()
  .superRefine((service, ctx) => {
    const urgency = service.incident_urgency;
    const issue = (path: (string | number)[], message: string, params: IssueParams) =>
      ctx.addIssue({ code: "custom", path, message, params });
    if (!urgency) return;
    if (urgency.type === "constant") {
      if (urgency.urgency === undefined) {
        issue(["incident_urgency", "urgency"], "a constant urgency rule needs urgency", {
          code: "SERVICE_URGENCY_MISSING",
          hint: "set urgency: high, low or severity_based",
        });
      }
      if (urgency.during_support_hours || urgency.outside_support_hours || service.support_hours) {
        issue(
          ["incident_urgency", "type"],
          "a constant urgency cannot be combined with support hours",
          {
            code: "SERVICE_URGENCY_SUPPORT_HOURS_CONFLICT",
            hint: "use type: use_support_hours, or remove support_hours and the during/outside urgencies",
          },
        );
      }
      return;
    }
    if (urgency.urgency !== undefined) {
      issue(
        ["incident_urgency", "urgency"],
        "a support-hours urgency rule cannot also set a top-level urgency",
        {
          code: "SERVICE_URGENCY_TOP_LEVEL",
          hint: "set during_support_hours and outside_support_hours instead",
        },
      );
    }
    if (!urgency.during_support_hours || !urgency.outside_support_hours) {
      issue(
        ["incident_urgency"],
        "a support-hours urgency rule needs during_support_hours and outside_support_hours",
        {
          code: "SERVICE_URGENCY_MISSING",
        },
      );
    }
    if (!service.support_hours) {
      issue(["incident_urgency", "type"], "a support-hours urgency rule needs support hours", {
        code: "SERVICE_SUPPORT_HOURS_MISSING",
        hint: "add support_hours: market_hours",
      });
    }
  })
  .describe(
    "A PagerDuty service. https://support.pagerduty.com/main/docs/services-and-integrations",
  );

export type ServiceData = z.infer<typeof serviceSchema>;
