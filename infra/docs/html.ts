/**
 * The few pieces every docs page shares: escaping, the page frame with its navigation, the
 * stylesheet, and lookups from the graph's logical names to the display names people read.
 * Output depends only on its inputs (no clock, no random ids), so a docs run is reproducible.
 */
import type { ScheduleInputs, UserInputs } from "../graph/inputs";
import type { Graph } from "../graph/types";
import { DAY_MS, fromWall, toWall } from "../timeline/zone";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Tagged template that escapes every interpolated value unless it is already {@link Html}. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | readonly Html[] | null | undefined;

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += renderPart(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function renderPart(value: Part): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((v: Html) => v.text).join("");
  return escapeHtml(String(value));
}

export interface PageLink {
  href: string;
  title: string;
}

/** The pages of the site, in the order of the navigation bar. */
export const PAGES = {
  index: { href: "index.html", title: "Overview" },
  sla: { href: "sla-matrix.html", title: "SLA matrix" },
  escalation: { href: "escalation.html", title: "Escalation timelines" },
  calendar: { href: "calendar.html", title: "On-call calendar" },
  directory: { href: "directory.html", title: "Contact directory" },
} as const satisfies Record<string, PageLink>;

export type PageKey = keyof typeof PAGES;

export interface PageFrame {
  page: PageKey;
  /** The instant the docs were rendered for, ISO 8601 in UTC. */
  nowIso: string;
  body: Html;
  /** Relative prefix to the site root, for pages in sub-folders. */
  root?: string;
}

export function renderPage({ page, nowIso, body, root = "" }: PageFrame): string {
  const nav = (Object.keys(PAGES) as PageKey[]).map((key) =>
    key === page
      ? html`<a href="${root}${PAGES[key].href}" aria-current="page">${PAGES[key].title}</a>`
      : html`<a href="${root}${PAGES[key].href}">${PAGES[key].title}</a>`,
  );
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGES[page].title} · PagerDuty as code</title>
<link rel="stylesheet" href="${root}style.css">
</head>
<body>
<nav>${nav}</nav>
<main>
<h1>${PAGES[page].title}</h1>
<p class="generated">Rendered for <time datetime="${nowIso}">${nowIso}</time> (<code>--now</code>) from the data in contacts/ and policies/.</p>
${body}
</main>
</body>
</html>
`;
  return doc.text;
}

export const STYLESHEET = `:root {
  --ink: #1d2330;
  --muted: #5c6577;
  --line: #d5dae3;
  --band: #f3f5f9;
  --accent: #0b6e4f;
  --warn: #a34a00;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
}
body { margin: 0; background: #fff; }
nav { display: flex; gap: 1.25rem; padding: 0.75rem 1.5rem; background: var(--ink); }
nav a { color: #e8ecf3; text-decoration: none; font-weight: 500; }
nav a[aria-current="page"] { color: #fff; border-bottom: 2px solid #7fd1b0; }
main { padding: 1rem 1.5rem 3rem; max-width: 1400px; }
h1 { margin: 0.5rem 0 0.25rem; font-size: 1.6rem; }
h2 { margin-top: 2rem; font-size: 1.25rem; }
.generated, .note { color: var(--muted); font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.same { color: var(--muted); }
.urgency-high { color: #b00020; font-weight: 600; }
.urgency-low { color: var(--muted); }
ol.levels { margin: 0; padding-left: 1.1rem; }
td.methods { white-space: nowrap; }
table.calendar { table-layout: fixed; width: 100%; }
table.calendar th.schedule { width: 13rem; }
table.calendar td { font-size: 0.8rem; line-height: 1.3; }
table.calendar .weekend { background: #fafbfd; }
table.calendar .today { outline: 2px solid var(--accent); outline-offset: -2px; }
table.calendar td.handoff { background: #fff7e6; }
table.calendar td.empty { color: var(--muted); text-align: center; }
table.calendar th .note { font-weight: normal; }
.segment { display: block; margin-bottom: 0.2rem; }
.segment .at { display: block; color: var(--muted); font-size: 0.72rem; font-variant-numeric: tabular-nums; }
.segment.incoming .at::before { content: "\\21C4  "; color: var(--warn); font-weight: 700; }
.legend span { margin-right: 1.5rem; }
figure.timeline { margin: 0.5rem 0 2rem; }
figure.timeline svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
figure.timeline figcaption { color: var(--muted); font-size: 0.9rem; }
`;

/** Display names of users and schedules, by logical name, read from the graph's specs. */
export interface Names {
  user(ref: string): string;
  schedules: Map<string, ScheduleInputs>;
}

export function namesOf(graph: Graph): Names {
  const users = new Map<string, string>();
  const schedules = new Map<string, ScheduleInputs>();
  for (const spec of graph.resources) {
    if (spec.kind === "user") users.set(spec.name, (spec.inputs as unknown as UserInputs).name);
    if (spec.kind === "schedule") {
      schedules.set(spec.name, spec.inputs as unknown as ScheduleInputs);
    }
  }
  return { user: (ref) => users.get(ref) ?? ref, schedules };
}

/** A local calendar day in the docs' display time zone: its instants and its wall-clock date. */
export interface LocalDay {
  start: number;
  end: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
}

/** `count` local days of `zone`, starting with the one that contains `instant`. */
export function localDays(zone: string, instant: number, count: number): LocalDay[] {
  const firstWall = Math.floor(toWall(zone, instant) / DAY_MS) * DAY_MS;
  const days: LocalDay[] = [];
  for (let i = 0; i < count; i++) {
    const wall = firstWall + i * DAY_MS;
    days.push({
      start: fromWall(zone, wall),
      end: fromWall(zone, wall + DAY_MS),
      date: new Date(wall).toISOString().slice(0, 10),
      weekday: new Date(wall).getUTCDay() === 0 ? 7 : new Date(wall).getUTCDay(),
    });
  }
  return days;
}

/** `HH:MM` of `instant` on the wall clock of `zone`; the end of a day reads 24:00. */
export function wallTime(zone: string, instant: number, dayEnd?: number): string {
  if (dayEnd !== undefined && instant === dayEnd) return "24:00";
  return new Date(toWall(zone, instant)).toISOString().slice(11, 16);
}

export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
