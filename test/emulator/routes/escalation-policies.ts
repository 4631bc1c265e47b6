/** Escalation policies. */
import { invalidInput, paginate, Router } from "../http";
import { renderEscalationPolicy, type StoredEscalationPolicy, type Store } from "../store";
import {
  ok,
  created,
  noContent,
  wrapped,
  text,
  integer,
  optionalText,
  refIds,
  get,
  matches,
  byName,
  type Json,
} from "./common";

export function addEscalationPolicies(router: Router, store: Store): void {
  const write = (input: Json, current?: StoredEscalationPolicy): StoredEscalationPolicy => {
    const rules = input.escalation_rules ?? current?.rules;
    if (!Array.isArray(rules) || rules.length === 0)
      throw invalidInput("escalation_rules must hold at least one rule");
    const numLoops = integer(input, "num_loops", current?.num_loops ?? 0);
    if (numLoops < 0 || numLoops > 9) throw invalidInput("num_loops must be between 0 and 9");
    return {
      id: current?.id ?? store.newId(),
      name: text(input, "name", current?.name),
      description: optionalText(input, "description", current?.description),
      num_loops: numLoops,
      teams: input.teams === undefined ? (current?.teams ?? []) : refIds(input.teams),
      rules: (rules as Json[]).map((rule) => {
        const delay = integer(rule, "escalation_delay_in_minutes");
        if (delay < 1) throw invalidInput("escalation_delay_in_minutes must be at least 1");
        const targets = Array.isArray(rule.targets) ? (rule.targets as Json[]) : [];
        if (targets.length === 0)
          throw invalidInput("Each escalation rule needs at least one target");
        return {
          id: typeof rule.id === "string" ? rule.id : store.newId(),
          escalation_delay_in_minutes: delay,
          targets: targets.map((target) => {
            const type = String(target.type);
            const id = String(target.id);
            const known =
              type === "user_reference"
                ? store.users.has(id)
                : type === "schedule_reference"
                  ? store.schedules.has(id)
                  : false;
            if (!known) throw invalidInput(`Target ${type} ${id} does not exist`);
            return { id, type };
          }),
        };
      }),
    };
  };

  router.on("GET", "/escalation_policies", (request) => {
    const policies = [...store.escalationPolicies.values()]
      .filter((p) => matches(request, p.name))
      .sort(byName);
    return paginate(request, "escalation_policies", policies, {
      render: (p) => renderEscalationPolicy(store, p),
    });
  });
  router.on("POST", "/escalation_policies", (request) => {
    const policy = write(wrapped(request, "escalation_policy"));
    store.escalationPolicies.set(policy.id, policy);
    return created({ escalation_policy: renderEscalationPolicy(store, policy) });
  });
  router.on("GET", "/escalation_policies/{id}", (request) =>
    ok({
      escalation_policy: renderEscalationPolicy(
        store,
        get(store.escalationPolicies, request.params.id),
      ),
    }),
  );
  router.on("PUT", "/escalation_policies/{id}", (request) => {
    const policy = write(
      wrapped(request, "escalation_policy"),
      get(store.escalationPolicies, request.params.id),
    );
    store.escalationPolicies.set(policy.id, policy);
    return ok({ escalation_policy: renderEscalationPolicy(store, policy) });
  });
  router.on("DELETE", "/escalation_policies/{id}", (request) => {
    const policy = get(store.escalationPolicies, request.params.id);
    if ([...store.services.values()].some((s) => s.escalation_policy === policy.id))
      throw invalidInput("The escalation policy is in use by a service; move the service first.");
    store.escalationPolicies.delete(policy.id);
    return noContent();
  });
}
