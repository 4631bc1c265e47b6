/**
 * Identity keys: what makes a desired spec and a live object "the same thing" when there is no
 * Pulumi state to say so. Users by email (case-insensitive, F13), named objects by name, the rest
 * by their parent's key and what distinguishes them under it. References inside `inputs` must
 * already point at identity keys.
 */
import { isLookup, isRef, type InputValue, type Inputs, type ResourceKind } from "../graph/types";

/**
 * The key of the email contact method PagerDuty creates with every user. The data refers to it by a
 * `defaultEmail` look-up; live it is a contact method labelled "Default" at the user's email.
 */
export function defaultEmailKey(userKey: string): string {
  return `contactMethod:${userKey}/default-email`;
}

function key(value: InputValue | undefined): string {
  if (isRef(value)) return value.ref;
  if (isLookup(value))
    return value.lookup === "priority" ? `priority:${value.name}` : defaultEmailKey(value.user.ref);
  return String(value);
}

export function identity(kind: ResourceKind, inputs: Inputs): string {
  const text = (field: string) => String(inputs[field] ?? "");
  switch (kind) {
    case "user":
      return `user:${text("email").toLowerCase()}`;
    case "contactMethod":
      return `contactMethod:${key(inputs.userId)}/${text("type")}/${text("countryCode")}/${text("address").toLowerCase()}`;
    case "notificationRule": {
      const method = inputs.contactMethod as { id: InputValue };
      return `notificationRule:${key(inputs.userId)}/${text("urgency")}/${text("startDelayInMinutes")}/${key(method.id)}`;
    }
    case "team":
    case "schedule":
    case "escalationPolicy":
    case "service":
      return `${kind}:${text("name")}`;
    case "teamMembership":
      return `teamMembership:${key(inputs.teamId)}/${key(inputs.userId)}`;
    case "serviceIntegration":
      return `serviceIntegration:${key(inputs.service)}/${text("name")}`;
    case "slackConnection":
      return `slackConnection:${key(inputs.sourceId)}/${text("workspaceId")}/${text("channelId")}`;
  }
}
