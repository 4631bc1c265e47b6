/** Schedules and their layers. */
import { includes, invalidInput, paginate, Router } from "../http";
import { renderSchedule, type StoredLayer, type StoredSchedule, type Store } from "../store";
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

export function addSchedules(router: Router, store: Store): void {
  const write = (input: Json, current?: StoredSchedule): StoredSchedule => {
    const layers = Array.isArray(input.schedule_layers)
      ? (input.schedule_layers as Json[])
      : undefined;
    if (!current && (!layers || layers.length === 0))
      throw invalidInput("A schedule needs at least one layer");
    const schedule: StoredSchedule = {
      id: current?.id ?? store.newId(),
      name: text(input, "name", current?.name),
      description: optionalText(input, "description", current?.description),
      time_zone: text(input, "time_zone", current?.time_zone),
      layers: current?.layers ?? [],
      teams: input.teams === undefined ? (current?.teams ?? []) : refIds(input.teams),
    };
    if (layers) schedule.layers = mergeLayers(store, schedule.layers, layers);
    return schedule;
  };

  router.on("GET", "/schedules", (request) => {
    const schedules = [...store.schedules.values()]
      .filter((s) => matches(request, s.name))
      .sort(byName);
    const withLayers = includes(request).has("schedule_layers");
    return paginate(request, "schedules", schedules, {
      render: (s) => renderSchedule(store, s, withLayers),
    });
  });
  router.on("POST", "/schedules", (request) => {
    const schedule = write(wrapped(request, "schedule"));
    store.schedules.set(schedule.id, schedule);
    return created({ schedule: renderSchedule(store, schedule, true) });
  });
  router.on("GET", "/schedules/{id}", (request) =>
    ok({ schedule: renderSchedule(store, get(store.schedules, request.params.id), true) }),
  );
  router.on("PUT", "/schedules/{id}", (request) => {
    const schedule = write(wrapped(request, "schedule"), get(store.schedules, request.params.id));
    store.schedules.set(schedule.id, schedule);
    return ok({ schedule: renderSchedule(store, schedule, true) });
  });
  router.on("DELETE", "/schedules/{id}", (request) => {
    const schedule = get(store.schedules, request.params.id);
    const used = [...store.escalationPolicies.values()].some((p) =>
      p.rules.some((r) => r.targets.some((t) => t.id === schedule.id)),
    );
    if (used)
      throw invalidInput(
        "The schedule is a target of an escalation policy; remove it from the policy first.",
      );
    store.schedules.delete(schedule.id);
    return noContent();
  });
}

/**
 * Layers sent in a PUT replace the open layers; a layer that is left out is ended now, not deleted,
 * as PagerDuty does. The sent list is in the API's order (winning layer first), so it is reversed
 * into precedence order.
 */
function mergeLayers(store: Store, current: StoredLayer[], sent: Json[]): StoredLayer[] {
  const now = store.nowIso();
  const parsed = [...sent].reverse().map((input, index): StoredLayer => {
    const users = Array.isArray(input.users)
      ? input.users.map((u) => String(((u as Json).user as Json | undefined)?.id))
      : [];
    if (users.length === 0) throw invalidInput("Each schedule layer needs at least one user");
    for (const id of users)
      if (!store.users.has(id)) throw invalidInput(`User ${id} does not exist`);
    const turn = integer(input, "rotation_turn_length_seconds");
    if (turn < 3600 || turn > 365 * 86400)
      throw invalidInput("rotation_turn_length_seconds must be between 3600 and 31536000");
    return {
      id: typeof input.id === "string" ? input.id : store.newId(),
      name: optionalText(input, "name") ?? `Layer ${index + 1}`,
      start: text(input, "start"),
      end: typeof input.end === "string" ? input.end : null,
      rotation_virtual_start: text(input, "rotation_virtual_start"),
      rotation_turn_length_seconds: turn,
      users,
      restrictions: Array.isArray(input.restrictions)
        ? (input.restrictions as StoredLayer["restrictions"])
        : [],
    };
  });
  const sentIds = new Set(parsed.map((layer) => layer.id));
  const ended = current
    .filter((layer) => !sentIds.has(layer.id))
    .map((layer) => ({ ...layer, end: layer.end ?? now }));
  return [...ended, ...parsed];
}
