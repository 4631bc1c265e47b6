/**
 * render: the diff as a pull-request comment. The first line is a hidden marker so CI can find and
 * update its own comment instead of adding one per push; tables longer than a screen fold into
 * `<details>`; a change of the current on-caller is a warning at the top, where a reviewer sees it.
 */
import { MASKED_ALIKE } from "../cli/mask";
import type { KeepCurrentFix, ScheduleOnCallDiff } from "../diff";
import type { InputValue, ResourceSpec } from "../graph/types";
import type { DiffReport } from "./diff";
import {
  yamlMembers,
  formatHours,
  formatInstant,
  formatLocal,
  formatMinute,
  formatPerson,
  formatValue,
  maskField,
} from "./diff-values";

/** Marks the comment this command writes; the pull-request workflow searches for it. */
export const DIFF_COMMENT_MARKER = "<!-- pagerduty-as-code:diff -->";

/** Tables with more rows than this are folded. */
const FOLD_ROWS = 10;

export function renderDiffMarkdown({ diff, base, weeks, showPersonal }: DiffReport): string {
  const out: string[] = [DIFF_COMMENT_MARKER];
  const { added, changed, removed } = diff.resources;
  out.push(`## PagerDuty changes against \`${base.ref}\` (${base.commit.slice(0, 12)})`);
  out.push("");
  out.push(
    `**${added.length}** added, **${changed.length}** changed, **${removed.length}** removed · on call compared for ${weeks} week(s) from ${formatInstant(diff.from)}`,
  );

  const currents = diff.onCall.filter((s) => s.current !== undefined);
  for (const schedule of currents) {
    const { before, after, fix } = schedule.current!;
    out.push("");
    out.push("> [!WARNING]");
    out.push(
      `> **${escape(schedule.displayName)}** (\`${schedule.name}\`): the current on-caller changes from **${formatPerson(before)}** to **${formatPerson(after)}**.`,
    );
    if (fix) out.push(`> ${fixMarkdown(fix, before!, schedule.source.file)}`);
  }

  out.push("", "### Resources");
  if (added.length + changed.length + removed.length === 0) out.push("", "No resource changes.");
  if (changed.length > 0) {
    const rows = changed.flatMap((c) =>
      c.fields.map((f) => {
        const show = (v: InputValue | undefined) =>
          code(formatValue(v === undefined ? v : maskField(f.path, v, showPersonal)));
        const [before, after] = [show(f.before), show(f.after)];
        const note = before === after ? ` ${MASKED_ALIKE}` : "";
        return [code(c.name), code(f.path), before, `${after}${note}`];
      }),
    );
    out.push(
      ...section(`Changed (${changed.length})`, ["resource", "field", "before", "after"], rows),
    );
  }
  const listed = (title: string, specs: ResourceSpec[]) =>
    specs.length === 0
      ? []
      : section(
          `${title} (${specs.length})`,
          ["resource", "kind", "written at"],
          specs.map((s) => [code(s.name), s.kind, code(`${s.source.file}:${s.source.line}`)]),
        );
  out.push(...listed("Added", added), ...listed("Removed", removed));

  out.push("", "### Escalation timing");
  if (diff.escalation.length === 0) out.push("", "Unchanged.");
  for (const policy of diff.escalation) {
    const rows = policy.levels.map((l) => [
      l.targets.map(code).join(" + "),
      formatMinute(l.before),
      formatMinute(l.after),
    ]);
    if (policy.exhaustedBefore !== policy.exhaustedAfter) {
      rows.push([
        "policy exhausted",
        policy.exhaustedBefore === undefined ? "(none)" : `minute ${policy.exhaustedBefore}`,
        policy.exhaustedAfter === undefined ? "(none)" : `minute ${policy.exhaustedAfter}`,
      ]);
    }
    out.push(
      ...section(
        `${escape(policy.displayName)} (\`${policy.name}\`)`,
        ["level (targets)", "before", "after"],
        rows,
      ),
    );
  }

  out.push("", "### On call");
  if (diff.onCall.length === 0) out.push("", `Unchanged for the next ${weeks} week(s).`);
  for (const schedule of diff.onCall) out.push(...onCallSection(schedule));
  return `${out.join("\n")}\n`;
}

function onCallSection(schedule: ScheduleOnCallDiff): string[] {
  const zone = schedule.timeZone;
  const rows = schedule.changes.map((c) => [
    formatLocal(c.start, zone),
    formatLocal(c.end, zone),
    formatPerson(c.before),
    formatPerson(c.after),
  ]);
  const out = section(
    `${escape(schedule.displayName)} (\`${schedule.name}\`, ${zone}, ${schedule.status})`,
    ["from", "to", "before", "after"],
    rows,
  );
  if (schedule.hours.length > 0) {
    out.push("");
    out.push(
      `Hours on call: ${schedule.hours.map((h) => `${h.user} ${formatHours(h.before)} → ${formatHours(h.after)}`).join("; ")}`,
    );
  }
  return out;
}

/** The edit that keeps the current on-caller, with the YAML to write in code spans. */
function fixMarkdown(fix: KeepCurrentFix, holder: string, file: string): string {
  const at = `${code(file)} at ${code(fix.kind === "none" ? "" : fix.path)}`;
  switch (fix.kind) {
    case "move-virtual-start":
      return `To keep **${holder}**, set ${code(`rotation_virtual_start: ${fix.rotationVirtualStart}`)} on layer ${code(fix.layer)} (${at}).`;
    case "end-layer":
      return `To keep **${holder}** until their turn ends, keep layer ${code(fix.layer)} (${at}) as it was, with ${code(`members: ${yamlMembers(fix.previousMembers)}`)} and ${code(`end: ${fix.effective}`)}, and add a new layer with ${code(`start: ${fix.effective}`)} and ${code(`members: ${yamlMembers(fix.members)}`)}.`;
    case "none":
      return `No single edit keeps **${holder}**: ${escape(fix.reason)}.`;
  }
}

/** A level-4 heading and a table, folded into `<details>` when it is long. */
function section(title: string, header: string[], rows: string[][]): string[] {
  const table = [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
  if (rows.length <= FOLD_ROWS) return ["", `#### ${title}`, "", ...table];
  return [
    "",
    `#### ${title}`,
    "",
    "<details>",
    `<summary>${rows.length} rows</summary>`,
    "",
    ...table,
    "",
    "</details>",
  ];
}

/** A table cell: pipes would end the cell, newlines the row. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Markdown's inline specials in free text (display names come from the data). */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
