/** Services and their integrations. */
import { includes, invalidInput, notFound, paginate, Router } from "../http";
import { renderIntegration, renderService, type StoredService, type Store } from "../store";
import {
  ok,
  created,
  noContent,
  wrapped,
  text,
  optionalText,
  get,
  matches,
  byName,
  type Json,
} from "./common";

export function addServices(router: Router, store: Store): void {
  const write = (input: Json, current?: StoredService): StoredService => {
    const name = text(input, "name", current?.name);
    if ([...store.services.values()].some((s) => s.id !== current?.id && s.name === name))
      throw invalidInput("Name has already been taken");
    const policyId =
      input.escalation_policy === undefined
        ? current?.escalation_policy
        : String((input.escalation_policy as Json).id);
    if (!policyId || !store.escalationPolicies.has(policyId))
      throw invalidInput("escalation_policy must name an existing escalation policy");
    const urgency = (input.incident_urgency_rule as Json | undefined) ??
      current?.incident_urgency_rule ?? { type: "constant", urgency: "high" };
    const supportHours =
      input.support_hours === undefined
        ? (current?.support_hours ?? null)
        : (input.support_hours as Json | null);
    if (urgency.type === "use_support_hours" && !supportHours)
      throw invalidInput("A support-hours urgency rule needs support_hours");
    if (urgency.type === "constant" && supportHours)
      throw invalidInput("Support hours need an urgency rule of type use_support_hours");
    const timeout = (
      field: "acknowledgement_timeout" | "auto_resolve_timeout",
      fallback: number | null,
    ) => {
      const value = field in input ? input[field] : (current?.[field] ?? fallback);
      return typeof value === "number" ? value : null;
    };
    return {
      id: current?.id ?? store.newId(),
      name,
      description: optionalText(input, "description", current?.description),
      acknowledgement_timeout: timeout("acknowledgement_timeout", 1800),
      auto_resolve_timeout: timeout("auto_resolve_timeout", 14400),
      alert_creation:
        optionalText(input, "alert_creation", current?.alert_creation) ??
        "create_alerts_and_incidents",
      escalation_policy: policyId,
      incident_urgency_rule: urgency,
      support_hours: supportHours,
      scheduled_actions: Array.isArray(input.scheduled_actions)
        ? (input.scheduled_actions as Json[])
        : (current?.scheduled_actions ?? []),
      created_at: current?.created_at ?? store.nowIso(),
    };
  };

  router.on("GET", "/services", (request) => {
    const services = [...store.services.values()]
      .filter((s) => matches(request, s.name))
      .sort(byName);
    return paginate(request, "services", services, {
      render: (s) => renderService(store, s, includes(request)),
    });
  });
  router.on("POST", "/services", (request) => {
    const service = write(wrapped(request, "service"));
    store.services.set(service.id, service);
    return created({ service: renderService(store, service, new Set()) });
  });
  router.on("GET", "/services/{id}", (request) =>
    ok({
      service: renderService(store, get(store.services, request.params.id), includes(request)),
    }),
  );
  router.on("PUT", "/services/{id}", (request) => {
    const service = write(wrapped(request, "service"), get(store.services, request.params.id));
    store.services.set(service.id, service);
    return ok({ service: renderService(store, service, new Set()) });
  });
  router.on("DELETE", "/services/{id}", (request) => {
    const service = get(store.services, request.params.id);
    store.services.delete(service.id);
    for (const integration of [...store.integrations.values()])
      if (integration.service === service.id) store.integrations.delete(integration.id);
    return noContent();
  });
  router.on("POST", "/services/{id}/integrations", (request) => {
    const service = get(store.services, request.params.id);
    const input = wrapped(request, "integration");
    const integration = {
      id: store.newId(),
      type: text(input, "type"),
      name: text(input, "name", "Events API V2"),
      service: service.id,
      created_at: store.nowIso(),
    };
    store.integrations.set(integration.id, integration);
    return created({ integration: renderIntegration(store, integration) });
  });
  router.on("GET", "/services/{id}/integrations/{integration_id}", (request) => {
    const integration = get(store.integrations, request.params.integration_id);
    if (integration.service !== request.params.id) throw notFound();
    return ok({ integration: renderIntegration(store, integration) });
  });
  router.on("PUT", "/services/{id}/integrations/{integration_id}", (request) => {
    const integration = get(store.integrations, request.params.integration_id);
    if (integration.service !== request.params.id) throw notFound();
    integration.name = text(wrapped(request, "integration"), "name", integration.name);
    return ok({ integration: renderIntegration(store, integration) });
  });
}
