import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DASHBOARD_DIR,
  hasReferenceData,
  type RunningServer,
  requireChromium,
  SKIP_BROWSER,
  STUBBED,
  startServer,
} from "./server";

// Owners keeping their profile, in Chromium against the real API and by keyboard: a coordinator
// reviews a questionnaire that names one municipality with another's number (refused until the
// municipality is picked).

const SHOTS = join(DASHBOARD_DIR, "test-results");
const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const COORDINATOR = { email: "coordinator@pobratym.test", password: "e2e coordinator password" };
process.env.POBRATYM_COORDINATOR_EMAIL ??= COORDINATOR.email;
process.env.POBRATYM_COORDINATOR_PASSWORD ??= COORDINATOR.password;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe.skipIf(SKIP_BROWSER || STUBBED)("owners' pages in Chromium against the API", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    server = await startServer();
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
  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `owners-${name}.png`), fullPage: true });
  const expectNoAxeViolations = async () => {
    await page.addScriptTag({ content: await axeSource });
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
  /** Moves focus with Tab until `target` has it (at most `max` presses), so a step is keyboard-only. */
  const tabTo = async (target: ReturnType<Page["locator"]>, max = 80) => {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("Tab never reached the element");
  };
  const api = async (path: string, init: RequestInit = {}) => {
    const cookies = await context.cookies(server.url);
    return fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
        ...(init.headers ?? {}),
      },
    });
  };

  const signIn = async (email: string, password: string, next: string) => {
    await open(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Password").press("Enter");
  };

  it("refuses a questionnaire that names Tromsø with Oslo's number until the municipality is picked", async () => {
    // Oslo (0301) and Tromsø (5501) come from the reference catalogue, or are added here.
    await signIn(COORDINATOR.email, COORDINATOR.password, "/questionnaires");
    await page.getByRole("heading", { level: 1, name: "Submitted questionnaires" }).waitFor();
    if (!hasReferenceData) {
      for (const [code, name] of [
        ["0301", "Oslo"],
        ["5501", "Tromsø"],
      ] as const) {
        const res = await api("/municipalities", {
          method: "POST",
          body: JSON.stringify({
            kind: "partner",
            country: "NO",
            officialCode: code,
            names: { local: name },
            region: { code: "03", name: "Oslo" },
          }),
        });
        expect([201, 409]).toContain(res.status);
      }
    }
    const submitted = await fetch(`${server.url}/api/v1/questionnaires`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        municipality: {
          country: "NO",
          officialCode: "0301",
          name: "Tromsø",
          region: { code: "55", name: "Troms" },
        },
        contact: { name: "Kari Nordmann", email: "kari@tromso.example", languages: ["nb"] },
        motivation: "We want to share our experience of heating in the dark season.",
        expertise: [{ area: "energy-heating", experience: "expert" }],
        capacity: { partnerships: 1, staffHoursPerMonth: 40, annualBudgetEur: 30000 },
        preferences: { regions: [], zone: "any", size: "any" },
        languages: ["nb", "en"],
        politicalDecision: { taken: true },
      }),
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };

    await open("/questionnaires");
    const review = page.getByRole("link", { name: /^Review\s*:\s*Tromsø$/ });
    await tabTo(review);
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { level: 1, name: "Review the questionnaire from Tromsø" })
      .waitFor();
    await page
      .getByText(
        "The answers do not match the catalogue. Municipality number 0301 belongs to Oslo.",
      )
      .waitFor();
    await page.getByText("The name typed, Tromsø, is not a name or alias of Oslo.").waitFor();
    await page.getByRole("table", { name: "What approval changes in Oslo" }).waitFor();
    await page.getByText("kari@tromso.example").waitFor();
    await expectNoAxeViolations();
    await shot("review-mismatch");

    // Approve as typed: the confirmation opens with focus on "Yes, approve"; the API refuses.
    await tabTo(page.getByRole("button", { name: "Approve…" }));
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Yes, approve");
    await expectNoAxeViolations();
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .getByText(
        "Approval refused: the answers do not match Oslo. Choose the municipality explicitly to approve.",
      )
      .waitFor();
    await shot("review-refused");
    const still = await api(`/questionnaires/${id}`);
    expect(((await still.json()) as { status: string }).status).toBe("submitted");
    const oslo = (await (await api("/municipalities/no-0301")).json()) as {
      municipality: { description?: string };
      offers: unknown[];
    };
    expect(oslo.municipality.description ?? "").not.toContain("dark season");

    // Pick Tromsø explicitly (the search is pre-filled with the typed name) and approve.
    const option = page.getByRole("radio", { name: /^Tromsø, .*\(number 5501\)$/ });
    await tabTo(option);
    await page.keyboard.press("Space");
    await page.getByText("You chose Tromsø; the name typed is not compared.").waitFor();
    await page.getByRole("table", { name: "What approval changes in Tromsø" }).waitFor();
    await tabTo(page.getByRole("button", { name: "Approve…" }));
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Tromsø has been approved.").waitFor();
    const tromso = (await (await api("/municipalities/no-5501")).json()) as {
      municipality: { description?: string };
    };
    expect(tromso.municipality.description).toContain("dark season");
  });
});
