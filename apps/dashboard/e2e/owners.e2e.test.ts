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
// municipality is picked); an invited editor edits their municipality's profile and contact
// persons, and resolves a version conflict without losing what they typed. The steps share the
// coordinator's browser context and run in order.

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
    await editorContext?.close();
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
  const expectNoAxeViolations = () => expectNoAxeViolationsOn(page);
  const expectNoAxeViolationsOn = async (on: Page) => {
    // Through evaluate, which the page's CSP does not govern (an inline script tag it blocks).
    await on.evaluate(await axeSource);
    const violations = await on.evaluate(async () => {
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

  const signIn = async (email: string, password: string, next: string, on: Page = page) => {
    await on.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
    await on.getByLabel("Email address").fill(email);
    await on.getByLabel("Password").fill(password);
    await on.getByLabel("Password").press("Enter");
  };

  /** Invites an editor of `municipalityId` as the signed-in coordinator and accepts the invite. */
  const inviteEditor = async (municipalityId: string, email: string) => {
    const invite = await api("/invites", {
      method: "POST",
      body: JSON.stringify({ email, role: "editor", municipalityId }),
    });
    expect(invite.status, await invite.clone().text()).toBe(201);
    const { token } = (await invite.json()) as { token: string };
    const password = "an editor's long password";
    const accepted = await fetch(`${server.url}/api/v1/invites/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, name: `Editor of ${municipalityId}`, password }),
    });
    expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
    return { email, password };
  };
  /** A second browser context (another person), signed in as `who` or anonymous. */
  const otherPerson = async (who?: { email: string; password: string }, next = "/") => {
    const ctx = await browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const p = await ctx.newPage();
    p.setDefaultTimeout(15_000);
    if (who) {
      await signIn(who.email, who.password, next, p);
      await p.getByRole("button", { name: "Sign out" }).first().waitFor();
    }
    return { ctx, page: p };
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

  const VAXJO = "se-0780";
  let editor: { email: string; password: string };
  let editorPage: Page;
  let editorContext: BrowserContext;

  it("shows editing controls to the municipality's own editor only", async () => {
    if (!hasReferenceData) {
      const res = await api("/municipalities", {
        method: "POST",
        body: JSON.stringify({
          kind: "partner",
          country: "SE",
          officialCode: "0780",
          names: { local: "Växjö" },
          region: { code: "07", name: "Kronobergs län" },
        }),
      });
      expect([201, 409]).toContain(res.status);
    }
    editor = await inviteEditor(VAXJO, "editor@vaxjo.example");
    const tromsoEditor = await inviteEditor("no-5501", "editor@tromso.example");

    const anonymous = await otherPerson();
    await anonymous.page.goto(`${server.url}/municipalities/${VAXJO}`);
    await anonymous.page.getByRole("heading", { level: 1, name: "Växjö" }).waitFor();
    expect(await anonymous.page.getByRole("button", { name: "Edit profile" }).count()).toBe(0);
    expect(await anonymous.page.getByRole("heading", { name: "Contact persons" }).count()).toBe(0);
    await anonymous.ctx.close();

    const other = await otherPerson(tromsoEditor);
    await other.page.goto(`${server.url}/municipalities/${VAXJO}`);
    await other.page.getByRole("heading", { level: 1, name: "Växjö" }).waitFor();
    expect(await other.page.getByRole("button", { name: "Edit profile" }).count()).toBe(0);
    await other.ctx.close();

    const own = await otherPerson(editor, `/municipalities/${VAXJO}`);
    editorContext = own.ctx;
    editorPage = own.page;
    await editorPage.getByRole("heading", { level: 1, name: "Växjö" }).waitFor();
    await editorPage.getByRole("button", { name: "Edit profile" }).waitFor();
  });

  it("edits the profile and a contact person by keyboard, with errors in words next to the field", async () => {
    const p = editorPage;
    const tab = async (target: ReturnType<Page["locator"]>) => {
      for (let i = 0; i < 120; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await p.keyboard.press("Tab");
      }
      throw new Error("Tab never reached the element");
    };
    await tab(p.getByRole("button", { name: "Edit profile" }));
    await p.keyboard.press("Enter");
    const about = p.getByLabel("About the municipality");
    await expect.poll(() => about.evaluate((el) => el === document.activeElement)).toBe(true);
    await p.keyboard.press("ControlOrMeta+a");
    await p.keyboard.type("Växjö shares its experience of district heating and water.");
    await tab(p.getByLabel("Website"));
    await p.keyboard.type("vaxjo dot se");
    await tab(p.getByLabel("Partnerships it can carry at once"));
    await p.keyboard.press("ControlOrMeta+a");
    await p.keyboard.type("2");
    await p.keyboard.press("Enter");
    await p.getByText("Enter a web address starting with https://.").waitFor();
    await expect
      .poll(() => p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id))
      .toBe("edit-website");
    await expectNoAxeViolationsOn(p);
    await p.screenshot({ path: join(SHOTS, "owners-edit-errors.png"), fullPage: true });
    await p.keyboard.press("ControlOrMeta+a");
    await p.keyboard.type("https://www.vaxjo.se");
    await p.keyboard.press("Enter");
    await p.getByRole("status").getByText("The profile has been saved.").waitFor();
    await p.getByText("Växjö shares its experience of district heating and water.").waitFor();
    await expect
      .poll(() => p.evaluate(() => document.activeElement?.textContent))
      .toBe("Edit profile");

    // A contact person, added by keyboard.
    await tab(p.getByRole("button", { name: "Add a contact person" }));
    await p.keyboard.press("Enter");
    await p.getByRole("form", { name: "Save contact person" }).getByLabel("Name").fill("Eva Lind");
    await p
      .getByRole("form", { name: "Save contact person" })
      .getByLabel("Email address")
      .fill("eva@vaxjo.example");
    await p.keyboard.press("Enter");
    await p.getByRole("status").getByText("Contact person saved: Eva Lind.").waitFor();
    await p.getByText("eva@vaxjo.example").waitFor();
    const profile = (await (await api(`/municipalities/${VAXJO}`)).json()) as {
      municipality: { capacity: number; website?: string };
      contacts?: { name: string }[];
    };
    expect(profile.municipality).toMatchObject({ capacity: 2, website: "https://www.vaxjo.se" });
    expect(profile.contacts?.map((c) => c.name)).toContain("Eva Lind");
  });

  it("resolves a 412 conflict: keeps what the editor typed and the other person's unrelated change", async () => {
    const p = editorPage;
    await p.getByRole("button", { name: "Edit profile" }).click();
    const about = p.getByLabel("About the municipality");
    await about.fill("Mine: heating, water and schools.");
    // Meanwhile a coordinator saves another field of the same profile.
    const current = await api(`/municipalities/${VAXJO}`);
    const etag = current.headers.get("etag") ?? "";
    const theirs = await api(`/municipalities/${VAXJO}`, {
      method: "PATCH",
      headers: { "if-match": etag },
      body: JSON.stringify({ capacity: 3, website: "https://vaxjo.se/ukraina" }),
    });
    expect(theirs.status, await theirs.clone().text()).toBe(200);

    await about.press("Tab");
    await p.getByRole("button", { name: "Save changes" }).press("Enter");
    const alert = p.getByRole("alert").filter({ hasText: "Someone else changed this profile" });
    await alert.waitFor();
    const table = alert.getByRole("table", { name: "Your changes and the saved profile" });
    await table.getByRole("row", { name: /About the municipality.*Mine: heating/ }).waitFor();
    await table.getByRole("row", { name: /Partnerships it can carry at once.*3/ }).waitFor();
    // Nothing typed is lost; the other person's change is in the form now.
    expect(await about.inputValue()).toBe("Mine: heating, water and schools.");
    expect(await p.getByLabel("Partnerships it can carry at once").inputValue()).toBe("3");
    await expectNoAxeViolationsOn(p);
    await p.screenshot({ path: join(SHOTS, "owners-edit-conflict.png"), fullPage: true });
    await alert.getByRole("button", { name: "Keep mine" }).focus();
    await p.keyboard.press("Enter");
    await p.getByRole("status").getByText("The profile has been saved.").waitFor();
    const after = (await (await api(`/municipalities/${VAXJO}`)).json()) as {
      municipality: { capacity: number; website?: string; description?: string };
    };
    expect(after.municipality).toMatchObject({
      description: "Mine: heating, water and schools.",
      capacity: 3,
      website: "https://vaxjo.se/ukraina",
    });
  });

  it("adds a need to a hromada by keyboard, closes it, and the waiting list follows", async () => {
    const listed = (await (
      await api("/municipalities?kind=hromada&hasPartner=false&limit=1")
    ).json()) as { items: { id: string; names: { latin?: string; local: string } }[] };
    const hromada = listed.items[0];
    expect(hromada, "a hromada without a partner").toBeDefined();
    if (!hromada) return;
    const who = await inviteEditor(hromada.id, "editor@hromada.example");
    const { ctx, page: p } = await otherPerson(who, `/municipalities/${hromada.id}`);
    try {
      await p.getByRole("heading", { level: 2, name: "Needs" }).waitFor();
      const add = p.getByRole("button", { name: "Add a need" });
      await add.focus();
      await p.keyboard.press("Enter");
      const form = p.getByRole("form", { name: /^A need of / });
      // Focus starts on the area; the keyboard picks the options.
      await expect.poll(() => p.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
      await form.getByLabel("Area").selectOption("energy-heating");
      await form.getByLabel("Horizon").selectOption("short-term");
      await form.getByLabel("Priority").selectOption("critical");
      await form.getByLabel("Quantity (number)").fill("-3");
      await form.getByLabel("Unit, such as generators").fill("generators");
      await form.getByLabel("Description").fill("Generators for the water pumps (e2e).");
      await form.getByLabel("Description").press("Tab");
      await p.keyboard.press("Enter");
      // A quantity must be positive: core's issue is `not-above { min: 0 }`, worded in English here.
      await form.getByText("Enter more than 0.").waitFor();
      await expectNoAxeViolationsOn(p);
      await p.screenshot({ path: join(SHOTS, "owners-need-form.png"), fullPage: true });
      await form.getByLabel("Quantity (number)").fill("12");
      await form.getByLabel("Quantity (number)").press("Enter");
      await p.getByRole("status").getByText("Need saved: Energy and heating.").waitFor();
      const shortTerm = p.getByRole("list", { name: "Short-term needs" });
      await shortTerm.getByText("Generators for the water pumps (e2e).").waitFor();
      await shortTerm.getByText("Quantity: 12 generators").waitFor();

      const waiting = async () => {
        const stats = (await (await fetch(`${server.url}/api/v1/statistics`)).json()) as {
          waitingList: { hromadas: { id: string; openNeeds: number }[] };
        };
        return stats.waitingList.hromadas.find((h) => h.id === hromada.id)?.openNeeds ?? 0;
      };
      const before = await waiting();
      expect(before).toBeGreaterThan(0);

      const met = shortTerm
        .getByRole("button", { name: /^Mark as Met\s*:\s*Energy and heating$/ })
        .last();
      await met.focus();
      await p.keyboard.press("Enter");
      await p.getByRole("status").getByText("Energy and heating is now Met.").waitFor();
      expect(await waiting()).toBe(before - 1);
      await expectNoAxeViolationsOn(p);

      // Offers both ways: the hromada offers what it learned under war.
      const addOffer = p.getByRole("button", { name: "Add an offer" });
      await addOffer.focus();
      await p.keyboard.press("Enter");
      const offerForm = p.getByRole("form", { name: /^An offer of / });
      await expect.poll(() => p.evaluate(() => document.activeElement?.tagName)).toBe("SELECT");
      await offerForm.getByLabel("Experience").selectOption("expert");
      await offerForm
        .getByLabel("Description")
        .fill("Keeping the water running through blackouts (e2e).");
      await expectNoAxeViolationsOn(p);
      await offerForm.getByRole("button", { name: "Save offer" }).press("Enter");
      await p
        .getByRole("status")
        .getByText("Offer saved: Crisis preparedness and civil defence.")
        .waitFor();
      await p.getByText("Keeping the water running through blackouts (e2e).").waitFor();
      const offers = (await (
        await fetch(`${server.url}/api/v1/municipalities/${hromada.id}`)
      ).json()) as {
        offers: { area: string; experience: string }[];
      };
      expect(offers.offers).toContainEqual(
        expect.objectContaining({ area: "crisis-preparedness", experience: "expert" }),
      );
      await p.screenshot({ path: join(SHOTS, "owners-hromada-offer.png"), fullPage: true });
      // The statistics count what hromadas offer back.
      const stats = (await (await fetch(`${server.url}/api/v1/statistics`)).json()) as {
        offersByArea: { area: string; hromadas: number }[];
      };
      expect(
        stats.offersByArea.find((r) => r.area === "crisis-preparedness")?.hromadas ?? 0,
      ).toBeGreaterThan(0);
      await p.goto(`${server.url}/statistics`);
      await p.getByRole("heading", { level: 2, name: "What hromadas offer, by area" }).waitFor();
      await expectNoAxeViolationsOn(p);
    } finally {
      await ctx.close();
    }
  });
});
