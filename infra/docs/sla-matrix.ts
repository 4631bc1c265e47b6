/**
 * render: the SLA matrix as an HTML table, one row per severity: the standard acknowledge /
 * respond / escalate minutes, the accelerated market-hours figures (a figure the data does not
 * accelerate shows the standard one, greyed), the chain levels the severity reaches with the
 * minute each is reached, and the urgency per time class.
 */
import type { OrgModel, Severity } from "../model/types";
import { html, type Html, WEEKDAY_NAMES } from "./html";

const FIGURES = ["acknowledge_minutes", "respond_minutes", "escalate_minutes"] as const;

export function renderSlaMatrix(model: OrgModel): Html {
  const rows = model.severities.map((severity) => renderRow(severity, model));
  return html`<p>Minutes after an incident opens. <strong>Standard</strong> figures apply after hours, on weekends and on holidays; <strong>market hours</strong> figures apply ${describeMarketHours(model)}.</p>
<table class="sla-matrix">
<thead>
<tr><th rowspan="2">Severity</th><th rowspan="2">Response</th><th colspan="3">Standard (minutes)</th><th colspan="3">Market hours (minutes)</th><th rowspan="2">Levels reached (minute)</th><th colspan="3">Urgency</th></tr>
<tr><th>Acknowledge</th><th>Respond</th><th>Escalate</th><th>Acknowledge</th><th>Respond</th><th>Escalate</th><th>Market hours</th><th>After hours</th><th>Weekend / holiday</th></tr>
</thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Criteria</h2>
<table class="criteria">
<thead><tr><th>Severity</th><th>What makes an incident this severity</th></tr></thead>
<tbody>
${model.severities.map(
  (s) =>
    html`<tr><th scope="row">${s.id} ${s.name}</th><td><ul>${s.criteria.map((c) => html`<li>${c}</li>`)}</ul></td></tr>
`,
)}
</tbody>
</table>
${renderHolidays(model)}`;
}

function renderRow(severity: Severity, model: OrgModel): Html {
  const standard = FIGURES.map((key) => html`<td class="num">${severity.sla[key]}</td>`);
  const market = FIGURES.map((key) => {
    const value = severity.market_hours_sla[key];
    return value === undefined
      ? html`<td class="num same" title="not accelerated: the standard figure">${severity.sla[key]}</td>`
      : html`<td class="num"><strong>${value}</strong></td>`;
  });
  const levels = severity.reaches_levels.map((levelId) => {
    const level = model.chain?.levels.find((l) => l.id === levelId);
    return level
      ? html`<li>${level.id} ${level.name} (${level.reached_at_minute})</li>`
      : html`<li>${levelId}</li>`;
  });
  const urgency = (["market_hours", "after_hours", "weekend"] as const).map(
    (timeClass) =>
      html`<td class="urgency-${severity.urgency[timeClass]}">${severity.urgency[timeClass]}</td>`,
  );
  return html`<tr id="${severity.id}"><th scope="row"><a href="escalation.html#severity-${severity.id}">${severity.id}</a> ${severity.name}</th><td>${severity.response}</td>${standard}${market}<td><ol class="levels">${levels}</ol></td>${urgency}</tr>
`;
}

function describeMarketHours(model: OrgModel): string {
  const hours = model.marketHours;
  if (!hours) return "never (no market_hours in policies/)";
  const days = [...hours.days_of_week].sort((a, b) => a - b).map((d) => WEEKDAY_NAMES[d - 1]);
  return `${days.join(", ")} ${hours.start_time.slice(0, 5)}–${hours.end_time.slice(0, 5)} ${hours.time_zone}, except holidays`;
}

function renderHolidays(model: OrgModel): Html {
  if (model.holidays.length === 0) return html``;
  const sorted = [...model.holidays].sort((a, b) => a.date.localeCompare(b.date));
  return html`<h2>Holidays (standard figures, weekend urgency)</h2>
<table class="holidays">
<thead><tr><th>Date</th><th>Holiday</th></tr></thead>
<tbody>
${sorted.map((h) => html`<tr><td>${h.date}</td><td>${h.name}</td></tr>
`)}
</tbody>
</table>`;
}
