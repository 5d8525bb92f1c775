import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { SHOTS, screenshotter, visible } from "./support/browser.js";
import { useAdminJourney } from "./support/journey.js";

/** A real two-page PDF with text on each page, as a specification someone would share. */
async function specificationPdf(title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [n, line] of ["Billing platform architecture", "Interfaces and data flows"].entries()) {
    const page = pdf.addPage([595, 842]);
    page.drawText(`${line} (page ${n + 1} of 2)`, { x: 60, y: 760, size: 18, font });
    page.drawText("Confidential: for the partner's delivery team only.", { x: 60, y: 730, size: 11, font });
  }
  return Buffer.from(await pdf.save());
}

/** Waits for a message to `to` in the local SMTP server's directory and returns its text. */
async function mailTo(to: string, timeoutMs: number): Promise<string> {
  const dir = inject("mailDir");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), "utf8");
      if (text.split("\n", 1)[0].includes(to)) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
}

/** Runs a poppler tool; fails with its output when it does not exit 0. */
function poppler(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: "utf8", timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Secure document exchange through the real UI, in two browsers: an admin uploads a confidential
 * PDF to a partner's room; sharing it is refused until an NDA is in force, then the share is live;
 * the partner's portal user downloads a copy marked for them (visible text, renders); the admin
 * traces that very file back to the user and finds the download in the document's access log.
 */
describe("Documents: share under NDA, a marked copy downloaded in the portal, the leak traced", () => {
  const journey = useAdminJourney({ slug: "documents", adminName: "Dora Docs", organization: "Docs Org" });
  const { stamp } = journey;
  const partnerName = `Pune Data Services ${stamp}`;
  const title = `Billing platform architecture ${stamp}`;
  const portalUser = {
    name: "Priya Nair",
    email: `priya-${stamp}@partner.test`,
    password: "a long partner passphrase",
  };
  const downloaded = path.join(SHOTS, `documents-${stamp}-downloaded.pdf`);
  let page: Page;
  let shot: (step: string) => Promise<string>;
  let partnerId = "";
  let documentId = "";
  let partnerContext: BrowserContext;
  let copyId = "";

  beforeAll(() => {
    ({ page, shot } = journey);
  });
  afterAll(async () => {
    await partnerContext?.close();
  });

  test("an admin uploads a confidential PDF to the partner's room", async () => {
    await journey.signIn();
    // The partner and its portal user through the API with the browser's session (their own pages
    // have their own tests); the document through the UI.
    const partner = await page.request.post("/api/v1/partners", {
      data: { name: partnerName, country: "IN", category: "software_development" },
    });
    expect(partner.status()).toBe(201);
    partnerId = (await partner.json()).id;
    const user = await page.request.post("/api/v1/users", {
      data: { ...portalUser, role: "partner", partnerId },
    });
    expect(user.status()).toBe(201);

    await page.goto("/documents");
    await page.getByRole("button", { name: "Upload" }).first().click();
    const modal = page.getByRole("dialog", { name: "Upload a document" });
    await modal.getByLabel(/^Title/).fill(title);
    await modal.getByRole("radio", { name: /^Confidential/ }).click();
    await modal.getByLabel("Partner", { exact: true }).fill(`Pune Data Services ${stamp}`);
    await page.getByRole("option", { name: partnerName }).click();
    await modal.locator('input[type="file"]').setInputFiles({
      name: "billing-architecture.pdf",
      mimeType: "application/pdf",
      buffer: await specificationPdf(title),
    });
    await visible(modal.getByText("billing-architecture.pdf"));
    await shot("upload");
    await modal.getByRole("button", { name: "Upload", exact: true }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    documentId = page.url().split("/").pop() ?? "";
    await visible(page.getByRole("heading", { name: new RegExp(title) }));
    await visible(page.getByText("Confidential").first());
    await visible(page.getByText("Not shared with anyone"));
  });

  test("sharing is refused without an NDA in force, and goes live once one is recorded", async () => {
    await page.getByRole("button", { name: "Share", exact: true }).first().click();
    const modal = page.getByRole("dialog", { name: `Share ${title}` });
    await visible(modal.getByText(/No NDA in force with this partner/));
    const allowDownload = modal.getByRole("switch", { name: "Allow download" });
    await allowDownload.check();
    expect(await allowDownload.isChecked()).toBe(true);
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/documents/${documentId}/shares`) && r.request().method() === "POST",
    );
    await modal.getByRole("button", { name: "Share", exact: true }).click();
    const answer = await refused;
    expect(answer.status()).toBe(409);
    expect((await answer.json()).code).toBe("nda_required");
    await visible(modal.getByText("An NDA must be in force first"));
    await visible(modal.getByRole("link", { name: "Record an NDA" }));
    await shot("nda-required");

    // The NDA through the API with the admin's session (the register's form has its own tests).
    const today = new Date().toISOString().slice(0, 10);
    const nda = await page.request.post("/api/v1/ndas", {
      data: {
        partnerId,
        type: "mutual",
        scope: "Billing platform specifications and data",
        effectiveDate: today,
        signatories: [{ name: "Dora Docs", role: "CTO", party: "ours" }],
      },
    });
    expect(nda.status()).toBe(201);

    // The same form, shared again: accepted now.
    await modal.getByRole("button", { name: "Share", exact: true }).click();
    await modal.waitFor({ state: "hidden" });
    const row = page.getByRole("row").filter({ hasText: partnerName });
    await visible(row.getByText("Live", { exact: true }));
    await visible(row.getByText("Allowed", { exact: true }));
    await shot("shared");
  });

  test("the partner's portal user downloads a copy marked for them", async () => {
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    partnerContext = await browser.newContext({
      baseURL: inject("baseUrl"),
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      acceptDownloads: true,
    });
    const portal = await partnerContext.newPage();
    portal.setDefaultTimeout(15_000);
    const portalShot = screenshotter(portal, "documents-portal");
    await portal.goto("/sign-in");
    await portal.getByLabel(/^Email/).fill(portalUser.email);
    await portal.getByRole("textbox", { name: "Password" }).fill(portalUser.password);
    await portal.getByRole("button", { name: "Sign in" }).click();
    await portal.waitForURL(/\/portal\/?$/);

    const card = portal.getByTestId("portal-document").filter({ hasText: title });
    await visible(card);
    await visible(card.getByText("Confidential"));
    await portalShot("shared-documents");
    const [download] = await Promise.all([
      portal.waitForEvent("download", { timeout: 30_000 }),
      card.getByRole("link", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await download.saveAs(downloaded);

    // The copy is a real PDF: it carries the recipient's visible mark and still renders.
    const bytes = fs.readFileSync(downloaded);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = poppler("pdftotext", ["-layout", downloaded, "-"]);
    expect(text).toContain(portalUser.email);
    expect(text).toContain("Interfaces and data flows");
    const prefix = path.join(SHOTS, `documents-${stamp}-page`);
    poppler("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "1", downloaded, prefix]);
    const rendered = fs.readdirSync(SHOTS).filter((f) => f.startsWith(`documents-${stamp}-page`));
    expect(rendered).toHaveLength(1);
    expect(fs.statSync(path.join(SHOTS, rendered[0])).size).toBeGreaterThan(1_000);
  });

  test("the admin traces the downloaded file back to the portal user", async () => {
    await page.goto("/documents");
    await page.getByRole("button", { name: "Trace a leaked file" }).click();
    await page.waitForURL(/\/documents\/trace$/);
    await page.getByTestId("trace-dropzone").locator('input[type="file"]').setInputFiles(downloaded);
    const found = page.getByTestId("trace-found");
    await visible(found, 30_000);
    await visible(found.getByText(`This copy was delivered to ${portalUser.name}`));
    await visible(found.getByRole("link", { name: portalUser.email }));
    await visible(found.getByRole("link", { name: title }));
    await visible(found.getByRole("link", { name: partnerName }));
    await visible(found.getByText("Downloaded as a file"));
    copyId = (await found.locator("code").first().textContent())?.trim() ?? "";
    expect(copyId).not.toBe("");
    await shot("traced");
  });

  test("the document's access log shows the download by that user, with the traced copy id", async () => {
    await page.goto(`/documents/${documentId}`);
    await page.getByRole("tab", { name: "Access log" }).click();
    const row = page.getByRole("row").filter({ hasText: portalUser.email });
    await visible(row);
    await visible(row.getByText("Downloaded", { exact: true }));
    await visible(row.getByText(partnerName));
    await visible(row.getByText("PDF marks"));
    await visible(row.getByText(copyId, { exact: true }));
    await shot("access-log");
  });

  // Last, because the email outbox is a job that runs once a minute: by now most of that wait is over.
  test("the portal user was told of the share by email", { timeout: 120_000 }, async () => {
    const mail = await mailTo(portalUser.email, 100_000);
    expect(mail).toContain(title);
    expect(mail).toMatch(/\/portal/);
  });
});
