/**
 * expand: the model to the desired graph. Pure and fast: no Pulumi, no network, no clock, so
 * checks, plan, diff and docs can run it freely and the Pulumi program only loops over its output.
 */
import type { OrgModel } from "../../model/types";
import { KIND_ORDER, type Graph, type ResourceSpec } from "../types";
import { expandPolicy } from "./escalation-policy";
import { expandRotation } from "./schedule";
import { expandService } from "./service";
import { expandConnection } from "./slack-connection";
import { expandTeam } from "./team";
import { expandPerson } from "./user";

export function expandGraph(model: OrgModel): Graph {
  const resources: ResourceSpec[] = [
    ...model.people.flatMap(expandPerson),
    ...model.teams.flatMap(expandTeam),
    ...model.rotations.map(expandRotation),
    ...model.policies.map(expandPolicy),
    ...model.services.flatMap((service) => expandService(service, model)),
    ...(model.slack?.connections ?? []).flatMap((connection) =>
      expandConnection(connection, model),
    ),
  ];
  return { resources: sortResources(resources) };
}

const KIND_RANK = new Map(KIND_ORDER.map((kind, i) => [kind, i]));

export function sortResources(resources: ResourceSpec[]): ResourceSpec[] {
  return [...resources].sort(
    (a, b) =>
      KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
