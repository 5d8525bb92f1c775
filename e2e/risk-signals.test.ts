import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { visible } from "./support/browser.js";
import { useAdminJourney } from "./support/journey.js";

/**
 * The signals journey through the real UI: a partner in a country of very low political stability
 * takes on a critical service → the engine raises a signal → a risk manager accepts it in the
 * inbox → the new risk appears in the register's heat map, in the cell of the signal's ratings.
 * The organization is created with `outsight create-admin` next to the running server, so this
 * file does not depend on the onboarding journey.
 */
describe("risk signals become risks on the heat map", () => {
  const journey = useAdminJourney({
    slug: "signals",
    adminName: "Rhea Signals",
    organization: "Signals Org",
  });
  const { stamp } = journey;
  const partnerName = `Karachi Back Office ${stamp}`;
  let page: Page;
  let shot: (step: string) => Promise<string>;
  beforeAll(() => {
    ({ page, shot } = journey);
  });

  const residualCell = (l: number, i: number) => page.getByTestId(`heat-residual-${l}-${i}`);

  test("a critical service in Pakistan raises a political-stability signal", async () => {
    await journey.signIn();

    // Facts through the API with the browser's session (the partner forms are covered elsewhere).
    const partner = await page.request.post("/api/v1/partners", {
      data: { name: partnerName, country: "PK", category: "bpo_customer_service" },
    });
    expect(partner.status()).toBe(201);
    const partnerId = (await partner.json()).id;
    const service = await page.request.post(`/api/v1/partners/${partnerId}/services`, {
      data: { name: "Payroll processing", function: "Finance", criticality: "critical" },
    });
    expect(service.status()).toBe(201);

    await page.getByRole("link", { name: "Risk signals" }).click();
    const card = page
      .getByTestId("signal-card")
      .filter({ hasText: `${partnerName}: low political stability` });
    await visible(card);
    await visible(card.getByText(/political stability percentile 3\.3 is below the bound 25/));
    await shot("signal-raised");
  });

  test("the heat map has no risk in the signal's cell before it is accepted", async () => {
    await page.getByRole("link", { name: "Risk register" }).click();
    await page.getByRole("tab", { name: "Heat map" }).click();
    // Percentile 3.3 (< 10) → likelihood 4; critical service → impact 5.
    await expect.poll(() => residualCell(4, 5).getAttribute("aria-label")).toMatch(/: 0 risks$/);
  });

  test("accepting the signal creates a linked risk that lands in the heat map", async () => {
    await page.getByRole("link", { name: "Risk signals" }).click();
    const card = page
      .getByTestId("signal-card")
      .filter({ hasText: `${partnerName}: low political stability` });
    await card.getByRole("button", { name: "Accept as risk" }).click();
    await visible(card.getByRole("link", { name: "View risk" }));
    await shot("signal-accepted");

    await page.getByRole("link", { name: "Risk register" }).click();
    await visible(page.getByRole("row").filter({ hasText: partnerName }));
    await page.getByRole("tab", { name: "Heat map" }).click();
    await expect.poll(() => residualCell(4, 5).getAttribute("aria-label")).toMatch(/: 1 risk$/);
    await expect
      .poll(() => page.getByTestId("heat-inherent-4-5").getAttribute("aria-label"))
      .toMatch(/: 1 risk$/);
    await residualCell(4, 5).click();
    const cellList = page.getByLabel("Risks in the residual cell");
    await visible(cellList.getByText(/^1 risk · score 20/));
    await visible(cellList.getByRole("row").filter({ hasText: `${partnerName}: low political stability` }));
    await shot("heatmap-with-accepted-risk");
  });
});
