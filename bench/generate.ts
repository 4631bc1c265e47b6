/**
 * A synthetic organisation for the benchmark: people with phone and SMS contact methods and
 * notification rules, teams, rotations of 1–3 layers with restrictions and weekly or daily turns in
 * several time zones, the escalation chain and per-team escalation policies, services with Events
 * API v2 integrations, and Slack routing. Seeded: the same options always give the same files.
 *
 * Shape of the tree (what a large company would keep): one contacts file and one policies file per
 * department of ten teams, plus the organisation-wide policies (severities, market hours, chain,
 * Slack, communications). Every value is made up: people live on example.com and 555-01xx-style
 * numbers.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { Random } from "./random";
import {
  area,
  FIRST_NAMES,
  globalPolicyFiles,
  LAST_NAMES,
  phoneNumber,
  REGIONS,
  type Region,
} from "./org-data";

export interface GenerateOptions {
  seed: number;
  people: number;
  rotations: number;
  services: number;
}

/** The default size: the organisation DESIGN.md section 9 names. */
export const DEFAULT_SIZE = { people: 5000, rotations: 1000, services: 1500 } as const;

/** `--quick`: a smoke run that takes seconds. */
export const QUICK_SIZE = { people: 150, rotations: 30, services: 45 } as const;

/** How many of each kind the generated tree defines, as loadOrg will count them. */
export interface GeneratedCounts {
  people: number;
  teams: number;
  rotations: number;
  escalationPolicies: number;
  services: number;
  integrations: number;
  slackConnections: number;
  files: number;
}

export interface GeneratedOrg {
  /** Relative path (`contacts/dept-01.yaml`) to YAML text, in a stable order. */
  files: Map<string, string>;
  counts: GeneratedCounts;
}

const ROTATIONS_PER_TEAM = 5;
const TEAMS_PER_DEPARTMENT = 10;
/** Primary and secondary draw from disjoint halves of a team, each half at least this big. */
const MIN_PEOPLE_PER_TEAM = 8;

type Json = Record<string, unknown>;

interface TeamPlan {
  index: number;
  id: string;
  name: string;
  region: Region;
  /** Person ids, the lead first; the last one may be an observer who is never on call. */
  members: string[];
  onCall: string[];
  rotations: string[];
  /** P0/P1 and P3 services, for Slack routing. */
  urgentServices: string[];
}

export function generateOrg(options: GenerateOptions): GeneratedOrg {
  validateOptions(options);
  const random = new Random(options.seed);
  const teamCount = Math.max(1, Math.round(options.rotations / ROTATIONS_PER_TEAM));
  if (options.people < teamCount * MIN_PEOPLE_PER_TEAM) {
    throw new RangeError(
      `--people ${options.people} is too few for ${teamCount} teams (${options.rotations} rotations / ${ROTATIONS_PER_TEAM}); give at least ${teamCount * MIN_PEOPLE_PER_TEAM}`,
    );
  }

  const teams = planTeams(options, teamCount, random);
  const people = new Map<string, Json>();
  for (const team of teams) {
    team.members.forEach((id, i) => people.set(id, person(id, team, i, random)));
  }
  const rotationsByTeam = teams.map((team) => teamRotations(team, random));
  const policiesByTeam = teams.map((team) => teamPolicies(team));
  const servicesByTeam = teams.map(() => [] as Json[]);
  const lowServices: string[] = [];
  for (let s = 0; s < options.services; s++) {
    const team = teams[s % teams.length]!;
    const service = serviceOf(s, team, random);
    servicesByTeam[team.index]!.push(service);
    if (service.severity === "P3") lowServices.push(service.id as string);
  }

  const files = new Map<string, string>();
  const departments = Math.ceil(teams.length / TEAMS_PER_DEPARTMENT);
  for (let d = 0; d < departments; d++) {
    const members = teams.slice(d * TEAMS_PER_DEPARTMENT, (d + 1) * TEAMS_PER_DEPARTMENT);
    const name = `dept-${String(d + 1).padStart(2, "0")}`;
    files.set(
      `contacts/${name}.yaml`,
      yamlFile("contacts", `People, teams and rotations of department ${d + 1}.`, {
        people: members.flatMap((t) => t.members.map((id) => people.get(id)!)),
        teams: members.map((t) => teamOf(t)),
        rotations: members.flatMap((t) => rotationsByTeam[t.index]!),
      }),
    );
    files.set(
      `policies/${name}.yaml`,
      yamlFile("policies", `Escalation policies and services of department ${d + 1}.`, {
        escalation_policies: members.flatMap((t) => policiesByTeam[t.index]!),
        services: members.flatMap((t) => servicesByTeam[t.index]!),
      }),
    );
  }
  const global = globalPolicyFiles(teams, lowServices);
  for (const [file, { comment, data }] of global) {
    files.set(`policies/${file}`, yamlFile("policies", comment, data));
  }
  const slack = global.get("slack.yaml")!.data.slack as { connections: { sources: unknown[] }[] };

  return {
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    counts: {
      people: people.size,
      teams: teams.length,
      rotations: rotationsByTeam.reduce((sum, r) => sum + r.length, 0),
      escalationPolicies: teams.length * 2 + 4,
      services: options.services,
      integrations: servicesByTeam
        .flat()
        .reduce((sum, s) => sum + (s.integrations as unknown[]).length, 0),
      slackConnections: slack.connections.reduce((sum, c) => sum + c.sources.length, 0),
      files: files.size,
    },
  };
}

/** Writes the tree under `root` (contacts/ and policies/ are created). */
export async function writeOrg(root: string, org: GeneratedOrg): Promise<void> {
  await fs.mkdir(path.join(root, "contacts"), { recursive: true });
  await fs.mkdir(path.join(root, "policies"), { recursive: true });
  for (const [file, text] of org.files) await fs.writeFile(path.join(root, file), text);
}

function validateOptions(options: GenerateOptions): void {
  for (const key of ["people", "rotations", "services"] as const) {
    const value = options[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`--${key} must be a whole number of at least 1, not ${value}`);
    }
  }
  if (!Number.isInteger(options.seed) || options.seed < 0) {
    throw new RangeError(`--seed must be a whole number of at least 0, not ${options.seed}`);
  }
}

function planTeams(options: GenerateOptions, count: number, random: Random): TeamPlan[] {
  const teams: TeamPlan[] = [];
  let next = 0;
  for (let t = 0; t < count; t++) {
    const size = Math.floor(options.people / count) + (t < options.people % count ? 1 : 0);
    const label = area(t);
    const id = `${label.id}-${String(t + 1).padStart(3, "0")}`;
    const members: string[] = [];
    for (let i = 0; i < size; i++, next++) {
      const first = FIRST_NAMES[next % FIRST_NAMES.length]!;
      const last = LAST_NAMES[Math.floor(next / FIRST_NAMES.length) % LAST_NAMES.length]!;
      members.push(`${first}-${last}-${String(next + 1).padStart(5, "0")}`.toLowerCase());
    }
    // A big team keeps one observer (a stakeholder who follows incidents but is never paged).
    const onCall = size > 10 ? members.slice(0, -1) : members;
    const rotationCount =
      Math.floor(options.rotations / count) + (t < options.rotations % count ? 1 : 0);
    teams.push({
      index: t,
      id,
      name: `${label.name} ${String(t + 1).padStart(3, "0")}`,
      region: random.weighted(REGIONS.map((r) => [r, r.weight] as const)),
      members,
      onCall,
      rotations: Array.from({ length: rotationCount }, (_, k) =>
        k === 0 ? `${id}-primary` : k === 1 ? `${id}-secondary` : `${id}-rotation-${k - 1}`,
      ),
      urgentServices: [],
    });
  }
  return teams;
}

function person(id: string, team: TeamPlan, index: number, random: Random): Json {
  const [first, last, number] = id.split("-") as [string, string, string];
  const display = `${capital(first)} ${capital(last)}`;
  const email = `${first}.${last}.${number}@example.com`;
  // Most people live where their team does; follow-the-sun teams have a second office.
  const region = random.chance(0.8) ? team.region : random.pick(REGIONS);
  const observer = index === team.members.length - 1 && team.onCall.length < team.members.length;
  const mobile = phoneNumber(region, random);
  const methods: Json[] = [
    { id: "mobile", type: "phone", label: "Mobile", ...mobile },
    { id: "mobile-sms", type: "sms", label: "Mobile SMS", ...mobile },
  ];
  if (random.chance(0.15)) {
    // PagerDuty keeps one method per type and address: the desk phone must not be the mobile.
    let desk = phoneNumber(region, random);
    for (let tries = 0; tries < 10 && JSON.stringify(desk) === JSON.stringify(mobile); tries++) {
      desk = phoneNumber(region, random);
    }
    if (JSON.stringify(desk) !== JSON.stringify(mobile)) {
      methods.push({ id: "desk", type: "phone", label: "Desk", ...desk });
    }
  }
  if (random.chance(0.2)) {
    methods.push({
      id: "pager-mail",
      type: "email",
      label: "Pager mailbox",
      address: `${first}.${last}.${number}+pager@example.com`,
    });
  }
  // Copied: the variants are shared, and a person with a pager mailbox adds a rule to their own.
  const rules = random
    .weighted<Json[]>([
      [
        [
          { urgency: "high", contact_method: "mobile", start_delay_minutes: 0 },
          { urgency: "high", contact_method: "mobile-sms", start_delay_minutes: 1 },
          { urgency: "low", contact_method: "default_email", start_delay_minutes: 0 },
        ],
        6,
      ],
      [
        [
          { urgency: "high", contact_method: "mobile-sms", start_delay_minutes: 0 },
          { urgency: "high", contact_method: "mobile", start_delay_minutes: 2 },
          { urgency: "low", contact_method: "mobile-sms", start_delay_minutes: 5 },
        ],
        3,
      ],
      [
        [
          { urgency: "high", contact_method: "mobile", start_delay_minutes: 0 },
          { urgency: "low", contact_method: "default_email", start_delay_minutes: 0 },
          { urgency: "low", contact_method: "mobile-sms", start_delay_minutes: 30 },
        ],
        1,
      ],
    ])
    .map((rule) => ({ ...rule }));
  if (methods.some((m) => m.id === "pager-mail")) {
    rules.push({ urgency: "low", contact_method: "pager-mail", start_delay_minutes: 10 });
  }
  return {
    id,
    name: display,
    email,
    time_zone: region.zone,
    role: observer
      ? "observer"
      : index === 0
        ? "admin"
        : random.weighted([
            ["user", 9],
            ["limited_user", 1],
          ] as const),
    job_title: observer ? "Engineering Manager" : index === 0 ? "Team Lead" : "Engineer",
    contact_methods: methods,
    notification_rules: observer ? [] : rules,
  };
}

function teamOf(team: TeamPlan): Json {
  const out: Json = {
    id: team.id,
    name: team.name,
    description: `Owns the ${team.name.toLowerCase()} services and their on-call.`,
    slack_channel: team.id,
    members: team.members.map((person, i) => ({
      person,
      role: i === 0 ? "manager" : team.onCall.includes(person) ? "responder" : "observer",
    })),
  };
  if (team.index % 3 === 0) out.email_list = team.id;
  return out;
}

const MONDAY = "2026-01-05";
const WEEKDAYS = [1, 2, 3, 4, 5];

type Shape = "weekly" | "handover" | "follow-the-sun" | "business" | "daily" | "desk" | "window";

function teamRotations(team: TeamPlan, random: Random): Json[] {
  const half = Math.floor(team.onCall.length / 2);
  const primary = team.onCall.slice(0, Math.min(half, 6));
  const secondary = team.onCall.slice(half, half + Math.min(half, 6));
  return team.rotations.map((id, k) => {
    if (k === 0) {
      const shape = random.weighted<Shape>([
        ["weekly", 6],
        ["handover", 2],
        ["follow-the-sun", 2],
      ]);
      return rotation(team, id, "Primary", shape, primary, true, random);
    }
    if (k === 1) return rotation(team, id, "Secondary", "weekly", secondary, true, random);
    const shape = random.weighted<Shape>([
      ["business", 3],
      ["daily", 3],
      ["follow-the-sun", 2],
      ["desk", 1],
      ["window", 1],
    ]);
    const members = random.sample(team.onCall, random.int(3, 8));
    return rotation(team, id, `Rotation ${k - 1}`, shape, members, false, random);
  });
}

function rotation(
  team: TeamPlan,
  id: string,
  title: string,
  shape: Shape,
  members: string[],
  exclusive: boolean,
  random: Random,
): Json {
  const split = Math.max(1, Math.floor(members.length / 2));
  const zone = shape === "desk" ? "America/New_York" : team.region.zone;
  const weekly = (layer: string, from: string, who: string[], extra: Json = {}) => ({
    id: layer,
    start: from,
    rotation_turn_length: "1w",
    members: who,
    ...extra,
  });
  let covers: unknown = "always";
  let layers: Json[];
  switch (shape) {
    case "weekly":
      layers = [weekly("weekly", `${MONDAY}T09:00`, members)];
      break;
    case "handover":
      // Layers are ended, not deleted: the old line-up stays for history, a new layer takes over.
      layers = [
        weekly("weekly-2025", "2025-10-06T09:00", [...members].reverse(), {
          end: "2026-02-02T09:00",
        }),
        weekly("weekly", "2026-02-02T09:00", members),
      ];
      break;
    case "follow-the-sun":
      layers = [
        weekly("day", `${MONDAY}T07:00`, members.slice(0, split), {
          restrictions: [{ type: "daily", start_time_of_day: "07:00", duration: "12h" }],
        }),
        weekly("night", `${MONDAY}T19:00`, members.slice(split), {
          restrictions: [{ type: "daily", start_time_of_day: "19:00", duration: "12h" }],
        }),
      ];
      if (members.length < 2) layers = [layers[0]!];
      if (members.length < 2) covers = { weekly: dailyWindows("07:00", "19:00") };
      break;
    case "business":
      layers = [
        weekly("base", `${MONDAY}T09:00`, members),
        {
          id: "office-hours",
          start: `${MONDAY}T09:00`,
          rotation_turn_length: "1d",
          members: [...members].reverse(),
          restrictions: WEEKDAYS.map((day) => ({
            type: "weekly",
            start_day_of_week: day,
            start_time_of_day: "09:00",
            duration: "8h",
          })),
        },
        weekly("weekend", "2026-01-10T00:00", members.slice(0, split), {
          restrictions: [
            { type: "weekly", start_day_of_week: 6, start_time_of_day: "00:00", duration: "48h" },
          ],
        }),
      ];
      break;
    case "daily":
      layers = [
        {
          id: "daily",
          start: `${MONDAY}T08:00`,
          rotation_turn_length: random.pick(["1d", "12h"]),
          members,
        },
      ];
      break;
    case "desk":
      covers = "market_hours";
      layers = [
        weekly("market-hours", `${MONDAY}T06:00`, members, {
          restrictions: WEEKDAYS.map((day) => ({
            type: "weekly",
            start_day_of_week: day,
            start_time_of_day: "06:00",
            duration: "12h",
          })),
        }),
      ];
      break;
    case "window":
      covers = {
        weekly: WEEKDAYS.map((day) => ({ day_of_week: day, start: "08:00", end: "20:00" })),
      };
      layers = [
        weekly("extended-day", `${MONDAY}T08:00`, members, {
          restrictions: [{ type: "daily", start_time_of_day: "08:00", duration: "12h" }],
        }),
      ];
      break;
  }
  return {
    id,
    name: `${team.name} ${title}`,
    team: team.id,
    time_zone: zone,
    covers,
    ...(exclusive ? { exclusive: true } : {}),
    layers,
  };
}

function dailyWindows(start: string, end: string): Json[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day_of_week: day, start, end }));
}

/**
 * A team's policies page its own rotations together with the organisation's chain levels, so every
 * severity still reaches the levels the SLA matrix names in time (the check verifies it).
 */
function teamPolicies(team: TeamPlan): Json[] {
  const [primary, secondary] = team.rotations;
  const lead = team.members[0]!;
  const second = secondary ? { rotation: secondary } : { person: lead };
  return [
    {
      id: `${team.id}-critical`,
      name: `${team.name} Critical`,
      team: team.id,
      severity: "P0",
      num_loops: 2,
      critical: true,
      rules: [
        { at_minute: 0, targets: [{ rotation: primary }, { level: "L1" }] },
        { at_minute: 15, targets: [second, { level: "L2" }] },
        { at_minute: 30, targets: [{ person: lead }, { level: "L3" }] },
        { at_minute: 60, targets: [{ level: "L4" }] },
        { at_minute: 120, targets: [{ level: "L5" }] },
      ],
    },
    {
      id: `${team.id}-standard`,
      name: `${team.name} Standard`,
      team: team.id,
      severity: "P2",
      num_loops: 1,
      last_rule_minutes: 120,
      rules: [
        { at_minute: 0, targets: [{ rotation: primary }, { level: "L1" }] },
        { at_minute: 15, targets: [second, { level: "L2" }] },
      ],
    },
  ];
}

const INTEGRATIONS = [
  { id: "events", name: "Monitoring events", type: "events_api_v2" },
  { id: "heartbeat", name: "Heartbeats", type: "events_api_v2" },
  { id: "deploys", name: "Deploy pipeline", type: "events_api_v2" },
];

function serviceOf(index: number, team: TeamPlan, random: Random): Json {
  const severity = random.weighted([
    ["P0", 1],
    ["P1", 2.5],
    ["P2", 4],
    ["P3", 2.5],
  ] as const);
  const id = `svc-${String(index + 1).padStart(5, "0")}-${area(index * 7 + 3).id}`;
  // A few services page through the organisation-wide chain policies instead of their team's.
  const policy = random.chance(0.05)
    ? { P0: "p0-critical", P1: "p1-high", P2: "p2-medium", P3: "p3-low" }[severity]
    : severity === "P0" || severity === "P1"
      ? `${team.id}-critical`
      : `${team.id}-standard`;
  const service: Json = {
    id,
    name: `${area(index * 7 + 3).name} Service ${String(index + 1).padStart(5, "0")}`,
    description: `Synthetic ${severity} service of ${team.name}.`,
    team: team.id,
    escalation_policy: policy,
    severity,
  };
  // Most services derive their urgency from the severity; some write the same rule out.
  const explicit = random.chance(0.1);
  if (severity === "P2") {
    service.support_hours = "market_hours";
    if (explicit) {
      service.incident_urgency = {
        type: "use_support_hours",
        during_support_hours: "high",
        outside_support_hours: "low",
      };
    }
  } else if (explicit) {
    service.incident_urgency = { type: "constant", urgency: severity === "P3" ? "low" : "high" };
  }
  if (severity === "P0" || severity === "P1") service.acknowledgement_timeout_minutes = 30;
  if (severity === "P3" || random.chance(0.2)) {
    service.auto_resolve_timeout_minutes = random.pick([240, 1440, 4320]);
  }
  service.integrations = INTEGRATIONS.slice(
    0,
    random.weighted([
      [0, 1],
      [1, 6],
      [2, 2],
      [3, 1],
    ] as const),
  );
  if (severity === "P0" || severity === "P1") team.urgentServices.push(id);
  return service;
}

function yamlFile(kind: "contacts" | "policies", comment: string, data: Json): string {
  const header = `# yaml-language-server: $schema=../schemas/${kind}.schema.json\n# ${comment}\n`;
  // No anchors: a reader of a generated file sees every value where it applies, like a person writes it.
  return header + stringify(data, { lineWidth: 100, aliasDuplicateObjects: false });
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
