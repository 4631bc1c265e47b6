import { describe, expect, it } from "vitest";
import { directoryEntries, renderDirectory } from "../../infra/docs/directory";
import { loadRepository } from "./support";

describe("directoryEntries", () => {
  it("a person's email and phones must be masked when the directory is rendered", async () => {
    const { graph } = await loadRepository();
    const avery = directoryEntries(graph).find((e) => e.user === "user-avery-lee")!;
    // people.yaml: avery.lee@example.com, +1 212 555 0100 as phone and SMS.
    expect(avery.email).toBe("a***@example.com");
    expect(avery.contactMethods).toEqual(["Mobile: phone +1 ***00", "Mobile SMS: SMS +1 ***00"]);
    expect(avery.teams).toEqual(["Platform Engineering (responder)"]);
    expect(avery.schedules).toEqual(["Platform Primary On-Call"]);
  });

  it("the page must contain no full email address or national number when every person is listed", async () => {
    const { graph } = await loadRepository();
    const page = renderDirectory(graph).text;
    expect(page).not.toMatch(/[a-z]+\.[a-z]+@example\.com/);
    expect(page).not.toContain("2125550100");
    expect(page).not.toMatch(/555\s?01\d\d/);
  });

  it("people must be sorted by name when the directory is rendered", async () => {
    const { graph } = await loadRepository();
    const names = directoryEntries(graph).map((e) => e.name);
    expect(names).toEqual([...names].sort());
  });
});
