/**
 * Hand edits made through the REST API, as a person in PagerDuty's web UI would make them. Shared
 * by the command tests and `npm run demo:drift`; every call goes to the emulator's own address.
 */
import type { PagerDutyClient } from "../../infra/pagerduty-api/client";

type Json = Record<string, any>;

/** A rule of a live escalation policy whose delay a test changes. */
export interface DelayEdit {
  policy: string;
  /** Index in the policy's rules, 0 first. */
  rule: number;
  before: number;
  after: number;
}

async function policies(client: PagerDutyClient): Promise<Json[]> {
  return client.listAll<Json>("/escalation_policies", "escalation_policies");
}

function rulesBody(rules: Json[]): Json[] {
  return rules.map((rule) => ({
    id: rule.id,
    escalation_delay_in_minutes: rule.escalation_delay_in_minutes,
    targets: rule.targets.map((t: Json) => ({ id: t.id, type: t.type })),
  }));
}

/** Adds `minutes` to the delay of the second rule of the first policy (by name) that has two. */
export async function changeRuleDelay(
  client: PagerDutyClient,
  minutes: number,
): Promise<DelayEdit> {
  const policy = (await policies(client)).find((p) => p.escalation_rules.length >= 2);
  if (!policy) throw new Error("changeRuleDelay: no escalation policy has two rules.");
  const rules = rulesBody(policy.escalation_rules);
  const before = rules[1]!.escalation_delay_in_minutes as number;
  rules[1]!.escalation_delay_in_minutes = before + minutes;
  await client.put(`/escalation_policies/${policy.id}`, {
    escalation_policy: { type: "escalation_policy", escalation_rules: rules },
  });
  return { policy: policy.name, rule: 1, before, after: before + minutes };
}

/** Creates a service the data does not describe, on an existing escalation policy. */
export async function addUnmanagedService(client: PagerDutyClient, name: string): Promise<string> {
  const [policy] = await policies(client);
  if (!policy) throw new Error("addUnmanagedService: the account has no escalation policy.");
  const { service } = await client.post<Json>("/services", {
    service: {
      type: "service",
      name,
      escalation_policy: { id: policy.id, type: "escalation_policy_reference" },
    },
  });
  return service.id as string;
}

/**
 * Deletes a schedule. PagerDuty refuses to delete a schedule that an escalation policy targets, so
 * the schedule is first taken out of those policies (as a person would have to); the schedule
 * chosen is one that always shares its rules with another target, so no rule is left empty.
 */
export async function deleteSchedule(client: PagerDutyClient): Promise<string> {
  const all = await policies(client);
  const schedules = await client.listAll<Json>("/schedules", "schedules");
  const removable = schedules.find((schedule) =>
    all.every((policy) =>
      policy.escalation_rules.every(
        (rule: Json) =>
          !rule.targets.some((t: Json) => t.id === schedule.id) || rule.targets.length > 1,
      ),
    ),
  );
  if (!removable) throw new Error("deleteSchedule: every schedule is the only target of a rule.");
  for (const policy of all) {
    const rules = rulesBody(policy.escalation_rules);
    if (!rules.some((rule) => rule.targets.some((t: Json) => t.id === removable.id))) continue;
    for (const rule of rules)
      rule.targets = rule.targets.filter((t: Json) => t.id !== removable.id);
    await client.put(`/escalation_policies/${policy.id}`, {
      escalation_policy: { type: "escalation_policy", escalation_rules: rules },
    });
  }
  await client.delete(`/schedules/${removable.id}`);
  return removable.name as string;
}

/** Rewrites one user's email in upper case: the same person for PagerDuty (F13). */
export async function upperCaseEmail(client: PagerDutyClient): Promise<string> {
  const [user] = await client.listAll<Json>("/users", "users");
  if (!user) throw new Error("upperCaseEmail: the account has no user.");
  const email = (user.email as string).toUpperCase();
  await client.put(`/users/${user.id}`, { user: { type: "user", email } });
  return email;
}
