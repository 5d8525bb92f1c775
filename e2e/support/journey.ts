import { spawnSync } from "node:child_process";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { launchChromium, screenshotter, visible } from "./browser.js";
import { ROOT } from "./server.js";

/** What a journey's tests use: the page, screenshots, the admin's credentials and a unique stamp. */
export interface Journey {
  page: Page;
  shot: (step: string) => Promise<string>;
  admin: { email: string; password: string };
  /** Unique per run, for names that must not collide with earlier runs on the same database. */
  stamp: string;
  /** Signs the admin in through the sign-in page. */
  signIn: () => Promise<void>;
}

/**
 * Sets up a journey that starts from its own organization, created with `outsight create-admin`
 * next to the running server (so it does not depend on the onboarding journey), and one Chromium
 * page. On a failed test it saves a screenshot and prints the browser console's errors. Fields of
 * the returned object are filled in `beforeAll`: read them inside hooks and tests.
 */
export function useAdminJourney(opts: { slug: string; adminName: string; organization: string }): Journey {
  const serverEnv = inject("serverEnv");
  const stamp = Date.now().toString(36);
  const journey = {
    stamp,
    admin: { email: `${opts.slug}-${stamp}@example.test`, password: "correct horse battery staple" },
  } as Journey;
  let browser: Browser;
  let context: BrowserContext;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnv, LOG_LEVEL: "silent" };
    if (!serverEnv.DATABASE_URL) delete env.DATABASE_URL;
    const cli = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/cli.ts",
        "create-admin",
        "--email",
        journey.admin.email,
        "--name",
        opts.adminName,
        "--password",
        journey.admin.password,
        "--organization",
        `${opts.organization} ${stamp}`,
      ],
      { cwd: ROOT, env, encoding: "utf8", timeout: 90_000 },
    );
    if (cli.status !== 0) throw new Error(`create-admin failed: ${cli.stdout}${cli.stderr}`);

    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: inject("baseUrl"),
      viewport: { width: 1366, height: 900 },
      locale: "en-GB",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("console", (m) => {
      if (m.type() === "error") consoleLines.push(m.text());
    });
    journey.page = page;
    journey.shot = screenshotter(page, opts.slug);
    journey.signIn = async () => {
      await page.goto("/sign-in");
      await page.getByLabel(/^Email/).fill(journey.admin.email);
      await page.getByRole("textbox", { name: "Password" }).fill(journey.admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await visible(page.getByRole("button", { name: "Account menu" }));
    };
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await journey.shot(`FAILED-${task.name.replace(/\W+/g, "-")}`).catch(() => undefined);
      if (consoleLines.length) console.error(`Browser console:\n${consoleLines.slice(-20).join("\n")}`);
    });
  });

  return journey;
}
