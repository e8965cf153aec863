import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  API_ENTRY,
  DASHBOARD_DIR,
  hasReferenceData,
  REFERENCE_DIR,
  type RunningServer,
  requireChromium,
  SKIP_BROWSER,
  STUBBED,
  startServer,
} from "./server";

/** The real API with the reference catalogue: ~2,100 municipalities, so paging can be exercised. */
const fullCatalogue = existsSync(API_ENTRY) && hasReferenceData && !STUBBED;

const SHOTS = join(DASHBOARD_DIR, "test-results");
const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(SKIP_BROWSER)("dashboard in Chromium against the API", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
    console.info(`[e2e] serving ${server.url} (${server.mode})`);
    browser = await chromium.launch({
      executablePath: requireChromium(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterEach(async () => {
    await context?.close();
  });

  const open = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.locator("h1").first().waitFor();
  };

  const search = async (text: string) => {
    await page.getByRole("searchbox").fill(text);
  };

  const firstResult = () => page.locator("tbody tr").first();

  const shot = (name: string, fullPage = true) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

  const expectNoAxeViolations = async () => {
    // Evaluated through the DevTools protocol rather than added as a <script>: the page's
    // Content-Security-Policy (rightly) refuses inline scripts, and the audit must not need a hole.
    await page.evaluate(await axeSource);
    const violations = await page.evaluate(async () => {
      const { axe } = globalThis as unknown as {
        axe: { run: () => Promise<{ violations: AxeViolation[] }> };
      };
      const result = await axe.run();
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    });
    expect(violations).toEqual([]);
  };

  it.each([
    ["Cherson", /Kherson/],
    ["Кривий Ріг", /Kryv/],
    ["Växjö", /Växjö/],
  ])("finds %s whatever the spelling", async (query, expected) => {
    await open("/");
    await search(query);
    // The search runs once typing pauses, and lands in the URL: wait for that, then for the rows.
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(query);
    await expect.poll(() => firstResult().textContent()).toMatch(expected);
    await shot(`search-${expected.source.toLowerCase().replace(/\W/g, "")}`, false);
  });

  it.runIf(fullCatalogue)(
    "loads the next page by cursor and keeps the rows already shown",
    async () => {
      await open("/");
      await expect.poll(() => page.locator("tbody tr").count()).toBe(50);
      const first = await firstResult().textContent();
      const button = page.getByRole("button", { name: "Load more" });
      await button.click();
      await expect.poll(() => page.locator("tbody tr").count()).toBe(100);
      expect(await firstResult().textContent()).toBe(first);
      await page.getByText(/^Showing 100 of 2,\d{3}$/).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe("Load more");
    },
  );

  it("restores the search and filters from a shared link", async () => {
    await open("/?q=Cherson&kind=hromada");
    await expect.poll(() => page.getByRole("searchbox").inputValue()).toBe("Cherson");
    expect(await page.getByLabel("Kind").inputValue()).toBe("hromada");
    await expect.poll(() => firstResult().textContent()).toMatch(/Kherson/);
  });

  it("shows an empty state when nothing matches", async () => {
    await open("/?q=zzzzqqqxxx");
    await page.getByText("No municipality matches your search.").waitFor();
  });

  it("opens a profile from the results and moves focus to its heading", async () => {
    await open("/?q=Cherson");
    const link = firstResult().getByRole("link");
    const name = ((await link.textContent()) ?? "").trim();
    await link.click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByRole("heading", { name: "Key facts" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await expect.poll(() => page.title()).toContain(name);
    await shot("profile");
    await expectNoAxeViolations();
  });

  it("switches to Ukrainian, remembers it, and translates every page", async () => {
    await open("/");
    await page.getByLabel("Language").selectOption("uk");
    await page.getByRole("heading", { level: 1, name: "Каталог муніципалітетів" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("uk");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Каталог муніципалітетів" }).waitFor();
    await search("Cherson");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("Cherson");
    await expect.poll(() => page.locator("tbody tr").count()).toBeLessThan(50);
    await expect.poll(() => firstResult().textContent()).toMatch(/Херсон/);
    await shot("catalogue-uk");
    await expectNoAxeViolations();
    await page.getByRole("link", { name: "Мапа" }).click();
    await page.getByRole("heading", { level: 1, name: "Мапа громад" }).waitFor();
    await page.getByRole("table").waitFor();
    await shot("map-uk");
  });

  it("switches to Swedish and translates the catalogue and the map", async () => {
    await open("/");
    await page.getByLabel("Language").selectOption("sv");
    await page.getByRole("heading", { level: 1, name: "Kommunkatalog" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await page.getByRole("link", { name: "Karta" }).click();
    await page.getByRole("heading", { level: 1, name: "Karta över hromador" }).waitFor();
    await page.getByRole("table").waitFor();
    await shot("map-sv");
  });

  it("has no axe violations on the catalogue", async () => {
    await open("/");
    await firstResult().waitFor();
    await shot("catalogue-en");
    await expectNoAxeViolations();
    // A wall screen in a coordination room: text scales up, the layout stays one column of content.
    await page.setViewportSize({ width: 2560, height: 1440 });
    await shot("catalogue-wall", false);
  });

  /** Points at a dot that nothing covers (dots overlap where hromadas are dense); returns its id. */
  const pointAtADot = async () => {
    const dot = await page.evaluate(() => {
      for (const c of document.querySelectorAll("svg circle.map-point")) {
        const box = c.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        if (document.elementFromPoint(x, y) === c) return { id: c.getAttribute("data-id"), x, y };
      }
      return null;
    });
    if (!dot) throw new Error("no dot to point at");
    await page.mouse.move(dot.x, dot.y);
    return dot.id;
  };

  it("draws the map with a point per hromada and a table alternative, without axe violations", async () => {
    await open("/map");
    await page.getByRole("table").waitFor();
    const points = await page.locator("svg circle").count();
    expect(points).toBeGreaterThan(0);
    // No title per dot: one tooltip names the dot under the pointer.
    expect(await page.locator("svg circle.map-point title").count()).toBe(0);
    await shot("map-en");
    const id = await pointAtADot();
    const tooltip = page.locator(".map-tooltip");
    await tooltip.waitFor();
    expect(await page.locator(".map-tooltip").count()).toBe(1);
    expect(await tooltip.textContent()).toMatch(/^.+, .+: .+$/);
    await shot("map-tooltip", false);
    await expectNoAxeViolations();
    await page.keyboard.press("Escape");
    await tooltip.waitFor({ state: "detached" });
    // The same dot, clicked, opens its profile.
    await page.locator(`circle.map-point[data-id="${id}"]`).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/municipalities/${id}`);
    await page.goBack();
    await page.getByRole("table").waitFor();
    await page.getByLabel("Partnership status").check();
    await expect.poll(() => new URL(page.url()).searchParams.get("colour")).toBe("partnership");
    // Partnered hromadas are painted last, over their unpartnered neighbours.
    const fills = await page
      .locator("svg circle.map-point")
      .evaluateAll((dots) => dots.map((d) => d.getAttribute("fill")));
    const firstPartnered = fills.indexOf("#009e73");
    expect(firstPartnered).toBeGreaterThan(0);
    expect(fills.slice(firstPartnered).every((f) => f === "#009e73")).toBe(true);
    await shot("map-partnership", false);
  });

  it("lists an oblast's hromadas beside the map and opens one from the keyboard", async () => {
    await open("/map");
    await page.getByRole("table").waitFor();
    const picker = page.getByRole("combobox", { name: "Oblast" });
    await picker.focus();
    // Keyboard only: the first oblast in the list, then Tab into its hromadas.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => new URL(page.url()).searchParams.get("region")).toMatch(/^UA-/);
    const links = page.locator(".map-finder__list a");
    await links.first().waitFor();
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("A");
    const id = await page.locator(".map-highlight").getAttribute("data-highlight");
    expect(await page.locator(`circle.map-point[data-id="${id}"]`).count()).toBe(1);
    const name = ((await links.first().textContent()) ?? "").trim();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name }).waitFor();
  });

  it("shows Europe's partner municipalities on a second tab, dots on land, without axe violations", async () => {
    await open("/map");
    await page.getByRole("table").waitFor();
    await page.getByRole("tab", { name: "Hromadas in Ukraine" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe("europe");
    expect(
      await page.getByRole("tab", { name: "Partners in Europe" }).getAttribute("aria-selected"),
    ).toBe("true");
    await page.getByRole("heading", { level: 1, name: "Map of partner municipalities" }).waitFor();
    await expect.poll(() => page.title()).toBe("Map of partner municipalities – Pobratym");
    await page
      .getByRole("table", { name: "Partner municipalities by country and region" })
      .waitFor();

    const expected = await fetch(`${server.url}/api/v1/municipalities?kind=partner&format=geojson`)
      .then((r) => r.json() as Promise<{ features: unknown[] }>)
      .then((c) => c.features.length);
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => page.locator("svg circle.map-point").count()).toBe(expected);
    expect(await page.locator("path.map-country").count()).toBeGreaterThan(30);
    // Every dot should sit on a country outline (at 1:50m a few skerries may fall just off it).
    const onLand = await page.evaluate(() => {
      const dots = [...document.querySelectorAll("svg circle.map-point")];
      const landed = dots.filter((dot) => {
        const box = dot.getBoundingClientRect();
        return document
          .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          .some((e) => e.classList.contains("map-country"));
      });
      return landed.length / dots.length;
    });
    expect(onLand).toBeGreaterThan(0.95);
    // The outlines' source is credited beside the catalogue's.
    await page.getByText("Country outlines: Natural Earth (public domain)").waitFor();
    await pointAtADot();
    await page.locator(".map-tooltip").waitFor();
    // Name, region, country: status.
    expect(await page.locator(".map-tooltip").textContent()).toMatch(/^.+, .+, .+: .+$/);
    await shot("map-europe", false);

    // A shared link opens the same view; a region's municipalities can then be reached by keyboard.
    await open("/map?view=europe&region=SE-G");
    await page.locator(".map-finder__list a").first().waitFor();
    await page.locator(".map-finder__list a").first().focus();
    await page.locator(".map-highlight").waitFor();
    await shot("map-europe-region", false);
    await expectNoAxeViolations();
  });

  it.runIf(hasReferenceData)("draws the oblast outlines once the API serves them", async () => {
    // The API will serve the shapes later; until then the browser gets the reference file here
    // (from @pobratym/reference-data).
    const topo = join(REFERENCE_DIR, "ua-oblasts.topo.json");
    await page.route("**/api/v1/reference/oblasts.topo.json", (route) =>
      route.fulfill({ path: topo, contentType: "application/json" }),
    );
    await open("/map");
    await page.getByRole("table").waitFor();
    expect(await page.locator("path.map-oblast").count()).toBeGreaterThanOrEqual(25);
    expect(await page.getByText("Oblast borders are not available").count()).toBe(0);
    await shot("map-oblasts", false);
  });

  it("has no axe violations on the not-found page", async () => {
    await open("/no-such-page");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await expectNoAxeViolations();
  });

  it("fits a phone screen without horizontal page scrolling", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await open("/?q=Cherson");
    await firstResult().waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("catalogue-phone");
    await expectNoAxeViolations();
  });
});
