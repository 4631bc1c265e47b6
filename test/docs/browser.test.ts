/**
 * The docs as a person sees them: rendered into a temp folder, opened in headless Chromium through
 * playwright-core, and checked for the text that must be visible. Chromium comes from Debian
 * (`apt-get install chromium`, done by .ci/run), never from Playwright's own download, which this
 * machine cannot reach. It runs with flags that keep it from contacting anything, and every request
 * other than the local files is aborted.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocs } from "../../infra/docs/site";
import { loadRepository } from "./support";

const CHROMIUM = "/usr/bin/chromium";
const NOW = Date.parse("2026-01-05T12:00:00Z");
const SKIP_REASON =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `${CHROMIUM} is missing and CI is not set; install it with apt-get install -y chromium to run the browser test`
    : undefined;

if (SKIP_REASON) console.warn(`docs browser test skipped: ${SKIP_REASON}`);

describe.skipIf(SKIP_REASON !== undefined)("the docs in headless Chromium", () => {
  let out: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  const open = async (file: string) => {
    await page.goto(pathToFileURL(path.join(out, file)).href);
  };

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), "docs-browser-"));
    profile = await mkdtemp(path.join(os.tmpdir(), "docs-browser-profile-"));
    const { model, graph } = await loadRepository();
    for (const file of renderDocs({ model, graph, now: NOW })) {
      const target = path.join(out, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }

    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1400, height: 900 },
    });
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file://") ? route.continue() : route.abort(),
    );
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    if (out) await rm(out, { recursive: true, force: true });
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("index.html must lead to the calendar when its link is clicked", async () => {
    await open("index.html");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Overview");
    await page.getByRole("main").getByRole("link", { name: "On-call calendar" }).click();
    await page.waitForURL(/calendar\.html$/);
    expect(await page.locator("table.calendar").first().isVisible()).toBe(true);
  });

  it("the calendar must show a schedule's name and the person on call on a day computed from the rotation", async () => {
    await open("calendar.html");
    const row = page.locator('tr[data-schedule="schedule-primary"]').nth(2);
    expect(await row.locator("th").innerText()).toContain("Platform Primary On-Call");
    // Weekly turns from Monday 2026-01-05 09:00 New York: avery, blake, casey, devon.
    // Wednesday 2026-01-21 is in turn 2: Casey Nguyen, all day.
    const cell = page.locator('td[data-schedule="schedule-primary"][data-date="2026-01-21"]');
    expect(await cell.isVisible()).toBe(true);
    expect(await cell.innerText()).toBe("Casey Nguyen");
  });

  it("the calendar must show a handoff with its time when a daily rotation changes hands", async () => {
    await open("calendar.html");
    // Network rotation: daily from 2026-01-05 08:00 Chicago (09:00 New York); on 2026-01-21 turn
    // 15 (Bay Quinn) hands over to turn 16 (16 mod 4 = 0, Yael Ford).
    const cell = page.locator('td[data-schedule="schedule-noc"][data-date="2026-01-21"]');
    expect(await cell.getAttribute("class")).toContain("handoff");
    const text = (await cell.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("00:00–09:00 Bay Quinn");
    expect(text).toContain("09:00–24:00 Yael Ford");
    await page.screenshot({ path: path.join(out, "calendar.png"), fullPage: true });
    if (process.env.DOCS_SCREENSHOT) {
      await page.screenshot({ path: process.env.DOCS_SCREENSHOT, fullPage: true });
    }
  });

  it("the P0 timeline must show the executive level at minute 120 when the escalation page is open", async () => {
    await open("escalation.html");
    const figure = page.locator("figure#escalation-policy-p0-critical");
    const svg = figure.locator("svg");
    expect(await svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    const rule = svg.locator("text.rule", { hasText: "L5 Executive" });
    expect(await rule.isVisible()).toBe(true);
    expect(await rule.textContent()).toBe("Rule 5: minute 120 · L5 Executive");
    const tick = svg.locator("text.tick", { hasText: /^120$/ });
    expect(await tick.isVisible()).toBe(true);
    expect(await svg.locator("text.target").allTextContents()).toContain("person Logan Price");
  });
});
