import { beforeAll, describe, expect, it } from "vitest";
import { calendarRows, calendarZone, renderCalendar, type CalendarRow } from "../../infra/docs/calendar";
import { localDays, namesOf } from "../../infra/docs/html";
import type { Graph } from "../../infra/graph/types";
import type { OrgModel } from "../../infra/model/types";
import { loadRepository } from "./support";

let model: OrgModel;
let graph: Graph;

beforeAll(async () => {
  ({ model, graph } = await loadRepository());
});

function rowsAt(nowIso: string): CalendarRow[] {
  const zone = calendarZone(model);
  return calendarRows(graph, namesOf(graph), zone, localDays(zone, Date.parse(nowIso), 28));
}

function cell(rows: CalendarRow[], schedule: string, date: string) {
  const row = rows.find((r) => r.schedule === schedule)!;
  return row.cells.find((c) => c.date === date)!;
}

describe("calendarRows", () => {
  it("the calendar must cover 28 New York days from the day of --now when market hours are in New York", () => {
    const rows = rowsAt("2026-01-05T12:00:00Z");
    expect(calendarZone(model)).toBe("America/New_York");
    expect(rows[0]!.cells[0]!.date).toBe("2026-01-05");
    expect(rows[0]!.cells[27]!.date).toBe("2026-02-01");
  });

  it("the primary rotation must show its third member all day when the day lies inside the third weekly turn", () => {
    // Turns start Monday 2026-01-05 09:00 New York: avery, blake, casey, devon. Wednesday
    // 2026-01-21 lies in turn 2 (2026-01-19 09:00 to 2026-01-26 09:00): Casey Nguyen.
    expect(cell(rowsAt("2026-01-05T12:00:00Z"), "schedule-primary", "2026-01-21")).toEqual({
      date: "2026-01-21",
      segments: [{ from: "00:00", to: "24:00", user: "Casey Nguyen", incoming: false }],
      handoff: false,
    });
  });

  it("the network rotation must show a 09:00 New York handoff when its daily turn starts at 08:00 Chicago", () => {
    // Daily turns from 2026-01-05 08:00 Chicago: yael, zion, ari, bay. 2026-01-21 08:00 is turn
    // 16 (16 mod 4 = 0, Yael Ford); before it, turn 15 (Bay Quinn).
    expect(cell(rowsAt("2026-01-05T12:00:00Z"), "schedule-noc", "2026-01-21")).toEqual({
      date: "2026-01-21",
      segments: [
        { from: "00:00", to: "09:00", user: "Bay Quinn", incoming: false },
        { from: "09:00", to: "24:00", user: "Yael Ford", incoming: true },
      ],
      handoff: true,
    });
  });

  it("the trading desk must be empty on a Saturday when its restrictions cover weekdays only", () => {
    expect(cell(rowsAt("2026-01-05T12:00:00Z"), "schedule-trading-desk", "2026-01-10").segments).toEqual([]);
  });

  it("the trading desk must mark Monday's 06:00 start as a handoff when a new person takes over after the weekend", () => {
    // Weekly turns from 2026-01-05 06:00: morgan, noel. Friday ended with Morgan Hayes at 18:00.
    expect(cell(rowsAt("2026-01-05T12:00:00Z"), "schedule-trading-desk", "2026-01-12")).toEqual({
      date: "2026-01-12",
      segments: [{ from: "06:00", to: "18:00", user: "Noel Chen", incoming: true }],
      handoff: true,
    });
  });

  it("the day clocks spring forward must still run 00:00–24:00 when New York loses an hour", () => {
    // 2026-03-08 is 23 hours long in New York. 2026-03-02 09:00 starts turn 8 (8 mod 4 = 0):
    // Avery Lee holds the primary until Monday 2026-03-09 09:00, then Blake Morgan.
    const rows = rowsAt("2026-03-02T17:00:00Z");
    expect(cell(rows, "schedule-primary", "2026-03-08").segments).toEqual([
      { from: "00:00", to: "24:00", user: "Avery Lee", incoming: false },
    ]);
    expect(cell(rows, "schedule-primary", "2026-03-09").segments).toEqual([
      { from: "00:00", to: "09:00", user: "Avery Lee", incoming: false },
      { from: "09:00", to: "24:00", user: "Blake Morgan", incoming: true },
    ]);
  });
});

describe("renderCalendar", () => {
  it("a cell must carry its schedule and date when the page is rendered, so readers and tests can find it", () => {
    const page = renderCalendar(model, graph, namesOf(graph), Date.parse("2026-01-05T12:00:00Z")).text;
    const td = /<td [^>]*data-schedule="schedule-primary" data-date="2026-01-21">(.*?)<\/td>/.exec(page);
    expect(td?.[1]).toBe('<span class="segment">Casey Nguyen</span>');
    expect(page.match(/<table class="calendar">/g)).toHaveLength(4);
  });
});
