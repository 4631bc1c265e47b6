/**
 * Half-open intervals [start, end) of epoch milliseconds, and the few set operations the timeline
 * needs. Every function takes and returns lists sorted by start whose members do not overlap, and
 * runs in one pass over its inputs.
 */

export interface Span {
  start: number;
  end: number;
}

/** Sorts any spans and merges those that overlap or touch. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** The parts of each member of `items` that lie inside `mask`, keeping the members' other fields. */
export function intersect<T extends Span>(items: readonly T[], mask: readonly Span[]): T[] {
  const result: T[] = [];
  let m = 0;
  for (const item of items) {
    while (m < mask.length && mask[m]!.end <= item.start) m++;
    for (let k = m; k < mask.length && mask[k]!.start < item.end; k++) {
      const start = Math.max(item.start, mask[k]!.start);
      const end = Math.min(item.end, mask[k]!.end);
      if (end > start) result.push({ ...item, start, end });
    }
  }
  return result;
}

/** The parts of each member of `items` that lie outside `mask`, keeping the members' other fields. */
export function subtract<T extends Span>(items: readonly T[], mask: readonly Span[]): T[] {
  const result: T[] = [];
  let m = 0;
  for (const item of items) {
    while (m < mask.length && mask[m]!.end <= item.start) m++;
    let cursor = item.start;
    for (let k = m; k < mask.length && mask[k]!.start < item.end; k++) {
      if (mask[k]!.start > cursor) result.push({ ...item, start: cursor, end: mask[k]!.start });
      cursor = Math.max(cursor, mask[k]!.end);
    }
    if (cursor < item.end) result.push({ ...item, start: cursor, end: item.end });
  }
  return result;
}

/** Total length in seconds. */
export function totalSeconds(spans: readonly Span[]): number {
  let ms = 0;
  for (const span of spans) ms += span.end - span.start;
  return ms / 1000;
}
