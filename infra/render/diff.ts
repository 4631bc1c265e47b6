/**
 * render: the diff between two versions of the data as text (a terminal or a CI log) and JSON
 * (for tools). The Markdown form for pull-request comments is in `diff-markdown.ts`.
 */
import type { GraphDiff, KeepCurrentFix, ScheduleOnCallDiff } from "../diff";
import type { InputValue, ResourceSpec } from "../graph/types";
import { MASKED_ALIKE, maskInputs } from "../cli/mask";
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

export interface DiffReport {
  diff: GraphDiff;
  base: { ref: string; commit: string };
  weeks: number;
  showPersonal: boolean;
}

export function renderDiffText({ diff, base, weeks, showPersonal }: DiffReport): string {
  const out: string[] = [];
  const { added, changed, removed } = diff.resources;
  out.push(`PagerDuty diff: ${base.ref} (${base.commit.slice(0, 12)}) -> working tree`);
  out.push(`On call compared from ${formatInstant(diff.from)} for ${weeks} week(s)`);
  out.push("");

  out.push(
    `Resources: ${added.length} added, ${changed.length} changed, ${removed.length} removed`,
  );
  for (const spec of added) out.push(`  + ${spec.name} (${spec.kind}) at ${where(spec)}`);
  for (const change of changed) {
    out.push(`  ~ ${change.name} (${change.kind}) at ${where(change)}`);
    for (const field of change.fields) {
      const show = (v: InputValue | undefined) =>
        formatValue(v === undefined ? v : maskField(field.path, v, showPersonal));
      const [before, after] = [show(field.before), show(field.after)];
      // Two different addresses can mask alike (a***@example.com); say so rather than look unchanged.
      const note = before === after ? ` ${MASKED_ALIKE}` : "";
      out.push(`      ${field.path}: ${before} -> ${after}${note}`);
    }
  }
  for (const spec of removed) out.push(`  - ${spec.name} (${spec.kind})`);
  out.push("");

  if (diff.escalation.length === 0) {
    out.push("Escalation timing: unchanged");
  } else {
    out.push("Escalation timing (minute each level is reached, before -> after)");
    for (const policy of diff.escalation) {
      out.push(`  ${policy.name} "${policy.displayName}"`);
      for (const level of policy.levels) {
        out.push(
          `    ${level.targets.join(" + ")}: ${formatMinute(level.before)} -> ${formatMinute(level.after)}`,
        );
      }
      if (policy.exhaustedBefore !== policy.exhaustedAfter) {
        out.push(
          `    policy exhausted: ${exhausted(policy.exhaustedBefore)} -> ${exhausted(policy.exhaustedAfter)}`,
        );
      }
    }
  }
  out.push("");

  if (diff.onCall.length === 0) {
    out.push(`On call: unchanged for the next ${weeks} week(s)`);
  } else {
    out.push(`On call (only where it changes, times in each schedule's zone)`);
    for (const schedule of diff.onCall) out.push(...onCallText(schedule));
  }
  return `${out.join("\n")}\n`;
}

function onCallText(schedule: ScheduleOnCallDiff): string[] {
  const zone = schedule.timeZone;
  const out = [`  ${schedule.name} "${schedule.displayName}" (${zone}, ${schedule.status})`];
  if (schedule.current) {
    const { before, after, fix } = schedule.current;
    out.push(
      `    ! the current on-caller changes: ${formatPerson(before)} -> ${formatPerson(after)}`,
    );
    if (fix) out.push(`      ${fixText(fix, before!, schedule.source.file)}`);
  }
  const rows = [
    ["from", "to", "before", "after"],
    ...schedule.changes.map((c) => [
      formatLocal(c.start, zone),
      formatLocal(c.end, zone),
      formatPerson(c.before),
      formatPerson(c.after),
    ]),
  ];
  out.push(...table(rows).map((line) => `    ${line}`));
  if (schedule.hours.length > 0) {
    const hours = schedule.hours.map(
      (h) => `${h.user} ${formatHours(h.before)} -> ${formatHours(h.after)}`,
    );
    out.push(`    hours on call: ${hours.join("; ")}`);
  }
  return out;
}

/** The edit that keeps the current on-caller, as one instruction. */
export function fixText(fix: KeepCurrentFix, holder: string, file: string): string {
  switch (fix.kind) {
    case "move-virtual-start":
      return `to keep ${holder}: set rotation_virtual_start: ${fix.rotationVirtualStart} on layer ${fix.layer} (${file}, ${fix.path})`;
    case "end-layer":
      return `to keep ${holder} until their turn ends: keep layer ${fix.layer} (${file}, ${fix.path}) as it was, members ${yamlMembers(fix.previousMembers)}, with end: ${fix.effective}, and add a new layer with start: ${fix.effective} and members ${yamlMembers(fix.members)}`;
    case "none":
      return `no single edit keeps ${holder}: ${fix.reason}`;
  }
}

export function renderDiffJson({ diff, base, weeks, showPersonal }: DiffReport): string {
  const spec = (s: ResourceSpec) => ({
    type: s.type,
    name: s.name,
    inputs: showPersonal ? s.inputs : maskInputs(s.inputs),
  });
  const json = {
    base,
    window: { from: formatInstant(diff.from), to: formatInstant(diff.to), weeks },
    resources: {
      added: diff.resources.added.map(spec),
      changed: diff.resources.changed.map((c) => ({
        type: c.type,
        name: c.name,
        source: c.source,
        fields: c.fields.map((f) => ({
          path: f.path,
          ...(f.before === undefined ? {} : { before: maskField(f.path, f.before, showPersonal) }),
          ...(f.after === undefined ? {} : { after: maskField(f.path, f.after, showPersonal) }),
        })),
      })),
      removed: diff.resources.removed.map(spec),
    },
    escalation: diff.escalation,
    onCall: diff.onCall.map((s) => ({
      ...s,
      changes: s.changes.map((c) => ({
        ...c,
        start: formatInstant(c.start),
        end: formatInstant(c.end),
      })),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function where(item: { source: { file: string; line: number; col: number } }): string {
  return `${item.source.file}:${item.source.line}:${item.source.col}`;
}

function exhausted(minute: number | undefined): string {
  return minute === undefined ? "(none)" : `minute ${minute}`;
}

/** Left-aligned columns, two spaces apart. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}
