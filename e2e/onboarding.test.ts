import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { launchChromium, screenshotter, visible } from "./support/browser.js";

/**
 * The first-run journey through the real UI, in Debian's Chromium against the real server:
 * onboarding → the app → a partner created through the form → found with the search box →
 * sign out → sign in again. The steps share one browser page and run in order.
 */
describe("onboarding and the partner registry", () => {
  const baseUrl = inject("baseUrl");
  const admin = {
    organization: "Northwind Outsourcing Ltd",
    name: "Ada Lovelace",
    email: "ada@northwind.example",
    password: "correct horse battery staple",
  };
  const partnerName = `Bangalore Code Works ${Date.now().toString(36)}`;

  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (step: string) => Promise<string>;
  const pageErrors: string[] = [];
  /** The browser console's errors and warnings, shown when a step fails. */
  const consoleLines: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1366, height: 860 },
      locale: "en-GB",
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") consoleLines.push(`[${m.type()}] ${m.text()}`);
    });
    shot = screenshotter(page, "onboarding");
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await shot(`FAILED-${task.name.replace(/\W+/g, "-")}`).catch(() => undefined);
      if (consoleLines.length)
        console.error(`Browser console so far:\n${consoleLines.slice(-20).join("\n")}`);
    });
  });

  test("a fresh installation opens on onboarding, which creates the organization and signs the admin in", async () => {
    await page.goto("/");
    await page.waitForURL(/\/setup$/);
    await visible(page.getByRole("heading", { name: "Set up Outsight" }));
    await shot("setup-empty");

    await field(page, "Organization name").fill(admin.organization);
    await field(page, "Full name").fill(admin.name);
    await field(page, "Work email").fill(admin.email);
    await field(page, "Password").fill(admin.password);
    await field(page, "Repeat password").fill(admin.password);
    await shot("setup-filled");
    await page.getByRole("button", { name: "Create organization" }).click();

    // Lands in the signed-in app: the header names the organization and the user.
    await page.waitForURL((url) => !url.pathname.startsWith("/setup"));
    await visible(page.getByRole("button", { name: "Account menu" }));
    await visible(page.getByText(admin.organization));
    await visible(page.getByRole("heading", { name: /^Welcome, Ada/ }));
    await shot("app-after-setup");
  });

  test("the partners page starts empty and offers to create one", async () => {
    await page.getByRole("link", { name: "Partners", exact: true }).click();
    await page.waitForURL(/\/partners$/);
    await visible(page.getByRole("heading", { name: "Partners" }));
    await visible(page.getByText("No partners yet"));
    await shot("partners-empty");
  });

  test("a partner is created through the form", async () => {
    await page.getByRole("link", { name: "New partner" }).click();
    await page.waitForURL(/\/partners\/new$/);

    await (await visible(field(page, "Name"))).fill(partnerName);
    await pickOption(page, "Country", "India");
    await pickOption(page, "Category", "Software development");
    await shot("partner-form-filled");
    await page.getByRole("button", { name: "Create partner" }).click();

    // Saved: we leave the form for the partner's page, which shows its name.
    await page.waitForURL((url) => /\/partners\/[0-9a-f-]{36}/.test(url.pathname));
    await visible(page.getByRole("heading", { name: partnerName }));
    await shot("partner-created");
  });

  test("the new partner is found in the list with the search box", async () => {
    await page.goto("/partners");
    const search = await visible(page.getByRole("textbox", { name: "Search partners" }));
    await search.fill("code works");
    await page.waitForURL(/[?&]q=code(\+|%20)works/);
    const row = await visible(page.getByRole("row").filter({ hasText: partnerName }));
    expect(await row.textContent()).toContain("India");
    await shot("partners-search-hit");

    await search.fill("no such partner anywhere");
    await visible(page.getByText("No partners match"));
    await shot("partners-search-miss");
  });

  test("the admin signs out, is refused with a wrong password, and signs back in", async () => {
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await visible(page.getByRole("heading", { name: "Sign in" }));

    // Signed out for real: the app sends us back to sign-in.
    await page.goto("/partners");
    await page.waitForURL(/\/sign-in/);
    await shot("signed-out");

    await field(page, "Email").fill(admin.email);
    await field(page, "Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await visible(page.getByText("Wrong email or password"));
    await shot("sign-in-refused");

    await field(page, "Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where we were going before sign-in, with the data still there.
    await page.waitForURL((url) => url.pathname === "/partners");
    await visible(page.getByRole("button", { name: "Account menu" }));
    await visible(page.getByRole("row").filter({ hasText: partnerName }));
    await shot("signed-in-again");
  });

  test("the partner's Overlap tab shows the hours its site shares with ours", async () => {
    // Sites through the API with the browser's own session (the forms are covered elsewhere).
    const weekdays = [1, 2, 3, 4, 5];
    const ours = await page.request.post("/api/v1/organization/sites", {
      data: {
        name: "London HQ",
        country: "GB",
        city: "London",
        timeZone: "Europe/London",
        workingHours: { start: "09:00", end: "17:00", days: weekdays },
      },
    });
    expect(ours.status()).toBe(201);
    const found = await page.request.get(`/api/v1/partners?q=${encodeURIComponent(partnerName)}`);
    const partnerId: string = (await found.json()).items[0].id;
    const theirs = await page.request.post(`/api/v1/partners/${partnerId}/sites`, {
      data: {
        name: "Bengaluru centre",
        country: "IN",
        city: "Bengaluru",
        timeZone: "Asia/Kolkata",
        workingHours: { start: "09:30", end: "18:30", days: weekdays },
      },
    });
    expect(theirs.status()).toBe(201);

    await page.goto(`/partners/${partnerId}`);
    await page.getByRole("tab", { name: /^Overlap/ }).click();
    await visible(page.getByRole("heading", { name: "Working-time overlap" }));
    // London 09:00–17:00 and Kolkata 09:30–18:30 share 4 h (winter) to 5 h (summer): low risk.
    await visible(page.getByText(/London HQ ↔ Bengaluru centre/));
    await visible(page.getByText("Low risk"));
    await shot("partner-overlap");
  });

  test("a country page shows the governance indicators with their source, and our partner there", async () => {
    await page.getByRole("link", { name: "Countries", exact: true }).click();
    await page.waitForURL(/\/countries$/);
    await page.getByPlaceholder("Search countries…").fill("India");
    await page
      .getByRole("row")
      .filter({ hasText: /^\W*India/ })
      .first()
      .click();
    await page.waitForURL(/\/countries\/IN$/);
    await visible(page.getByRole("heading", { name: /India/ }).first());
    await visible(page.getByRole("heading", { name: "Governance indicators" }));
    await visible(page.getByText("Political stability and absence of violence").first());
    await visible(page.getByText(/The World Bank: Worldwide Governance Indicators/).first());
    // The partner created earlier has its headquarters in India.
    await visible(page.getByText(partnerName).first());
    await shot("country-india");
  });

  test("the browser saw no uncaught page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A form control by its whole label. Required fields' labels end with an asterisk ("Password *"),
 * and a plain substring match would confuse "Password" with "Repeat password".
 */
function field(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${escapeRegExp(label)}\\s*\\*?$`, "i"));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Opens a select (Mantine combobox) by its label, types to filter, and picks the option whose
 * label ends with `option` (country options start with a flag).
 */
async function pickOption(page: Page, label: string, option: string): Promise<void> {
  const input = await visible(field(page, label));
  await input.click();
  if (await input.isEditable()) await input.fill(option);
  await page.getByRole("option", { name: new RegExp(`(^|\\s)${escapeRegExp(option)}$`) }).click();
}
