/**
 * render: the whole docs site as a list of files. Pure: the same model, graph and `now` give the
 * same bytes, files sorted by path, so two runs with one `--now` can be compared by hash.
 *
 * index.html        links to everything below
 * sla-matrix.html   the SLA matrix per severity
 * escalation.html   every escalation policy's timeline, grouped by severity (SVGs inline)
 * timelines/*.svg   the same timelines as standalone files, named by the policy's logical name
 * calendar.html     who is on call in each schedule for the next four weeks
 * directory.html    people, teams and rotations, with emails and phones masked
 * style.css         the stylesheet every page links
 */
import type { Graph } from "../graph/types";
import type { OrgModel } from "../model/types";
import { CALENDAR_WEEKS, calendarZone, renderCalendar } from "./calendar";
import { renderDirectory } from "./directory";
import { renderEscalationPage, renderTimelineSvg, timelinesOf } from "./escalation-timeline";
import { html, namesOf, PAGES, renderPage, STYLESHEET } from "./html";
import { renderSlaMatrix } from "./sla-matrix";

export interface DocsInput {
  model: OrgModel;
  graph: Graph;
  /** Epoch milliseconds of `--now`: who is on call and where the calendar starts. */
  now: number;
}

export interface DocFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  text: string;
}

/** The folder of the standalone SVGs; the docs command may clear stale files in it. */
export const TIMELINE_FOLDER = "timelines";

export function renderDocs({ model, graph, now }: DocsInput): DocFile[] {
  const nowIso = new Date(now).toISOString().replace(".000Z", "Z");
  const names = namesOf(graph);
  const timelines = timelinesOf(model, graph, names, now);

  const files: DocFile[] = [
    { path: "style.css", text: STYLESHEET },
    { path: PAGES.sla.href, text: renderPage({ page: "sla", nowIso, body: renderSlaMatrix(model) }) },
    {
      path: PAGES.escalation.href,
      text: renderPage({ page: "escalation", nowIso, body: renderEscalationPage(model, timelines) }),
    },
    {
      path: PAGES.calendar.href,
      text: renderPage({ page: "calendar", nowIso, body: renderCalendar(model, graph, names, now) }),
    },
    {
      path: PAGES.directory.href,
      text: renderPage({ page: "directory", nowIso, body: renderDirectory(graph) }),
    },
    ...timelines.map((t) => ({ path: `${TIMELINE_FOLDER}/${t.name}.svg`, text: renderTimelineSvg(t) })),
  ];

  const count = (kind: string) => graph.resources.filter((r) => r.kind === kind).length;
  const index = html`<ul class="pages">
<li><a href="${PAGES.sla.href}">${PAGES.sla.title}</a>: acknowledge, respond and escalate minutes for ${model.severities.length} severities, standard and market hours, with the levels each reaches and its urgency.</li>
<li><a href="${PAGES.escalation.href}">${PAGES.escalation.title}</a>: who is paged at which minute in each of ${count("escalationPolicy")} escalation policies.</li>
<li><a href="${PAGES.calendar.href}">${PAGES.calendar.title}</a>: who is on call in each of ${count("schedule")} schedules for the next ${CALENDAR_WEEKS} weeks (times in ${calendarZone(model)}).</li>
<li><a href="${PAGES.directory.href}">${PAGES.directory.title}</a>: ${count("user")} people with their teams and rotations, personal details masked.</li>
</ul>
<h2>Timelines as SVG files</h2>
<ul class="timelines">
${timelines.map((t) => html`<li><a href="${TIMELINE_FOLDER}/${t.name}.svg">${t.title}</a>${t.severity ? ` (${t.severity})` : ""}</li>
`)}
</ul>`;
  files.push({ path: PAGES.index.href, text: renderPage({ page: "index", nowIso, body: index }) });

  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
