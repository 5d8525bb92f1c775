import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { screenshotter, visible } from "./support/browser.js";
import { useAdminJourney } from "./support/journey.js";

/** A small questionnaire: a yes/no that reveals a file question, and a scored single choice. */
const content = (title: string) => ({
  title,
  sections: [
    {
      key: "security",
      title: "Information security",
      weight: 1,
      questions: [
        {
          key: "iso_certified",
          text: "Is your delivery centre ISO 27001 certified?",
          type: "yes_no",
          required: true,
          weight: 2,
          riskCategory: "data_security",
        },
        {
          key: "iso_certificate",
          text: "Upload your ISO 27001 certificate",
          type: "file",
          required: true,
          weight: 0,
          showIf: { question: "iso_certified", equals: true },
          riskCategory: "data_security",
        },
        {
          key: "remote_access",
          text: "How is remote access to client systems protected?",
          type: "single_choice",
          required: true,
          weight: 1,
          options: [
            { value: "mfa", label: "Multi-factor authentication", score: 100 },
            { value: "vpn_password", label: "VPN with passwords only", score: 40 },
          ],
          riskCategory: "data_security",
        },
      ],
    },
  ],
});

/** Waits for a message to `to` in the local SMTP server's directory and returns its text. */
async function mailTo(to: string, timeoutMs = 20_000): Promise<string> {
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

/**
 * The due-diligence journey through the real UI, in two browsers: an admin sends a questionnaire to
 * a partner's contact; the invitation arrives at a real local SMTP server; the contact follows the
 * link, sets a password and lands in the portal, answers (a conditional file question appears and
 * takes evidence), and submits; the admin reviews (accepts one answer, flags another and turns it
 * into a risk), completes the assessment, and the partner may now move to contracting, which the
 * gate refused before.
 */
describe("Due diligence: invite, answer in the portal, review, complete", () => {
  const journey = useAdminJourney({ slug: "assessment", adminName: "Ada Review", organization: "DD Org" });
  const { stamp } = journey;
  const contactEmail = `dana-${stamp}@partner.test`;
  const templateTitle = `Security basics ${stamp}`;
  let page: Page;
  let shot: (step: string) => Promise<string>;
  let partnerId = "";
  let assessmentId = "";
  let partnerContext: BrowserContext;
  let portal: Page;
  let portalShot: (step: string) => Promise<string>;

  beforeAll(() => {
    ({ page, shot } = journey);
  });
  afterAll(async () => {
    await partnerContext?.close();
  });

  test("an admin creates and sends a questionnaire; the gate holds the partner back", async () => {
    await journey.signIn();
    // Partner, contact and template through the API with the browser's session (their own pages
    // have their own tests); the assessment itself through the UI.
    const partner = await page.request.post("/api/v1/partners", {
      data: {
        name: `Chennai Code Works ${stamp}`,
        country: "IN",
        category: "software_development",
        status: "due_diligence",
      },
    });
    expect(partner.status()).toBe(201);
    partnerId = (await partner.json()).id;
    const contact = await page.request.post(`/api/v1/partners/${partnerId}/contacts`, {
      data: { name: "Dana Iyer", email: contactEmail, role: "Delivery head", isPrimary: true },
    });
    expect(contact.status()).toBe(201);
    const template = await page.request.post("/api/v1/questionnaire-templates", {
      data: { content: content(templateTitle) },
    });
    expect(template.status()).toBe(201);

    const early = await page.request.patch(`/api/v1/partners/${partnerId}`, {
      data: { status: "contracting" },
    });
    expect(early.status()).toBe(409);
    expect((await early.json()).code).toBe("due_diligence_required");

    await page.goto(`/partners/${partnerId}/assessments`);
    await page.getByRole("button", { name: "New assessment" }).first().click();
    const modal = page.getByRole("dialog", { name: "New assessment" });
    await modal.getByLabel(/^Questionnaire/).click();
    await page.getByRole("option", { name: new RegExp(templateTitle) }).click();
    await visible(modal.getByRole("checkbox", { name: /Dana Iyer/ }));
    expect(await modal.getByRole("checkbox", { name: /Dana Iyer/ }).isChecked()).toBe(true);
    await shot("new-assessment");
    await modal.getByRole("button", { name: "Create draft" }).click();
    const created = page.getByRole("dialog", { name: "Assessment created" });
    await created.getByRole("button", { name: "Send now" }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    assessmentId = page.url().split("/").pop() ?? "";
    await visible(page.getByText("Sent", { exact: true }).first());
    await shot("assessment-sent");
  });

  test("the invitation arrives by email; the contact sets a password and lands in the portal", async () => {
    const mail = await mailTo(contactEmail);
    const link = mail.match(/https?:\/\/[^\s"<>]+\/invitations\/([A-Za-z0-9_-]{20,})/);
    expect(link, "invitation link in the email").not.toBeNull();
    const token = (link as RegExpMatchArray)[1];

    const browser = page.context().browser();
    if (!browser) throw new Error("no browser");
    partnerContext = await browser.newContext({
      baseURL: inject("baseUrl"),
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
    });
    portal = await partnerContext.newPage();
    portal.setDefaultTimeout(15_000);
    portalShot = screenshotter(portal, "assessment-portal");
    await portal.goto(`/invitations/${token}`);
    await visible(portal.getByText(contactEmail));
    await portal.getByLabel(/^Password/).fill("a long partner passphrase");
    await portal.getByLabel(/^Confirm password/).fill("a long partner passphrase");
    await portalShot("accept-invitation");
    await portal.getByRole("button", { name: "Set password and sign in" }).click();
    await portal.waitForURL(/\/portal\/?$/);
    await visible(portal.getByText(templateTitle));
    await portalShot("portal-home");

    // The link works once.
    const again = await portal.request.get(`/api/v1/invitations/accept/${token}`);
    expect(again.status()).toBe(404);
    // The portal user sees nothing of the internal API.
    expect((await portal.request.get("/api/v1/partners")).status()).toBe(403);
  });

  test("the partner answers, uploads the certificate the condition asks for, and submits", async () => {
    await portal.getByRole("link", { name: /Start/ }).first().click();
    await portal.waitForURL(/\/portal\/assessments\//);
    const iso = portal.locator('[data-question="iso_certified"]');
    await visible(iso);
    // The certificate is asked for only once the answer is yes.
    expect(await portal.locator('[data-question="iso_certificate"]').count()).toBe(0);
    await iso.getByRole("radio", { name: "Yes" }).check();
    const certificate = portal.locator('[data-question="iso_certificate"]');
    await visible(certificate);
    await certificate.locator('input[type="file"]').setInputFiles({
      name: "iso-27001-certificate.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await visible(certificate.getByText("iso-27001-certificate.pdf"));
    await portal
      .locator('[data-question="remote_access"]')
      .getByRole("radio", { name: "VPN with passwords only" })
      .check();
    await visible(portal.getByText("All changes saved"));
    await portalShot("portal-answered");

    await portal.getByTestId("submit-for-review").click();
    const confirm = portal.getByRole("dialog", { name: "Submit your answers?" });
    await confirm.getByRole("button", { name: "Submit for review" }).click();
    await visible(portal.getByTestId("submitted-banner"));
    await portalShot("portal-submitted");
  });

  test("the admin reviews: accepts one answer, flags another and turns it into a risk, completes", async () => {
    await page.goto(`/assessments/${assessmentId}`);
    await visible(page.getByText("Submitted", { exact: true }).first());
    await visible(page.locator('[data-question="iso_certificate"]').getByText("iso-27001-certificate.pdf"));
    const iso = page.locator('[data-question="iso_certified"]');
    await iso.getByRole("button", { name: "Accept" }).click();
    await expect
      .poll(() => iso.getByRole("button", { name: "Accept" }).getAttribute("aria-pressed"))
      .toBe("true");

    const remote = page.locator('[data-question="remote_access"]');
    await remote.getByRole("button", { name: "Flag" }).click();
    await expect
      .poll(() => remote.getByRole("button", { name: "Flag" }).getAttribute("aria-pressed"))
      .toBe("true");
    await remote
      .getByRole("textbox", { name: "Reviewer comment" })
      .fill("Passwords alone are not enough for client systems.");
    await remote.getByRole("button", { name: "Create risk" }).click();
    await visible(remote.getByRole("link", { name: /risk/i }));
    await shot("review");

    const risks = await page.request.get(`/api/v1/risks?partnerId=${partnerId}`);
    expect(risks.status()).toBe(200);
    expect((await risks.json()).items).toHaveLength(1);

    await page.getByRole("button", { name: "Complete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Complete the assessment" });
    await dialog.getByRole("radio", { name: "Pass with conditions" }).check();
    await dialog
      .getByRole("textbox", { name: /Conditions or reasons/ })
      .fill("Enforce MFA on the VPN within 90 days.");
    await dialog.getByRole("button", { name: "Complete" }).click();
    await dialog.waitFor({ state: "hidden" });
    await visible(page.getByText("Completed", { exact: true }).first());
    await shot("completed");

    const done = await (await page.request.get(`/api/v1/assessments/${assessmentId}`)).json();
    expect(done.status).toBe("completed");
    expect(done.conclusion).toBe("pass_with_conditions");
    // Yes (weight 2) scores 100, "VPN with passwords only" (weight 1) 40: (200 + 40) / 3 = 80.
    expect(done.score).toBe(80);
  });

  test("with the due diligence done, the partner moves to contracting from its page", async () => {
    await page.goto(`/partners/${partnerId}`);
    await page.getByRole("button", { name: "Move to Contracting" }).click();
    const confirm = page.getByRole("dialog", { name: /to Contracting\?/ });
    await confirm.getByRole("button", { name: "Move to Contracting" }).click();
    await confirm.waitFor({ state: "hidden" });
    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/partners/${partnerId}`)).json()).status)
      .toBe("contracting");
    await shot("lifecycle-contracting");
  });
});
