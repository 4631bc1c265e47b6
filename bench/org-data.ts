/**
 * The fixed parts of the synthetic organisation: names, regions with their time zones and phone
 * number shapes, and the organisation-wide policy files (severities, market hours, the escalation
 * chain, Slack routing, email lists). All of it is invented for the benchmark.
 */
import type { Random } from "./random";

export const FIRST_NAMES = [
  "Ada",
  "Bo",
  "Cyd",
  "Dara",
  "Eli",
  "Fen",
  "Gus",
  "Hana",
  "Ira",
  "Jo",
  "Kai",
  "Lior",
  "Mika",
  "Nia",
  "Oli",
  "Pim",
  "Quin",
  "Rae",
  "Sol",
  "Tam",
  "Uma",
  "Vik",
  "Wim",
  "Xia",
  "Yuri",
  "Zed",
  "Ari",
  "Bex",
  "Cato",
  "Dov",
  "Emi",
  "Faye",
  "Gil",
  "Hal",
  "Isa",
  "Jun",
  "Kit",
  "Lux",
  "Max",
  "Nell",
];

export const LAST_NAMES = [
  "Abara",
  "Berg",
  "Costa",
  "Dunn",
  "Ekwe",
  "Falk",
  "Gray",
  "Holm",
  "Ibsen",
  "Jain",
  "Kato",
  "Lund",
  "Mora",
  "Nagy",
  "Okoro",
  "Park",
  "Quade",
  "Rossi",
  "Sato",
  "Toth",
  "Ueda",
  "Vance",
  "Wolf",
  "Xu",
  "Yilmaz",
  "Zeller",
  "Amato",
  "Brandt",
  "Chen",
  "Dietz",
  "Egan",
  "Fiore",
  "Gomez",
  "Haas",
  "Iyer",
  "Jonsson",
  "Kowal",
  "Lindqvist",
  "Maier",
  "Novak",
];

const AREAS = [
  "Payments",
  "Ledger",
  "Checkout",
  "Search",
  "Identity",
  "Messaging",
  "Pricing",
  "Inventory",
  "Billing",
  "Storage",
  "Streaming",
  "Analytics",
  "Routing",
  "Fraud",
  "Onboarding",
  "Reporting",
  "Catalog",
  "Gateway",
  "Scheduling",
  "Notifications",
  "Compliance",
  "Settlement",
  "Clearing",
  "Risk",
  "Market Data",
  "Custody",
  "Treasury",
  "Networking",
  "Databases",
  "Observability",
];

/** A functional area by index: a display name and its id form. */
export function area(index: number): { id: string; name: string } {
  const name = AREAS[index % AREAS.length]!;
  return { id: name.toLowerCase().replace(/ /g, "-"), name };
}

export interface Region {
  zone: string;
  weight: number;
  phone(random: Random): { number: string } | { country_code: number; number: string };
}

const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => random.int(0, 9)).join("");

/**
 * Where teams sit. Numbers use fictional ranges where a country has them (555-01xx in North
 * America, 020 7946 0xxx in London); the rest only need to be possible numbers. Half are written
 * in international form, half as country code plus national number, as people write them.
 */
export const REGIONS: readonly Region[] = [
  {
    zone: "America/New_York",
    weight: 5,
    phone: (r) => ({ number: `+1 ${r.pick(["212", "646", "917"])} 555 01${digits(r, 2)}` }),
  },
  {
    zone: "America/Chicago",
    weight: 2,
    phone: (r) => ({ country_code: 1, number: `${r.pick(["312", "773"])}5550${digits(r, 3)}` }),
  },
  {
    zone: "America/Los_Angeles",
    weight: 3,
    phone: (r) => ({ number: `+1 (${r.pick(["415", "213"])}) 555-01${digits(r, 2)}` }),
  },
  {
    zone: "Europe/London",
    weight: 3,
    phone: (r) => ({ country_code: 44, number: `20 7946 0${digits(r, 3)}` }),
  },
  {
    zone: "Europe/Berlin",
    weight: 2,
    phone: (r) => ({ number: `+49 30 9018${digits(r, 4)}` }),
  },
  {
    zone: "Asia/Kolkata",
    weight: 2,
    phone: (r) => ({ country_code: 91, number: `98${digits(r, 8)}` }),
  },
  {
    zone: "Asia/Singapore",
    weight: 1,
    phone: (r) => ({ number: `+65 8${digits(r, 3)} ${digits(r, 4)}` }),
  },
  {
    zone: "Australia/Sydney",
    weight: 1,
    phone: (r) => ({ number: `+61 4${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}` }),
  },
];

export function phoneNumber(region: Region, random: Random): Record<string, unknown> {
  return region.phone(random);
}

/** The part of a team the organisation-wide files need. */
export interface TeamRef {
  index: number;
  id: string;
  name: string;
  members: string[];
  rotations: string[];
  urgentServices: string[];
}

type Json = Record<string, unknown>;

const EVENTS = [
  "incident.triggered",
  "incident.acknowledged",
  "incident.escalated",
  "incident.resolved",
];

/** The policies/ files every organisation has once, by file name. */
export function globalPolicyFiles(
  teams: readonly TeamRef[],
  lowServices: readonly string[],
): Map<string, { comment: string; data: Json }> {
  const first = teams[0]!;
  const lead = (i: number) => teams[i % teams.length]!.members[0]!;
  const files = new Map<string, { comment: string; data: Json }>();

  files.set("severities.yaml", {
    comment: "Severities and the SLA matrix (minutes).",
    data: {
      severities: [
        severity(
          "P0",
          "Critical",
          [2, 5, 15],
          ["L1", "L2", "L3", "L4", "L5"],
          ["high", "high", "high"],
        ),
        severity("P1", "High", [5, 15, 30], ["L1", "L2", "L3"], ["high", "high", "high"]),
        severity("P2", "Medium", [30, 60, 240], ["L1", "L2"], ["high", "low", "low"]),
        severity("P3", "Low", [240, 1440, 4320], ["L1"], ["low", "low", "low"]),
      ],
    },
  });

  files.set("market-hours.yaml", {
    comment: "Market hours and market holidays.",
    data: {
      market_hours: {
        time_zone: "America/New_York",
        days_of_week: [1, 2, 3, 4, 5],
        start_time: "06:00",
        end_time: "18:00",
      },
      holidays: [
        { date: "2026-05-25", name: "Spring holiday" },
        { date: "2026-07-03", name: "Summer holiday" },
        { date: "2026-12-25", name: "Winter holiday" },
      ],
    },
  });

  files.set("escalation.yaml", {
    comment: "The escalation chain, the organisation-wide policies built from it, and scenarios.",
    data: {
      escalation_chain: {
        last_level_minutes: 30,
        levels: [
          level("L1", "Primary on-call", 0, { rotation: first.rotations[0] }),
          level(
            "L2",
            "Secondary on-call",
            15,
            first.rotations[1] ? { rotation: first.rotations[1] } : { person: lead(0) },
          ),
          level("L3", "Engineering lead", 30, { person: lead(0) }),
          level("L4", "Engineering management", 60, { person: lead(1) }),
          level("L5", "Executive", 120, { person: lead(2) }),
        ],
      },
      escalation_policies: [
        { id: "p0-critical", name: "P0 Critical", severity: "P0", num_loops: 2, critical: true },
        { id: "p1-high", name: "P1 High", severity: "P1", num_loops: 1, critical: true },
        {
          id: "p2-medium",
          name: "P2 Medium",
          severity: "P2",
          num_loops: 1,
          last_rule_minutes: 120,
        },
        { id: "p3-low", name: "P3 Low", severity: "P3", last_rule_minutes: 240 },
      ],
      scenarios: [
        {
          id: "multi-service-outage",
          name: "Multi-service outage",
          description: "Several services fail together.",
          escalation_policy: "p0-critical",
          immediate: ["Page the engineering lead"],
          notify_channels: ["incidents"],
          notify_email_lists: ["exec-alerts"],
        },
        {
          id: "security-incident",
          name: "Security incident",
          description: "A suspected breach.",
          escalation_policy: "p0-critical",
          actions: ["Follow the security playbook"],
          notify_email_lists: ["exec-alerts"],
        },
      ],
    },
  });

  const channelId = (i: number) => `C${(i + 1).toString(36).toUpperCase().padStart(8, "0")}`;
  const connections: Json[] = teams.map((team) => {
    const connection: Json = {
      id: `${team.id}-incidents`,
      channel: team.id,
      notification_type: "responder",
      events: EVENTS,
      sources: [{ team: team.id }, ...team.urgentServices.map((service) => ({ service }))],
    };
    if (team.index % 2 === 0) connection.urgency = "high";
    if (team.index % 3 === 1) connection.priorities = ["P0", "P1"];
    if (team.index % 7 === 6) connection.priorities = "none";
    return connection;
  });
  if (lowServices.length > 0) {
    connections.push({
      id: "low-urgency-alerts",
      channel: "alerts",
      notification_type: "stakeholder",
      events: ["incident.triggered", "incident.resolved"],
      sources: lowServices.map((service) => ({ service })),
    });
  }
  files.set("slack.yaml", {
    comment: "Slack channels and the PagerDuty Slack connections that route incidents to them.",
    data: {
      slack: {
        workspace_id: "T0BENCH001",
        channels: [
          { id: "incidents", name: "#incidents", channel_id: channelId(0), purpose: "Incidents" },
          { id: "alerts", name: "#alerts", channel_id: channelId(1), purpose: "Low alerts" },
          ...teams.map((team, i) => ({
            id: team.id,
            name: `#${team.id}`,
            channel_id: channelId(i + 2),
            purpose: `${team.name} incidents`,
          })),
        ],
        connections,
      },
    },
  });

  files.set("communications.yaml", {
    comment: "Email lists and the conference bridge.",
    data: {
      email_lists: [
        { id: "exec-alerts", address: "exec-alerts@example.com", purpose: "Executives" },
        ...teams
          .filter((team) => team.index % 3 === 0)
          .map((team) => ({
            id: team.id,
            address: `${team.id}@example.com`,
            purpose: `${team.name} team list`,
          })),
      ],
      conference_bridge: {
        dial: "+1-555-0100",
        access_code: "000000#",
        availability: "Always",
      },
    },
  });
  return files;
}

function severity(
  id: string,
  name: string,
  [acknowledge, respond, escalate]: number[],
  levels: string[],
  [market, after, weekend]: string[],
): Json {
  return {
    id,
    name,
    response: `${name} response`,
    criteria: [`${name} impact on customers`],
    sla: { acknowledge_minutes: acknowledge, respond_minutes: respond, escalate_minutes: escalate },
    reaches_levels: levels,
    urgency: { market_hours: market, after_hours: after, weekend },
  };
}

function level(id: string, name: string, minute: number, target: Json): Json {
  return { id, name, reached_at_minute: minute, targets: [target] };
}
