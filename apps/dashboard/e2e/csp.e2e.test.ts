// The API's Content-Security-Policy holds for the dashboard it serves and for its reference page:
// Chromium reports no violation on any main page, and the policy really was in force.
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, requireChromium, SKIP_BROWSER, STUBBED, startServer } from "./server";

const PAGES = [
  "/",
  "/map",
  "/map?view=europe",
  "/statistics",
  "/ties",
  "/pipeline",
  "/rounds",
  "/conferences",
  "/questionnaire",
  "/sign-in",
  "/no-such-page",
  "/api/v1/docs",
];

describe.skipIf(SKIP_BROWSER || STUBBED)("the Content-Security-Policy in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: requireChromium(),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(page: Page, path: string): Promise<string[]> {
    const reported: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) reported.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__csp.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    const res = await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    expect(res?.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
    await page.locator("h1").first().waitFor();
    reported.push(...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
    return reported;
  }

  it.each(PAGES)("reports no violation on %s", async (path) => {
    const context = await browser.newContext({ locale: "en-GB" });
    try {
      const page = await context.newPage();
      expect(await visit(page, path)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("reports no violation on a municipality profile", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    try {
      const page = await context.newPage();
      expect(await visit(page, "/")).toEqual([]);
      const href = await page.locator("tbody tr a").first().getAttribute("href");
      expect(href).toMatch(/^\/municipalities\//);
      expect(await visit(page, href ?? "/")).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("refuses to be framed", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
