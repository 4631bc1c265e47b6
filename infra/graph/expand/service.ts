/** expand: services (urgency, support hours, timeouts) and their Events API v2 integrations. */
import type {
  ServiceInputs,
  ServiceIntegrationInputs,
  SupportHoursInputs,
  UrgencyRuleInputs,
} from "../inputs";
import { RESOURCE_TYPES, ref, type ResourceSpec } from "../types";
import type { OrgModel, Service, Severity } from "../../model/types";
import type { MarketHoursData } from "../../model/schema/severity";
import { DEFAULT_DESCRIPTION, names } from "./names";

export function expandService(service: Service, model: OrgModel): ResourceSpec[] {
  const severity = model.severities.find((s) => s.id === service.severity)!;
  const urgency = urgencyRule(service, severity);
  const inputs: ServiceInputs = {
    name: service.name,
    escalationPolicy: ref(names.escalationPolicy(service.escalation_policy)),
    // The provider takes seconds as a string, and the string "null" to disable a timeout:
    // 0 would not disable it.
    acknowledgementTimeout: timeout(service.acknowledgement_timeout_minutes),
    autoResolveTimeout: timeout(service.auto_resolve_timeout_minutes),
    alertCreation: "create_alerts_and_incidents",
    incidentUrgencyRule: urgency,
  };
  inputs.description = service.description ?? DEFAULT_DESCRIPTION;
  if (urgency.type === "use_support_hours" && model.marketHours) {
    inputs.supportHours = supportHours(model.marketHours);
    if (
      urgency.duringSupportHours.urgency === "high" &&
      urgency.outsideSupportHours.urgency === "low"
    ) {
      // Low-urgency incidents raised overnight become high when support hours start, so they are
      // looked at when the desk opens instead of waiting for someone to notice.
      inputs.scheduledActions = [
        {
          type: "urgency_change",
          toUrgency: "high",
          ats: [{ type: "named_time", name: "support_hours_start" }],
        },
      ];
    }
  }

  const specs: ResourceSpec[] = [
    {
      kind: "service",
      type: RESOURCE_TYPES.service,
      name: names.service(service.id),
      inputs: { ...inputs } as unknown as ResourceSpec["inputs"],
      source: service.origin,
    },
  ];
  service.integrations.forEach((integration, k) => {
    const integrationInputs: ServiceIntegrationInputs = {
      name: integration.name,
      service: ref(names.service(service.id)),
      type: "events_api_v2_inbound_integration",
    };
    specs.push({
      kind: "serviceIntegration",
      type: RESOURCE_TYPES.serviceIntegration,
      name: names.serviceIntegration(service.id, integration.id),
      inputs: { ...integrationInputs },
      source: service.integrationOrigins[k] ?? service.origin,
    });
  });
  return specs;
}

function timeout(minutes: number | null): string {
  return minutes === null ? "null" : String(minutes * 60);
}

/**
 * The urgency rule written in the data, or else the one the severity's urgency table implies: one
 * urgency in every time class is constant; market hours apart from the rest is support-hours based
 * with market hours as support hours. Weekends and holidays are outside support hours; PagerDuty
 * cannot tell a weekday night from a weekend, so a table where they differ is checked separately.
 */
export function urgencyRule(service: Service, severity: Severity): UrgencyRuleInputs {
  const written = service.incident_urgency;
  if (written?.type === "constant") return { type: "constant", urgency: written.urgency! };
  if (written?.type === "use_support_hours") {
    return {
      type: "use_support_hours",
      duringSupportHours: { type: "constant", urgency: written.during_support_hours! },
      outsideSupportHours: { type: "constant", urgency: written.outside_support_hours! },
    };
  }
  const { market_hours, after_hours, weekend } = severity.urgency;
  if (market_hours === after_hours && after_hours === weekend)
    return { type: "constant", urgency: market_hours };
  return {
    type: "use_support_hours",
    duringSupportHours: { type: "constant", urgency: market_hours },
    outsideSupportHours: { type: "constant", urgency: after_hours },
  };
}

function supportHours(market: MarketHoursData): SupportHoursInputs {
  return {
    type: "fixed_time_per_day",
    timeZone: market.time_zone,
    daysOfWeeks: [...market.days_of_week].sort((a, b) => a - b),
    startTime: withSeconds(market.start_time),
    endTime: withSeconds(market.end_time),
  };
}

function withSeconds(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}
