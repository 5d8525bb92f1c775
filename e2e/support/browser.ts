import fs from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { ROOT } from "./server.js";

/** Screenshots land here (gitignored). */
export const SHOTS = path.join(ROOT, ".tmp", "e2e");

/** Debian's Chromium, never a Playwright-downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Debian Chromium with flags that keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Takes numbered full-page screenshots of one test file's steps. */
export function screenshotter(page: Page, prefix: string) {
  let n = 0;
  return async (step: string): Promise<string> => {
    await fs.mkdir(SHOTS, { recursive: true });
    await settle(page);
    n += 1;
    const file = path.join(SHOTS, `${prefix}-${String(n).padStart(2, "0")}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

/**
 * Best effort before a screenshot: requests finished, lazy route chunks and loaders gone, and
 * animations (notifications, menus) done. Never fails the test.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await page
    .locator(".mantine-Loader-root, .mantine-Skeleton-root")
    .first()
    .waitFor({ state: "detached", timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Waits until the locator is visible (a clearer failure than a timeout inside an action). */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: "visible", timeout });
  return locator.first();
}
