/**
 * The Pulumi side of the graph: one resource per spec, references turned into the ids of resources
 * registered before, lookups into data-source calls. It holds no knowledge of the organisation.
 */
import * as pagerduty from "@pulumi/pagerduty";
import * as pulumi from "@pulumi/pulumi";
import {
  isLookup,
  isRef,
  type Graph,
  type InputValue,
  type Lookup,
  type ResourceType,
} from "../graph/types";

type ResourceClass = new (
  name: string,
  args: never,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.CustomResource & {
  id: pulumi.Output<string>;
};

/** Each type token of the graph and the `@pulumi/pagerduty` class that registers it. */
const CLASSES: Record<ResourceType, ResourceClass> = {
  "pagerduty:index/user:User": pagerduty.User as unknown as ResourceClass,
  "pagerduty:index/userContactMethod:UserContactMethod":
    pagerduty.UserContactMethod as unknown as ResourceClass,
  "pagerduty:index/userNotificationRule:UserNotificationRule":
    pagerduty.UserNotificationRule as unknown as ResourceClass,
  "pagerduty:index/team:Team": pagerduty.Team as unknown as ResourceClass,
  "pagerduty:index/teamMembership:TeamMembership":
    pagerduty.TeamMembership as unknown as ResourceClass,
  "pagerduty:index/schedule:Schedule": pagerduty.Schedule as unknown as ResourceClass,
  "pagerduty:index/escalationPolicy:EscalationPolicy":
    pagerduty.EscalationPolicy as unknown as ResourceClass,
  "pagerduty:index/service:Service": pagerduty.Service as unknown as ResourceClass,
  "pagerduty:index/serviceIntegration:ServiceIntegration":
    pagerduty.ServiceIntegration as unknown as ResourceClass,
  "pagerduty:index/slackConnection:SlackConnection":
    pagerduty.SlackConnection as unknown as ResourceClass,
};

export interface RegisterOptions {
  /** Protect specs marked critical from deletion (production stacks). */
  protectCritical?: boolean;
  /** An explicit provider, for example one built from a token in stack secrets. */
  provider?: pulumi.ProviderResource;
}

/** Registers every spec; the graph is ordered so that each reference names an earlier resource. */
export function registerGraph(
  graph: Graph,
  options: RegisterOptions = {},
): Map<string, pulumi.CustomResource> {
  const registered = new Map<string, pulumi.CustomResource & { id: pulumi.Output<string> }>();

  const resolve = (value: InputValue): unknown => {
    if (isRef(value)) {
      const target = registered.get(value.ref);
      if (!target) throw new Error(`the graph references ${value.ref} before it is registered`);
      return target.id;
    }
    if (isLookup(value)) return lookup(value, resolve);
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };

  for (const spec of graph.resources) {
    const Class = CLASSES[spec.type];
    const opts: pulumi.CustomResourceOptions = {};
    if (options.provider) opts.provider = options.provider;
    if (options.protectCritical && spec.critical) opts.protect = true;
    const args = resolve(spec.inputs) as never;
    registered.set(spec.name, new Class(spec.name, args, opts));
  }
  return registered;
}

function lookup(value: Lookup, resolve: (v: InputValue) => unknown): pulumi.Output<string> {
  switch (value.lookup) {
    case "priority":
      return pagerduty.getPriorityOutput({ name: value.name }).id;
    case "defaultEmail":
      return pagerduty.getUserContactMethodOutput({
        userId: resolve(value.user) as pulumi.Output<string>,
        type: "email_contact_method",
        label: "Default",
      }).id;
  }
}
