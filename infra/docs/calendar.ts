/**
 * render: the on-call calendar for the four weeks that start on the day of `--now`, one table per
 * week, one row per schedule, one column per day, naming who is on call in each schedule.
 *
 * Days are local days of one display time zone (the market hours' zone, else UTC), so every row
 * lines up; a schedule in another zone is shown in that zone's days too. A day with a handoff
 * lists each stretch with its local times and marks the person who takes over; a day with nobody
 * on call shows a dash. Who is on call comes from the timeline (infra/timeline), which applies
 * layers, restrictions and DST exactly as the checks do.
 */
import type { ScheduleInputs } from "../graph/inputs";
import type { Graph } from "../graph/types";
import type { OrgModel } from "../model/types";
import { onCallIntervals, type Shift } from "../timeline/index";
import { DAY_MS } from "../timeline/zone";
import {
  html,
  type Html,
  type LocalDay,
  localDays,
  MONTH_NAMES,
  type Names,
  WEEKDAY_NAMES,
  wallTime,
} from "./html";

export const CALENDAR_WEEKS = 4;

export interface CalendarCell {
  date: string;
  /** Who is on call during the day, in order; times are local to the display zone. */
  segments: { from: string; to: string; user: string; incoming: boolean }[];
  /** True when one person hands over to another during the day. */
  handoff: boolean;
}

export interface CalendarRow {
  schedule: string;
  title: string;
  timeZone: string;
  cells: CalendarCell[];
}

/** The display zone of the calendar: where market hours are defined, else UTC. */
export function calendarZone(model: OrgModel): string {
  return model.marketHours?.time_zone ?? "UTC";
}

export function calendarRows(
  graph: Graph,
  names: Names,
  zone: string,
  days: LocalDay[],
): CalendarRow[] {
  const rows: CalendarRow[] = [];
  for (const spec of graph.resources) {
    if (spec.kind !== "schedule") continue;
    const schedule = spec.inputs as unknown as ScheduleInputs;
    const shifts = handoffs(schedule, days[0]!.start, days[days.length - 1]!.end);
    rows.push({
      schedule: spec.name,
      title: schedule.name,
      timeZone: schedule.timeZone,
      cells: days.map((day) => calendarCell(shifts, names, zone, day)),
    });
  }
  return rows;
}

/** How far back to look for the person on call before the calendar starts. */
const LOOKBACK_MS = 7 * DAY_MS;

/**
 * The shifts of [from, to), each marked when it starts a handoff: the person differs from the one
 * on call before, even across a stretch with nobody (the trading desk's Monday 06:00 takes over
 * from Friday's 18:00). Only the week before the calendar is searched for that earlier person.
 */
function handoffs(schedule: ScheduleInputs, from: number, to: number): (Shift & { handoff: boolean })[] {
  const shifts = onCallIntervals(schedule, from - LOOKBACK_MS, to);
  return shifts
    .map((shift, i) => {
      const previous = shifts[i - 1];
      return { ...shift, handoff: previous !== undefined && previous.user !== shift.user };
    })
    .filter((shift) => shift.end > from);
}

function calendarCell(
  shifts: (Shift & { handoff: boolean })[],
  names: Names,
  zone: string,
  day: LocalDay,
): CalendarCell {
  const segments = shifts
    .filter((shift) => shift.start < day.end && shift.end > day.start)
    .map((shift) => {
      const start = Math.max(shift.start, day.start);
      return {
        from: wallTime(zone, start),
        to: wallTime(zone, Math.min(shift.end, day.end), day.end),
        user: names.user(shift.user),
        // A shift that began the day before continues here; its handoff was on that day.
        incoming: shift.handoff && shift.start === start,
      };
    });
  return { date: day.date, segments, handoff: segments.some((s) => s.incoming) };
}

export function renderCalendar(model: OrgModel, graph: Graph, names: Names, now: number): Html {
  const zone = calendarZone(model);
  const days = localDays(zone, now, CALENDAR_WEEKS * 7);
  const rows = calendarRows(graph, names, zone, days);
  const weeks = Array.from({ length: CALENDAR_WEEKS }, (_, w) => w * 7);
  return html`<p>Who is on call in each schedule for the ${CALENDAR_WEEKS} weeks from ${days[0]!.date}. All times are local to <strong>${zone}</strong>; a day is 00:00–24:00 there.</p>
<p class="legend note"><span>⇄ a handoff: this person takes over at the time shown</span><span>– nobody on call that day</span><span>Outlined column: the rendered day</span></p>
${weeks.map((offset, w) => {
  const weekDays = days.slice(offset, offset + 7);
  return html`<h2>Week ${w + 1}: ${dayLabel(weekDays[0]!)} – ${dayLabel(weekDays[weekDays.length - 1]!)}</h2>
<table class="calendar">
<thead><tr><th class="schedule">Schedule</th>${weekDays.map(
    (day) =>
      html`<th class="${dayClass(day, offset === 0 && day === weekDays[0])}" data-date="${day.date}">${dayLabel(day)}</th>`,
  )}</tr></thead>
<tbody>
${rows.map(
  (row) => html`<tr data-schedule="${row.schedule}"><th class="schedule" scope="row">${row.title}<br><span class="note">${row.timeZone}</span></th>${row.cells
    .slice(offset, offset + 7)
    .map((cell, i) => renderCell(row, cell, weekDays[i]!, offset === 0 && i === 0))}</tr>
`,
)}
</tbody>
</table>
`;
})}`;
}

function renderCell(row: CalendarRow, cell: CalendarCell, day: LocalDay, today: boolean): Html {
  const classes = [dayClass(day, today), cell.handoff ? "handoff" : "", cell.segments.length ? "" : "empty"]
    .filter((c) => c !== "")
    .join(" ");
  const attrs = html`class="${classes}" data-schedule="${row.schedule}" data-date="${cell.date}"`;
  if (cell.segments.length === 0) return html`<td ${attrs}>–</td>`;
  const whole = cell.segments.length === 1 && cell.segments[0]!.from === "00:00" && cell.segments[0]!.to === "24:00";
  const segments = cell.segments.map((s) =>
    whole && !s.incoming
      ? html`<span class="segment">${s.user}</span>`
      : html`<span class="segment${s.incoming ? " incoming" : ""}" title="${s.from}–${s.to} ${s.user}"><span class="at">${s.from}–${s.to}</span><span class="who">${s.user}</span></span>`,
  );
  return html`<td ${attrs}>${segments}</td>`;
}

function dayClass(day: LocalDay, today: boolean): string {
  return [day.weekday >= 6 ? "weekend" : "", today ? "today" : ""].filter((c) => c).join(" ");
}

function dayLabel(day: LocalDay): string {
  const month = MONTH_NAMES[Number(day.date.slice(5, 7)) - 1];
  return `${WEEKDAY_NAMES[day.weekday - 1]} ${Number(day.date.slice(8, 10))} ${month}`;
}
