/**
 * render: one SVG per escalation policy showing who is paged at which minute, and the page that
 * groups them by severity.
 *
 * Timing is read from the EXPANDED policy spec, not the YAML: the minute a rule is reached is the
 * running sum of the `escalationDelayInMinutes` of the rules before it, exactly as PagerDuty
 * computes it, so a mistake in the expansion shows up here as it would in production. The chain
 * level names come from the model; schedules are labelled with who is on call at `--now`, and a
 * schedule with nobody on call is marked as skipped, since PagerDuty moves past such a rule at once.
 */
import type { EscalationPolicyInputs, EscalationTargetInputs } from "../graph/inputs";
import type { Graph, ResourceSpec } from "../graph/types";
import { names as logicalNames } from "../graph/expand/names";
import type { EscalationPolicy, OrgModel } from "../model/types";
import { onCallAt } from "../timeline/index";
import { escapeHtml as esc, html, Html, type Names } from "./html";
import { passMinutes, ruleMinutes } from "../graph/escalation-timing";

export interface TimelineRow {
  /** Minute after the incident opens at which the rule is reached. */
  minute: number;
  delay: number;
  /** Chain levels the rule stands for, as `L5 Executive`. */
  levels: string[];
  targets: { kind: "user" | "schedule"; label: string; onCallNow?: string | null }[];
}

export interface Timeline {
  /** Logical name of the escalation policy spec, also the file name of its SVG. */
  name: string;
  title: string;
  severity?: string;
  /** Built from the escalation chain for its severity, rather than written rule by rule. */
  fromChain: boolean;
  numLoops: number;
  /** Minutes of one pass through the rules: the sum of all escalation delays. */
  cycle: number;
  rows: TimelineRow[];
}

/** The rows of a policy's timeline: running sums of the expanded rules' escalation delays. */
export function timelineOf(
  spec: ResourceSpec,
  policy: EscalationPolicy | undefined,
  model: OrgModel,
  names: Names,
  now: number,
): Timeline {
  const inputs = spec.inputs as unknown as EscalationPolicyInputs;
  const minutes = ruleMinutes(inputs);
  const rows = inputs.rules.map((rule, i) => {
    const levels = (policy?.rules[i]?.levels ?? []).map((id) => {
      const level = model.chain?.levels.find((l) => l.id === id);
      return level ? `${level.id} ${level.name}` : id;
    });
    const row: TimelineRow = {
      minute: minutes[i]!,
      delay: rule.escalationDelayInMinutes,
      levels,
      targets: rule.targets.map((target) => describeTarget(target, names, now)),
    };
    return row;
  });
  const timeline: Timeline = {
    name: spec.name,
    title: inputs.name,
    fromChain: policy?.fromChain ?? false,
    numLoops: inputs.numLoops,
    cycle: passMinutes(inputs),
    rows,
  };
  if (policy) timeline.severity = policy.severity;
  return timeline;
}

function describeTarget(
  target: EscalationTargetInputs,
  names: Names,
  now: number,
): TimelineRow["targets"][number] {
  switch (target.type) {
    case "user_reference":
      return { kind: "user", label: names.user(target.id.ref) };
    case "schedule_reference": {
      const schedule = names.schedules.get(target.id.ref);
      if (!schedule) return { kind: "schedule", label: target.id.ref, onCallNow: null };
      const user = onCallAt(schedule, now);
      return {
        kind: "schedule",
        label: schedule.name,
        onCallNow: user === null ? null : names.user(user),
      };
    }
  }
}

/** Every escalation policy's timeline, in the order of the graph (by logical name). */
export function timelinesOf(model: OrgModel, graph: Graph, names: Names, now: number): Timeline[] {
  const byName = new Map(model.policies.map((p) => [logicalNames.escalationPolicy(p.id), p]));
  return graph.resources
    .filter((spec) => spec.kind === "escalationPolicy")
    .map((spec) => timelineOf(spec, byName.get(spec.name), model, names, now));
}

const WIDTH = 1000;
const LABELS = 440;
const CHART_LEFT = 470;
const CHART_RIGHT = 970;
const LINE = 18;
const PALETTE = ["#0b6e4f", "#1f5fa8", "#7b3fa0", "#b5452b", "#a36b00", "#3d6b7a", "#6b5b3d"];

/** A standalone SVG: an axis of minutes, one lane per rule, and who each rule pages. */
export function renderTimelineSvg(timeline: Timeline): string {
  const span = Math.max(timeline.cycle, 1);
  const x = (minute: number) => CHART_LEFT + (minute / span) * (CHART_RIGHT - CHART_LEFT);
  const axisY = 56;
  const out: string[] = [];

  let y = axisY + 14;
  const lanes: string[] = [];
  timeline.rows.forEach((row, i) => {
    const lines = 1 + row.targets.length;
    const height = lines * LINE + 12;
    const color = PALETTE[i % PALETTE.length]!;
    if (i % 2 === 0) {
      lanes.push(`<rect class="band" x="0" y="${y}" width="${WIDTH}" height="${height}" fill="#f3f5f9"/>`);
    }
    const heading = [`minute ${row.minute}`, ...row.levels].join(" · ");
    lanes.push(
      `<text class="rule" x="16" y="${y + LINE}" font-weight="600">${esc(`Rule ${i + 1}: ${heading}`)}</text>`,
    );
    row.targets.forEach((target, t) => {
      lanes.push(
        `<text class="target" x="28" y="${y + LINE * (t + 2)}">${esc(targetText(target))}</text>`,
      );
    });
    const barY = y + height / 2 - 8;
    const barWidth = Math.max(x(row.minute + row.delay) - x(row.minute), 2);
    lanes.push(
      `<rect class="bar" x="${fmt(x(row.minute))}" y="${fmt(barY)}" width="${fmt(barWidth)}" height="16" rx="3" fill="${color}"/>`,
    );
    lanes.push(
      `<circle cx="${fmt(x(row.minute))}" cy="${fmt(barY + 8)}" r="5" fill="${color}" stroke="#fff" stroke-width="2"/>`,
    );
    if (barWidth >= 56) {
      lanes.push(
        `<text x="${fmt(x(row.minute) + 10)}" y="${fmt(barY + 12)}" fill="#fff" font-size="11">${row.delay} min</text>`,
      );
    }
    y += height;
  });
  const bottom = y;

  const ticks = [...new Set([...timeline.rows.map((r) => r.minute), timeline.cycle])].sort(
    (a, b) => a - b,
  );
  out.push(
    `<text x="16" y="24" font-size="16" font-weight="600">${esc(timeline.title)}${timeline.severity ? esc(` (severity ${timeline.severity})`) : ""}</text>`,
  );
  out.push(
    `<text x="${LABELS - 40}" y="${axisY - 8}" fill="#5c6577" font-size="12">minute</text>`,
  );
  out.push(...lanes);
  for (const minute of ticks) {
    out.push(
      `<line x1="${fmt(x(minute))}" y1="${axisY}" x2="${fmt(x(minute))}" y2="${bottom}" stroke="#9aa3b2" stroke-dasharray="3 3"/>`,
    );
    out.push(
      `<text class="tick" x="${fmt(x(minute))}" y="${axisY - 8}" text-anchor="middle" font-size="12">${minute}</text>`,
    );
  }
  out.push(
    `<line x1="${CHART_LEFT}" y1="${axisY}" x2="${CHART_RIGHT}" y2="${axisY}" stroke="#1d2330"/>`,
  );
  out.push(
    `<text x="16" y="${bottom + 24}" fill="#5c6577" font-size="13">${esc(loopText(timeline))}</text>`,
  );

  const height = bottom + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13" fill="#1d2330" role="img" aria-label="${esc(`Escalation timeline of ${timeline.title}`)}">
<title>${esc(`Escalation timeline of ${timeline.title}`)}</title>
${out.join("\n")}
</svg>
`;
}

function targetText(target: TimelineRow["targets"][number]): string {
  if (target.kind === "user") return `person ${target.label}`;
  const now =
    target.onCallNow === null || target.onCallNow === undefined
      ? "nobody on call now: skipped"
      : `now ${target.onCallNow}`;
  return `schedule ${target.label} (${now})`;
}

/** What happens after the last rule's delay: num loops repeats the whole policy from rule 1. */
export function loopText(timeline: Timeline): string {
  if (timeline.numLoops === 0) {
    return `Not repeated (num loops 0): after minute ${timeline.cycle} the incident stays with the last rule.`;
  }
  const restarts = Array.from({ length: timeline.numLoops }, (_, k) => (k + 1) * timeline.cycle);
  return `Repeats ${timeline.numLoops} time(s) (num loops ${timeline.numLoops}): rule 1 again at minute ${restarts.join(" and ")}.`;
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The severity's own policy (built from the chain) first, then the others by title. */
function chainFirst(a: Timeline, b: Timeline): number {
  if (a.fromChain !== b.fromChain) return a.fromChain ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : a.name < b.name ? -1 : 1;
}

/** The escalation page: the SVGs inline, grouped by the severity each policy must meet. */
export function renderEscalationPage(model: OrgModel, timelines: Timeline[]): Html {
  const groups = model.severities.map((severity) => ({
    id: severity.id,
    heading: `${severity.id} ${severity.name}`,
    timelines: timelines.filter((t) => t.severity === severity.id).sort(chainFirst),
  }));
  const other = timelines.filter((t) => !model.severities.some((s) => s.id === t.severity));
  if (other.length > 0) groups.push({ id: "other", heading: "Other", timelines: other });
  return html`<p>Who is paged at which minute after an incident opens, from the expanded PagerDuty rules (each rule's minute is the sum of the escalation delays before it). Schedules show who is on call at the rendered instant.</p>
${groups.map(
  (group) => html`<section id="severity-${group.id}">
<h2>${group.heading}</h2>
${group.timelines.length === 0 ? html`<p class="note">No escalation policy.</p>` : html``}
${group.timelines.map(
  (t) => html`<figure class="timeline" id="${t.name}">
${new Html(renderTimelineSvg(t))}<figcaption><a href="timelines/${t.name}.svg">${t.name}.svg</a></figcaption>
</figure>
`,
)}
</section>
`,
)}`;
}
