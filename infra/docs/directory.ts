/**
 * render: the contact directory, one row per person with their teams and rotations. Emails and
 * phone numbers are always masked (infra/cli/mask.ts): the docs are meant to be published where
 * CI artefacts are, which is wider than the people who need the numbers. PagerDuty itself holds
 * the real contact details.
 */
import type {
  ContactMethodInputs,
  ScheduleInputs,
  TeamInputs,
  TeamMembershipInputs,
  UserInputs,
} from "../graph/inputs";
import type { Graph, Ref } from "../graph/types";
import { maskEmail, maskPhone } from "../cli/mask";
import { html, type Html } from "./html";

export interface DirectoryEntry {
  user: string;
  name: string;
  jobTitle?: string;
  role: string;
  timeZone: string;
  email: string;
  contactMethods: string[];
  teams: string[];
  schedules: string[];
}

/** Every user of the graph, sorted by display name, with masked details. */
export function directoryEntries(graph: Graph): DirectoryEntry[] {
  const teams = new Map<string, string>();
  for (const spec of graph.resources) {
    if (spec.kind === "team") teams.set(spec.name, (spec.inputs as unknown as TeamInputs).name);
  }

  const entries = new Map<string, DirectoryEntry>();
  for (const spec of graph.resources) {
    if (spec.kind !== "user") continue;
    const user = spec.inputs as unknown as UserInputs;
    const entry: DirectoryEntry = {
      user: spec.name,
      name: user.name,
      role: user.role,
      timeZone: user.timeZone,
      email: maskEmail(user.email),
      contactMethods: [],
      teams: [],
      schedules: [],
    };
    if (user.jobTitle !== undefined) entry.jobTitle = user.jobTitle;
    entries.set(spec.name, entry);
  }

  for (const spec of graph.resources) {
    switch (spec.kind) {
      case "contactMethod": {
        const method = spec.inputs as unknown as ContactMethodInputs;
        entries.get(method.userId.ref)?.contactMethods.push(describeMethod(method));
        break;
      }
      case "teamMembership": {
        const membership = spec.inputs as unknown as TeamMembershipInputs;
        const team = teams.get(membership.teamId.ref) ?? membership.teamId.ref;
        entries.get(membership.userId.ref)?.teams.push(`${team} (${membership.role})`);
        break;
      }
      case "schedule": {
        const schedule = spec.inputs as unknown as ScheduleInputs;
        const members = new Set<string>(
          schedule.layers.flatMap((layer) => layer.users.map((u: Ref) => u.ref)),
        );
        for (const member of members) entries.get(member)?.schedules.push(schedule.name);
        break;
      }
      default:
        break;
    }
  }

  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries.values()]
    .map((entry) => ({
      ...entry,
      teams: [...entry.teams].sort(byName),
      schedules: [...entry.schedules].sort(byName),
    }))
    .sort((a, b) => byName(a.name, b.name) || byName(a.user, b.user));
}

function describeMethod(method: ContactMethodInputs): string {
  switch (method.type) {
    case "email_contact_method":
      return `${method.label}: email ${maskEmail(method.address)}`;
    case "phone_contact_method":
      return `${method.label}: phone +${method.countryCode ?? "?"} ${maskPhone(method.address)}`;
    case "sms_contact_method":
      return `${method.label}: SMS +${method.countryCode ?? "?"} ${maskPhone(method.address)}`;
  }
}

export function renderDirectory(graph: Graph): Html {
  const entries = directoryEntries(graph);
  return html`<p>${entries.length} people. Emails keep their first letter and domain, phone numbers their last two digits; the full details are in PagerDuty.</p>
<table class="directory">
<thead><tr><th>Name</th><th>Job title</th><th>Role</th><th>Time zone</th><th>Email</th><th>Contact methods</th><th>Teams</th><th>Rotations</th></tr></thead>
<tbody>
${entries.map(
  (e) =>
    html`<tr data-user="${e.user}"><th scope="row">${e.name}</th><td>${e.jobTitle ?? ""}</td><td>${e.role}</td><td>${e.timeZone}</td><td>${e.email}</td><td class="methods">${list(e.contactMethods)}</td><td>${list(e.teams)}</td><td>${list(e.schedules)}</td></tr>
`,
)}
</tbody>
</table>`;
}

function list(items: string[]): Html {
  return items.length === 0 ? html`` : html`${items.map((item, i) => html`${i > 0 ? html`<br>` : ""}${item}`)}`;
}
