import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DEMO_DATASET } from "@pobratym/core/demo";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DASHBOARD_DIR,
  type RunningServer,
  requireChromium,
  SKIP_BROWSER,
  STUBBED,
  startServer,
} from "./server";

// The workflow pages in Chromium against the real API: sign in as the bootstrapped coordinator,
// take a questionnaire through approval to suggestions, run a round into the pipeline, and plan a
// conference. The steps build on each other, so they share one browser context and run in order.

const SHOTS = join(DASHBOARD_DIR, "test-results");
const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const COORDINATOR = { email: "coordinator@pobratym.test", password: "e2e coordinator password" };
// The API reads these at start-up and creates the first coordinator (apps/api/src/bootstrap.ts).
process.env.POBRATYM_COORDINATOR_EMAIL ??= COORDINATOR.email;
process.env.POBRATYM_COORDINATOR_PASSWORD ??= COORDINATOR.password;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

// Signing in, rounds and conferences need the real API; the stand-in server (POBRATYM_E2E_STUB=1,
// asked for explicitly) has none of those routes.
/** Adds the demo's needs and offers to the real catalogue through the API, as the coordinator. */
async function enterActivity(url: string): Promise<void> {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const { token } = (await signIn.json()) as { token: string };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };
  for (const [id, needs] of Object.entries(DEMO_DATASET.needs)) {
    for (const { id: _id, ...need } of needs) await post(`/municipalities/${id}/needs`, need);
    // As in the demo: these hromadas work in English too and have partnered before.
    const profile = await fetch(`${url}/api/v1/municipalities/${id}`);
    const res = await fetch(`${url}/api/v1/municipalities/${id}`, {
      method: "PATCH",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "if-match": profile.headers.get("etag") ?? "",
      },
      body: JSON.stringify({ workingLanguages: ["uk", "en"], internationalExperience: true }),
    });
    if (!res.ok) throw new Error(`PATCH ${id}: ${res.status} ${await res.text()}`);
  }
  for (const [id, offers] of Object.entries(DEMO_DATASET.offers))
    for (const { id: _id, ...offer } of offers) await post(`/municipalities/${id}/offers`, offer);
}

describe.skipIf(SKIP_BROWSER || STUBBED)("workflow pages in Chromium against the API", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The pair accepted from the round, followed through the pipeline. */
  let pairTitle = "";

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    // The real catalogue (ties to Russian towns, 11 + 11 for a conference), plus the needs and
    // offers the round and the suggestions work with: the demo's, entered through the API as a
    // coordinator would, because the product never mixes the demo into the real catalogue.
    server = await startServer();
    await enterActivity(server.url);
    browser = await chromium.launch({
      executablePath: requireChromium(),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
    });
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const open = async (path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.locator("h1").first().waitFor();
  };

  const shot = (name: string, fullPage = true) =>
    page.screenshot({ path: join(SHOTS, `workflow-${name}.png`), fullPage });

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

  const status = () => page.locator('[role="status"]');
  /** A button's or link's name: its visible text, then visually hidden context (Chromium puts a space before ":"). */
  const named = (visible: string, context: string) =>
    new RegExp(`^${escapeRegExp(visible)}\\s*:\\s*${escapeRegExp(context)}$`);

  it("signs in as the coordinator and shows the coordinator's menu", async () => {
    await open("/sign-in?next=/questionnaires");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter an email address such as name@kommun.se.").waitFor();
    await expectNoAxeViolations();
    await shot("sign-in-errors");
    await page.getByLabel("Email address").fill(COORDINATOR.email);
    await page.getByLabel("Password").fill(COORDINATOR.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Submitted questionnaires" }).waitFor();
    const menu = page.getByRole("navigation", { name: "Main menu" });
    for (const item of ["Questionnaires", "National round", "Pipeline", "Conferences"]) {
      await menu.getByRole("link", { name: item }).waitFor();
    }
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  });

  it("fills in the questionnaire step by step and submits it", async () => {
    await open("/questionnaire");
    const next = page.getByRole("button", { name: "Next" });
    await next.click();
    await page
      .getByRole("alert")
      .getByText(/problems? on this step/)
      .waitFor();
    await expectNoAxeViolations();
    await shot("questionnaire-errors");

    await page.getByLabel("Country").selectOption("DK");
    await page.getByLabel("Name of the municipality").fill("Aalborg");
    await page.getByLabel("Official municipality number").fill("851");
    await page.getByLabel("County or region").fill("Nordjylland");
    await page.getByLabel("Population").fill("220000");
    await next.click();
    await page.getByLabel("Name", { exact: true }).fill("Mette Jensen");
    await page.getByLabel("Email address").fill("mette@aalborg.example");
    await next.click();
    await page
      .getByLabel(/Why does your municipality/)
      .fill("We want to help rebuild water and heating.");
    await next.click();
    await page.getByLabel("Water and sanitation", { exact: true }).check();
    await page.getByLabel(/Experience in Water and sanitation/).selectOption("expert");
    await page.getByLabel("Energy and heating", { exact: true }).check();
    await next.click();
    await page.getByLabel("Partnerships you can carry at once").fill("2");
    await page.getByLabel("Staff hours per month").fill("40");
    await page.getByLabel("Annual budget (EUR)").fill("50000");
    await next.click();
    await page.getByLabel(/Near the front line/).check();
    await next.click();
    await page.getByLabel("English").check();
    await page.getByLabel("Danish").check();
    await next.click();
    await page.getByLabel("Yes").check();
    await next.click();

    // A reload keeps the answers: the draft lives in localStorage until it is submitted.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Check and submit" }).waitFor();
    await page.getByText("Aalborg").first().waitFor();
    await expectNoAxeViolations();
    await shot("questionnaire-summary");
    await page.getByRole("button", { name: "Submit questionnaire" }).click();
    await page.getByText("Thank you, the questionnaire has been submitted.").waitFor();
  });

  it("approves the questionnaire and shows the suggestions with their reasons", async () => {
    await open("/questionnaires");
    const row = page.getByRole("row", { name: /Aalborg/ });
    // Approval goes through the review page: the whole submission, the match, the diff, a confirmation.
    await row.getByRole("link", { name: named("Review", "Aalborg") }).click();
    await page
      .getByText("Aalborg is new: approval publishes the draft made from these answers.")
      .waitFor();
    await page.getByRole("button", { name: "Approve…" }).click();
    await page.getByRole("button", { name: "Yes, approve" }).click();
    await status().getByText("Aalborg has been approved.").waitFor();
    await expectNoAxeViolations();
    await shot("questionnaires");

    await row.getByRole("link", { name: named("See suggestions", "Aalborg") }).click();
    await page.getByRole("heading", { level: 1, name: "Suggested partners for Aalborg" }).waitFor();
    const first = page.locator("article.suggestion").first();
    await first.getByText("Shared areas").waitFor();
    await expect.poll(() => first.textContent()).toMatch(/of 40 points/);
    await expect.poll(() => first.textContent()).toMatch(/Situation fit.*of 20 points/);
    expect(await page.locator("article.suggestion").count()).toBeGreaterThan(0);
    await expectNoAxeViolations();
    await shot("suggestions");
  });

  it("runs a national round and accepts one proposed pair", async () => {
    await open("/rounds");
    // Only Danish partners: Aalborg, just approved, so the round stays small and predictable.
    await page.getByLabel("Denmark").check();
    await page.getByRole("button", { name: "Run the round" }).click();
    await page.getByRole("heading", { level: 2, name: "Proposed pairs" }).waitFor();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const checkboxes = rows.getByRole("checkbox");
    for (let i = (await checkboxes.count()) - 1; i > 0; i--) await checkboxes.nth(i).uncheck();
    const hromada = await rows
      .first()
      .locator("th")
      .evaluate((th) => th.firstChild?.textContent ?? "");
    await rows.first().getByText("Why").click();
    await rows.first().getByText("Shared areas").waitFor();
    await expectNoAxeViolations();
    await shot("round");

    await page.getByRole("button", { name: "Accept 1 selected pair" }).click();
    await status().getByText("1 pair accepted.").waitFor();
    pairTitle = `${hromada.trim()} – Aalborg`;
  });

  it("moves the accepted pair through the pipeline by keyboard, refuses an illegal drop and shows history", async () => {
    expect(pairTitle, "the round test accepts the pair this test moves").not.toBe("");
    await open("/pipeline");
    const column = (stage: string) =>
      page.getByRole("region", { name: new RegExp(`^${stage} \\(`) });
    const card = (stage: string) => column(stage).getByRole("article", { name: pairTitle });
    // Accepted round pairs start at "contact".
    await card("Contact").waitFor();

    // Keyboard: focus the card's Move button, open the menu, the first allowed move has focus.
    await card("Contact")
      .getByRole("button", { name: named("Move", pairTitle) })
      .focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Move to Letter of intent");
    await page.keyboard.press("Enter");
    await status().getByText(`${pairTitle} moved to Letter of intent.`).waitFor();
    await card("Letter of intent").waitFor();
    // Focus follows the card into its new column.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("ARTICLE");

    // Drag and drop to a stage the machine does not allow: the API answers 409 with the allowed moves.
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await card("Letter of intent").dispatchEvent("dragstart", { dataTransfer });
    await column("Active").dispatchEvent("dragover", { dataTransfer });
    await column("Active").dispatchEvent("drop", { dataTransfer });
    const alert = page.getByRole("alert");
    await alert.getByText("A partnership cannot move from Letter of intent to Active.").waitFor();
    await alert.getByRole("button", { name: "Move to Council decision" }).waitFor();
    await shot("pipeline-illegal");
    await alert.getByRole("button", { name: "Move to Council decision" }).click();
    await status().getByText(`${pairTitle} moved to Council decision.`).waitFor();

    const moved = card("Council decision");
    await moved.getByRole("button", { name: named("History", pairTitle) }).click();
    await moved.getByText("Letter of intent → Council decision").waitFor();
    await moved.getByText("Contact → Letter of intent").waitFor();
    await expectNoAxeViolations();
    await shot("pipeline");
  });

  it("plans a conference of 11 hromadas and 11 partners over 3 rounds at 11 tables", async () => {
    const ids = async (kind: string) => {
      const response = await fetch(`${server.url}/api/v1/municipalities?kind=${kind}&limit=11`);
      const body = (await response.json()) as { items: { id: string }[] };
      return body.items.map((m) => m.id);
    };
    const participants = [...(await ids("hromada")), ...(await ids("partner"))];
    expect(participants).toHaveLength(22);

    await open("/conferences");
    await page.getByLabel("Name of the conference").fill("Kyiv matchmaking 2026");
    await page.getByLabel("Date").fill("2026-05-20");
    await page.getByRole("button", { name: "Create conference" }).click();
    await page.getByRole("heading", { level: 1, name: "Kyiv matchmaking 2026" }).waitFor();
    await page.getByLabel("Municipality id").fill(participants.join("\n"));
    await page.getByRole("button", { name: "Add participant" }).click();
    await page.getByRole("heading", { level: 2, name: "22 participants" }).waitFor();

    expect(await page.getByLabel("Rounds").inputValue()).toBe("3");
    expect(await page.getByLabel("Tables").inputValue()).toBe("11");
    await page.getByRole("button", { name: "Generate schedule" }).click();
    const grid = page.getByRole("table", { name: "Meetings by round (3) and table (11)" });
    await grid.waitFor();
    expect(await grid.locator("tbody tr").count()).toBe(3);
    expect(await grid.locator("thead th").count()).toBe(12);
    await status()
      .getByText(/\d+ meetings scheduled\./)
      .waitFor();
    await expectNoAxeViolations();
    await shot("conference");
    await page.emulateMedia({ media: "print" });
    await shot("conference-print");
    await page.emulateMedia({ media: "screen" });
  });

  it("records a decision on a Russian or Belarusian tie from the review page", async () => {
    await open("/ties");
    const toggle = page.getByRole("button", { name: /^Record decision\s*:/ }).first();
    const title = ((await toggle.textContent()) ?? "").replace(/^Record decision:\s*/, "");
    await toggle.click();
    const form = page.getByRole("form", { name: `Record the decision on ${title}` });
    await form.getByLabel("New status").selectOption("frozen");
    await form.getByLabel("Decision date").fill("2026-03-01");
    await form.getByLabel("Decision", { exact: true }).fill("Frozen by the council (e2e).");
    await expectNoAxeViolations();
    await shot("ties-decision");
    // The form sends the version it was read at as If-Match; the API answers with the new version.
    await form.getByRole("button", { name: "Save decision" }).click();
    await status().getByText(`Decision recorded: ${title} is now Frozen.`).waitFor();
    await page.getByRole("row", { name: /Frozen by the council \(e2e\)\./ }).waitFor();
  });

  it("shows the ties review and the statistics without axe violations", async () => {
    await open("/ties");
    await page.getByText("Ties by status").or(page.getByLabel("Ties by status")).first().waitFor();
    await expectNoAxeViolations();
    await shot("ties");
    await open("/statistics");
    await page.getByRole("heading", { level: 2, name: "Partnerships by stage" }).waitFor();
    await page.getByText("Show the table: Partnerships by stage").click();
    await page.getByRole("table", { name: "Partnerships by stage" }).waitFor();
    await expectNoAxeViolations();
    await shot("statistics", false);
    await page.getByRole("heading", { level: 2, name: "Waiting list" }).scrollIntoViewIfNeeded();
    await shot("statistics-waiting", false);
  });

  it("fits a phone screen in Ukrainian on the pipeline and the questionnaire", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await open("/pipeline");
    await page.getByLabel("Language").selectOption("uk");
    await page.getByRole("heading", { level: 1, name: "Етапи партнерств" }).waitFor();
    await page.getByRole("region", { name: /^Контакт \(/ }).waitFor();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations();
    await shot("pipeline-uk-phone");
    await open("/questionnaire");
    await page.getByRole("heading", { level: 1, name: "Анкета щодо партнерства" }).waitFor();
    await page.getByRole("button", { name: "Далі" }).click();
    await page.getByText("Заповніть це поле.").first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot("questionnaire-uk-phone");
    await page.getByLabel("Мова").selectOption("en");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
