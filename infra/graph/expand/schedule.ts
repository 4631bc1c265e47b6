/** expand: rotations to schedules with layers and restrictions. */
import type { LayerInputs, RestrictionInputs, ScheduleInputs } from "../inputs";
import { RESOURCE_TYPES, ref, type ResourceSpec } from "../types";
import type { Layer, Rotation } from "../../model/types";
import { DEFAULT_DESCRIPTION, names } from "./names";

export function expandRotation(rotation: Rotation): ResourceSpec {
  const inputs: ScheduleInputs = {
    name: rotation.name,
    timeZone: rotation.time_zone,
    layers: rotation.layers.map(expandLayer),
  };
  inputs.description = rotation.description ?? DEFAULT_DESCRIPTION;
  if (rotation.team !== undefined) inputs.teams = [ref(names.team(rotation.team))];
  return {
    kind: "schedule",
    type: RESOURCE_TYPES.schedule,
    name: names.schedule(rotation.id),
    inputs: { ...inputs } as unknown as ResourceSpec["inputs"],
    source: rotation.origin,
  };
}

function expandLayer(layer: Layer): LayerInputs {
  const inputs: LayerInputs = {
    name: layer.name ?? layer.id,
    start: layer.startInstant,
    rotationVirtualStart: layer.virtualStartInstant,
    rotationTurnLengthSeconds: layer.rotation_turn_length,
    users: layer.members.map((member) => ref(names.user(member))),
  };
  if (layer.endInstant !== undefined) inputs.end = layer.endInstant;
  if (layer.restrictions.length > 0) {
    inputs.restrictions = layer.restrictions.map((restriction) => {
      const out: RestrictionInputs = {
        type: restriction.type === "daily" ? "daily_restriction" : "weekly_restriction",
        startTimeOfDay:
          restriction.start_time_of_day.length === 5
            ? `${restriction.start_time_of_day}:00`
            : restriction.start_time_of_day,
        durationSeconds: restriction.duration,
      };
      if (restriction.type === "weekly") out.startDayOfWeek = restriction.start_day_of_week!;
      return out;
    });
  }
  return inputs;
}
