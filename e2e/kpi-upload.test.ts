import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { visible } from "./support/browser.js";
import { useAdminJourney } from "./support/journey.js";

/** The first day of the month `back` months before this one (UTC), as the server counts periods. */
function monthStart(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}

/**
 * The KPI journey through the real UI: an admin defines a service level on a contract, uploads six
 * months of measurements from a CSV file (a dry run first, then the import), sees the last month's
 * breach on the KPI's chart and table, and finds the breach in the notification inbox. A file with
 * a bad row is refused row by row with nothing imported. The organization, partner and contract
 * are set up next to the UI (CLI and API), which other journeys cover.
 */
describe("KPI measurements uploaded from CSV", () => {
  const journey = useAdminJourney({ slug: "kpis", adminName: "Kai Metrics", organization: "KPI Org" });
  const { stamp } = journey;
  const kpiName = `Portal availability ${stamp}`;
  let contractId = "";
  let kpiId = "";
  let page: Page;
  let shot: (step: string) => Promise<string>;
  beforeAll(() => {
    ({ page, shot } = journey);
  });

  /** Chooses a CSV file (held in memory) in the upload page's file input. */
  const chooseCsv = (name: string, csv: string) =>
    page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });

  test("an admin adds a KPI to a contract", async () => {
    await journey.signIn();

    // Partner and contract through the API with the browser's session (their forms have own tests).
    const partner = await page.request.post("/api/v1/partners", {
      data: { name: `Lisbon Hosting ${stamp}`, country: "PT", category: "cloud_saas" },
    });
    expect(partner.status()).toBe(201);
    const contract = await page.request.post("/api/v1/contracts", {
      data: {
        partnerId: (await partner.json()).id,
        type: "sla",
        title: `Hosting SLA ${stamp}`,
        status: "active",
      },
    });
    expect(contract.status()).toBe(201);
    contractId = (await contract.json()).id;

    await page.goto(`/contracts/${contractId}`);
    const card = page.locator(".mantine-Card-root").filter({ hasText: "KPIs & service levels" });
    await visible(card.getByText(/No KPIs yet/));
    await card.getByRole("button", { name: "Add KPI" }).click();
    const modal = page.getByRole("dialog", { name: "New KPI" });
    await modal.getByLabel(/^Name/).fill(kpiName);
    await modal.getByLabel(/^Target/).fill("99.5");
    // Out of order for "higher is better": said inline before anything is sent.
    await modal.getByLabel(/^Warning threshold/).fill("99.9");
    await modal.getByLabel(/^Breach threshold/).fill("98");
    await visible(modal.getByText(/breach threshold must be ≤ the warning threshold ≤ the target/));
    await modal.getByLabel(/^Warning threshold/).fill("99");
    await expect.poll(() => modal.getByText(/must be ≤ the warning threshold/).count()).toBe(0);
    await modal.getByRole("button", { name: "Add KPI" }).click();
    await modal.waitFor({ state: "hidden" });

    const row = card.getByRole("row").filter({ hasText: kpiName });
    await visible(row.getByText("Not measured"));
    await visible(row.getByText("≥ 99.5%"));
    kpiId =
      ((await row.getByRole("link", { name: kpiName }).getAttribute("href")) ?? "").split("/").pop() ?? "";
    expect(kpiId).toMatch(/^[0-9a-f-]{36}$/);
    await shot("kpi-added");
  });

  test("a file with a bad row is refused row by row, nothing imported", async () => {
    const card = page.locator(".mantine-Card-root").filter({ hasText: "KPIs & service levels" });
    await card.getByRole("link", { name: "Upload measurements" }).click();
    await visible(page.getByRole("heading", { name: "Upload KPI measurements" }));
    const csv = `kpiId,periodStart,value,note\n${kpiId},${monthStart(1)},99.7,\n${kpiId},${monthStart(0).slice(0, 8)}15,abc,\n`;
    await chooseCsv("bad.csv", csv);
    await visible(page.getByRole("table", { name: "First rows of the file" }));
    const alert = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
    await visible(alert);
    // The second data row (rows count from 1 after the header, as in the preview) has no number.
    const preview = page.getByRole("table", { name: "First rows of the file" });
    await visible(
      preview.getByRole("row").filter({ hasText: "abc" }).getByRole("cell", { name: "2", exact: true }),
    );
    await visible(
      alert.getByRole("row").filter({ hasText: "value" }).getByRole("cell", { name: "2", exact: true }),
    );
    expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);
    await shot("upload-rejected");
  });

  test("six months upload after a dry run; the last month breaches", async () => {
    const values = [99.7, 99.8, 99.6, 99.9, 99.7, 96.2];
    const lines = values.map(
      (v, i) => `${kpiId},${monthStart(5 - i)},${v},${i === 5 ? "Storage outage" : ""}`,
    );
    await chooseCsv("measurements.csv", `kpiId,periodStart,value,note\n${lines.join("\n")}\n`);
    const perKpi = page.getByRole("table", { name: "Rows per KPI" });
    await visible(page.getByText("Ready to import"));
    await visible(perKpi.getByRole("row").filter({ hasText: kpiName }).getByText("1 breach"));
    await shot("upload-dry-run");
    // The dry run stored nothing.
    const before = await page.request.get(`/api/v1/kpis/${kpiId}`);
    expect((await before.json()).measurementCount).toBe(0);

    await page.getByRole("button", { name: "Import 6 rows" }).click();
    const done = page.getByTestId("upload-done");
    await visible(done.getByText(/6 rows imported: 6 created, 0 updated, 0 unchanged/));
    await shot("upload-imported");
    await done.getByRole("link", { name: `View ${kpiName}` }).click();
  });

  test("the KPI page marks the breach on the chart and in the table", async () => {
    await visible(page.getByRole("heading", { name: kpiName }));
    const summary = page.getByTestId("kpi-chart-summary");
    await visible(summary.getByText("6 measurements"));
    await visible(summary.getByText("1 breach"));
    await visible(page.getByRole("img", { name: /6 measurements: 1 breach, 0 warnings, 0 anomalies/ }));
    await expect.poll(() => page.locator("canvas").count()).toBeGreaterThan(0);
    const breachRow = page.getByRole("table", { name: "Measurements" }).locator('tr[data-status="breach"]');
    await expect.poll(() => breachRow.count()).toBe(1);
    await visible(breachRow.getByText("Breach"));
    await visible(breachRow.getByText("96.2%"));
    await visible(breachRow.getByText("Storage outage"));
    await shot("kpi-page-breach");
  });

  test("the breach is in the notification inbox", async () => {
    // The import refreshed the bell: the breach of the current month was published to the admin.
    await expect
      .poll(() => page.getByRole("button", { name: /^Notifications/ }).getAttribute("aria-label"), {
        timeout: 10_000,
      })
      .toMatch(/Notifications, \d+ unread/);
    await page.goto("/notifications");
    const item = page.getByText(new RegExp(`Breach: ${kpiName} 96\\.2 %`));
    await visible(item);
    await shot("inbox-breach");
    // The notification links back to the KPI.
    await item.click();
    await visible(page.getByRole("heading", { name: kpiName }));
  });
});
