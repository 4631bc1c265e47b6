/** Users, their contact methods and their notification rules. */
import { includes, invalidInput, paginate, Router } from "../http";
import {
  renderContactMethod,
  renderNotificationRule,
  renderUser,
  type Reference,
  type StoredUser,
  type Store,
} from "../store";
import {
  ok,
  created,
  noContent,
  wrapped,
  text,
  integer,
  optionalText,
  get,
  matches,
  byName,
  type Json,
} from "./common";

export function addUsers(router: Router, store: Store): void {
  const write = (input: Json, current?: StoredUser): StoredUser => {
    const email = text(input, "email", current?.email);
    const clash = [...store.users.values()].find(
      (user) => user.id !== current?.id && user.email.toLowerCase() === email.toLowerCase(),
    );
    if (clash) throw invalidInput("Email has already been taken");
    return {
      id: current?.id ?? store.newId(),
      name: text(input, "name", current?.name),
      email,
      time_zone: text(input, "time_zone", current?.time_zone ?? "Etc/UTC"),
      role: text(input, "role", current?.role ?? "user"),
      job_title: optionalText(input, "job_title", current?.job_title),
      description: optionalText(input, "description", current?.description ?? undefined) ?? null,
    };
  };

  router.on("GET", "/users", (request) => {
    const users = [...store.users.values()]
      .filter((u) => matches(request, u.name, u.email))
      .sort(byName);
    return paginate(request, "users", users, {
      render: (u) => renderUser(store, u, includes(request)),
    });
  });
  router.on("POST", "/users", (request) => {
    const user = write(wrapped(request, "user"));
    store.users.set(user.id, user);
    // PagerDuty gives every new user an email contact method labelled "Default".
    store.contactMethods.set(user.id, [
      { id: store.newId(), type: "email_contact_method", label: "Default", address: user.email },
    ]);
    store.notificationRules.set(user.id, []);
    return created({ user: renderUser(store, user, new Set()) });
  });
  router.on("GET", "/users/{id}", (request) =>
    ok({ user: renderUser(store, get(store.users, request.params.id), includes(request)) }),
  );
  router.on("PUT", "/users/{id}", (request) => {
    const user = write(wrapped(request, "user"), get(store.users, request.params.id));
    store.users.set(user.id, user);
    return ok({ user: renderUser(store, user, new Set()) });
  });
  router.on("DELETE", "/users/{id}", (request) => {
    const user = get(store.users, request.params.id);
    const targeted = [...store.escalationPolicies.values()].some((p) =>
      p.rules.some((r) => r.targets.some((t) => t.id === user.id)),
    );
    if (targeted)
      throw invalidInput(
        "The user is a target of an escalation policy; remove the user from its rules first.",
      );
    store.users.delete(user.id);
    for (const members of store.members.values()) members.delete(user.id);
    for (const schedule of store.schedules.values()) {
      for (const layer of schedule.layers) layer.users = layer.users.filter((id) => id !== user.id);
    }
    return noContent();
  });

  router.on("GET", "/users/{id}/contact_methods", (request) => {
    const user = get(store.users, request.params.id);
    return ok({
      contact_methods: (store.contactMethods.get(user.id) ?? []).map((m) =>
        renderContactMethod(store, user.id, m),
      ),
    });
  });
  router.on("POST", "/users/{id}/contact_methods", (request) => {
    const user = get(store.users, request.params.id);
    const input = wrapped(request, "contact_method");
    const type = text(input, "type");
    const method = {
      id: store.newId(),
      type,
      label: text(input, "label"),
      address: text(input, "address"),
      ...(type === "email_contact_method" ? {} : { country_code: integer(input, "country_code") }),
    };
    if (type !== "email_contact_method" && !/^[0-9,*#]{1,40}$/.test(method.address)) {
      throw invalidInput(
        "Address must be at most 40 digits, commas, stars or hashes, without the country code",
      );
    }
    store.contactMethods.set(user.id, [...(store.contactMethods.get(user.id) ?? []), method]);
    return created({ contact_method: renderContactMethod(store, user.id, method) });
  });
  router.on("GET", "/users/{id}/contact_methods/{contact_method_id}", (request) => {
    const methods = store.contactMethods.get(get(store.users, request.params.id).id) ?? [];
    const method = get(new Map(methods.map((m) => [m.id, m])), request.params.contact_method_id);
    return ok({ contact_method: renderContactMethod(store, request.params.id ?? "", method) });
  });
  router.on("PUT", "/users/{id}/contact_methods/{contact_method_id}", (request) => {
    const methods = store.contactMethods.get(get(store.users, request.params.id).id) ?? [];
    const method = get(new Map(methods.map((m) => [m.id, m])), request.params.contact_method_id);
    const input = wrapped(request, "contact_method");
    method.label = text(input, "label", method.label);
    method.address = text(input, "address", method.address);
    if (method.country_code !== undefined)
      method.country_code = integer(input, "country_code", method.country_code);
    return ok({ contact_method: renderContactMethod(store, request.params.id ?? "", method) });
  });
  router.on("DELETE", "/users/{id}/contact_methods/{contact_method_id}", (request) => {
    const user = get(store.users, request.params.id);
    const methods = store.contactMethods.get(user.id) ?? [];
    get(new Map(methods.map((m) => [m.id, m])), request.params.contact_method_id);
    store.contactMethods.set(
      user.id,
      methods.filter((m) => m.id !== request.params.contact_method_id),
    );
    store.notificationRules.set(
      user.id,
      (store.notificationRules.get(user.id) ?? []).filter(
        (r) => r.contact_method.id !== request.params.contact_method_id,
      ),
    );
    return noContent();
  });

  router.on("GET", "/users/{id}/notification_rules", (request) => {
    const user = get(store.users, request.params.id);
    const urgency = request.query.get("urgency") ?? "high";
    const rules = (store.notificationRules.get(user.id) ?? []).filter(
      (r) => urgency === "all" || r.urgency === urgency,
    );
    return ok({ notification_rules: rules.map((r) => renderNotificationRule(store, user.id, r)) });
  });
  router.on("POST", "/users/{id}/notification_rules", (request) => {
    const user = get(store.users, request.params.id);
    const input = wrapped(request, "notification_rule");
    const method = input.contact_method as Reference | undefined;
    if (!method || !(store.contactMethods.get(user.id) ?? []).some((m) => m.id === method.id)) {
      throw invalidInput("contact_method must be one of the user's contact methods");
    }
    const urgency = text(input, "urgency");
    if (urgency !== "high" && urgency !== "low") throw invalidInput("urgency must be high or low");
    // A missing delay is refused rather than read as 0: PagerDuty requires it.
    const rule = {
      id: store.newId(),
      start_delay_in_minutes: integer(input, "start_delay_in_minutes"),
      urgency: urgency as "high" | "low",
      contact_method: { id: method.id, type: method.type },
    };
    store.notificationRules.set(user.id, [...(store.notificationRules.get(user.id) ?? []), rule]);
    return created({ notification_rule: renderNotificationRule(store, user.id, rule) });
  });
  router.on("GET", "/users/{id}/notification_rules/{notification_rule_id}", (request) => {
    const rules = store.notificationRules.get(get(store.users, request.params.id).id) ?? [];
    const rule = get(new Map(rules.map((r) => [r.id, r])), request.params.notification_rule_id);
    return ok({ notification_rule: renderNotificationRule(store, request.params.id ?? "", rule) });
  });
  router.on("PUT", "/users/{id}/notification_rules/{notification_rule_id}", (request) => {
    const rules = store.notificationRules.get(get(store.users, request.params.id).id) ?? [];
    const rule = get(new Map(rules.map((r) => [r.id, r])), request.params.notification_rule_id);
    const input = wrapped(request, "notification_rule");
    rule.start_delay_in_minutes = integer(
      input,
      "start_delay_in_minutes",
      rule.start_delay_in_minutes,
    );
    return ok({ notification_rule: renderNotificationRule(store, request.params.id ?? "", rule) });
  });
  router.on("DELETE", "/users/{id}/notification_rules/{notification_rule_id}", (request) => {
    const user = get(store.users, request.params.id);
    const rules = store.notificationRules.get(user.id) ?? [];
    get(new Map(rules.map((r) => [r.id, r])), request.params.notification_rule_id);
    store.notificationRules.set(
      user.id,
      rules.filter((r) => r.id !== request.params.notification_rule_id),
    );
    return noContent();
  });
}
