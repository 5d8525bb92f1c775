import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildRisk, buildRiskSessions, categoryId, expectField } from "./risks.testkit.js";

const env = useTestApp();

let admin: Session;
let other: Session;
let viewer: Session;
let partnerUser: Session;
let partnerId: string;
let quality: string;
let security: string;
const ids: Record<string, string> = {};

const list = (s: Session | null, query = "") => call(env, s, { url: `/api/v1/risks?${query}` });
const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

/**
 * A known register: residual scores 20 (critical), 12 (high), 6 (medium), 2 (low), and a closed
 * one (16); one with an overdue review; another organization's risk that must never appear.
 */
beforeAll(async () => {
  ({ admin, other, viewer, partnerId, partnerUser } = await buildRiskSessions(env));
  quality = await categoryId(env, admin.orgId, "quality");
  security = await categoryId(env, admin.orgId, "data_security");
  const owner = await buildUser(env, admin.orgId, "risk_manager");
  const make = async (title: string, body: Record<string, unknown>) => {
    ids[title] = (await buildRisk(env, admin, { title, ...body })).id;
  };
  await make("Alpha breach", {
    categoryId: security,
    partnerId,
    ownerId: owner.userId,
    inherentLikelihood: 5,
    inherentImpact: 5,
    residualLikelihood: 4,
    residualImpact: 5,
  });
  await make("bravo delay", {
    categoryId: quality,
    inherentLikelihood: 4,
    inherentImpact: 4,
    residualLikelihood: 3,
    residualImpact: 4,
    treatment: "transfer",
    nextReviewDate: addDays(todayUtc(), -3),
  });
  await make("Charlie =cmd", {
    categoryId: quality,
    inherentLikelihood: 3,
    inherentImpact: 3,
    residualLikelihood: 2,
    residualImpact: 3,
    nextReviewDate: addDays(todayUtc(), 30),
  });
  await make("Delta minor", {
    categoryId: security,
    inherentLikelihood: 2,
    inherentImpact: 2,
    residualLikelihood: 1,
    residualImpact: 2,
  });
  await make("Echo closed", {
    categoryId: security,
    inherentLikelihood: 5,
    inherentImpact: 4,
    residualLikelihood: 4,
    residualImpact: 4,
    status: "closed",
    nextReviewDate: addDays(todayUtc(), -10),
  });
  await buildRisk(env, other, { title: "Foreign" });
});

describe("the register list", () => {
  it("sorts by residual score, highest first, by default and never shows other organizations' risks", async () => {
    const res = await list(viewer);
    expect(res.statusCode).toBe(200);
    expect(titles(res)).toEqual([
      "Alpha breach",
      "Echo closed",
      "bravo delay",
      "Charlie =cmd",
      "Delta minor",
    ]);
    expect(res.json().nextCursor).toBeNull();
  });

  it("sorts by title (case-insensitive), inherent score and review date, both directions", async () => {
    expect(titles(await list(admin, "sort=title"))).toEqual([
      "Alpha breach",
      "bravo delay",
      "Charlie =cmd",
      "Delta minor",
      "Echo closed",
    ]);
    expect(titles(await list(admin, "sort=-title"))[0]).toBe("Echo closed");
    expect(titles(await list(admin, "sort=inherentScore"))).toEqual([
      "Delta minor",
      "Charlie =cmd",
      "bravo delay",
      "Echo closed",
      "Alpha breach",
    ]);
    // Undated reviews sort last.
    expect(titles(await list(admin, "sort=nextReviewDate")).slice(0, 3)).toEqual([
      "Echo closed",
      "bravo delay",
      "Charlie =cmd",
    ]);
  });

  it("pages with a keyset cursor without skipping or repeating, on every sort", async () => {
    for (const sort of ["-residualScore", "title", "nextReviewDate", "-createdAt", "updatedAt"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(admin, `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(res.statusCode, sort).toBe(200);
        seen.push(...titles(res));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(titles(await list(admin, `sort=${sort}`)));
    }
  });

  it("refuses a cursor of another sort or a tampered one (422)", async () => {
    const cursor = (await list(admin, "sort=title&limit=1")).json().nextCursor;
    expectField(
      problem(await list(admin, `sort=-residualScore&limit=1&cursor=${cursor}`), 422),
      "query.cursor",
    );
    expectField(problem(await list(admin, "cursor=garbage"), 422), "query.cursor");
  });

  it("filters by residual level, inherent level, category, partner, owner, status, treatment and text", async () => {
    expect(titles(await list(admin, "level=critical"))).toEqual(["Alpha breach"]);
    expect(titles(await list(admin, "level=high&level=medium"))).toEqual([
      "Echo closed",
      "bravo delay",
      "Charlie =cmd",
    ]);
    expect(titles(await list(admin, "inherentLevel=high"))).toEqual(["bravo delay"]);
    expect(titles(await list(admin, `categoryId=${quality}`))).toEqual(["bravo delay", "Charlie =cmd"]);
    expect(titles(await list(admin, `partnerId=${partnerId}`))).toEqual(["Alpha breach"]);
    const alpha = (await call(env, admin, { url: `/api/v1/risks/${ids["Alpha breach"]}` })).json();
    expect(titles(await list(admin, `ownerId=${alpha.owner.id}`))).toEqual(["Alpha breach"]);
    expect(titles(await list(admin, "status=closed"))).toEqual(["Echo closed"]);
    expect(titles(await list(admin, "treatment=transfer"))).toEqual(["bravo delay"]);
    expect(titles(await list(admin, "q=BREACH"))).toEqual(["Alpha breach"]);
    expect(titles(await list(admin, "q=%25"))).toEqual([]);
    expect(titles(await list(admin, "residualLikelihood=2&residualImpact=3"))).toEqual(["Charlie =cmd"]);
  });

  it("lists overdue reviews with reviewOverdue=true (closed risks are never overdue)", async () => {
    const res = await list(admin, "reviewOverdue=true");
    expect(titles(res)).toEqual(["bravo delay"]);
    expect(res.json().items[0].reviewOverdue).toBe(true);
    expect(titles(await list(admin, "reviewOverdue=false"))).not.toContain("bravo delay");
  });

  it("answers 400 for invalid filters, 401 anonymously and 403 for partner users", async () => {
    expectField(problem(await list(admin, "level=extreme"), 400), "querystring.level");
    expectField(problem(await list(admin, "sort=owner"), 400), "querystring.sort");
    expectField(problem(await list(admin, "categoryId=nope"), 400), "querystring.categoryId");
    problem(await list(null), 401, "unauthenticated");
    problem(await list(partnerUser), 403, "forbidden");
  });
});

describe("the CSV export", () => {
  it("exports the filtered register with formula-safe text cells", async () => {
    const res = await call(env, viewer, { url: `/api/v1/risks/export.csv?categoryId=${quality}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="risks-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows: Record<string, string>[] = parse(res.body, { columns: true });
    expect(rows.map((r) => r.title)).toEqual(["bravo delay", "Charlie =cmd"]);
    expect(rows[1]).toMatchObject({ title: "Charlie =cmd", residualScore: "6", residualLevel: "medium" });
    expect(rows[0]).toMatchObject({ reviewOverdue: "true", treatment: "transfer", category: "Quality" });
  });

  it("prefixes cells that would run as formulas", async () => {
    await buildRisk(env, admin, { title: '=HYPERLINK("http://x")', categoryId: quality });
    const res = await call(env, admin, { url: "/api/v1/risks/export.csv?q=HYPERLINK" });
    const rows: Record<string, string>[] = parse(res.body, { columns: true });
    expect(rows.map((r) => r.title)).toEqual(['\'=HYPERLINK("http://x")']);
    await call(env, admin, {
      method: "DELETE",
      url: `/api/v1/risks/${(await list(admin, "q=HYPERLINK")).json().items[0].id}`,
    });
  });

  it("answers 401 anonymously and 403 for partner users", async () => {
    problem(await call(env, null, { url: "/api/v1/risks/export.csv" }), 401);
    problem(await call(env, partnerUser, { url: "/api/v1/risks/export.csv" }), 403);
  });
});

describe("the heat map", () => {
  const heat = (s: Session | null, query = "") => call(env, s, { url: `/api/v1/risks/heatmap?${query}` });

  it("counts open risks per likelihood × impact cell, inherent and residual", async () => {
    const res = await heat(viewer);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.total).toBe(4);
    const cells = (grid: number[][]) =>
      grid.flatMap((row, l) => row.flatMap((n, i) => (n ? [`${l + 1}×${i + 1}:${n}`] : [])));
    expect(cells(h.inherent)).toEqual(["2×2:1", "3×3:1", "4×4:1", "5×5:1"]);
    expect(cells(h.residual)).toEqual(["1×2:1", "2×3:1", "3×4:1", "4×5:1"]);
    expect(h.byLevel.residual).toEqual({ low: 1, medium: 1, high: 1, critical: 1 });
    expect(h.byLevel.inherent).toEqual({ low: 1, medium: 1, high: 1, critical: 1 });
    expect(h.thresholds).toEqual({ medium: 5, high: 10, critical: 20 });
  });

  it("takes the list's filters, the category alias and an explicit status (closed included then)", async () => {
    expect((await heat(admin, `partnerId=${partnerId}`)).json().total).toBe(1);
    expect((await heat(admin, `category=${quality}`)).json().total).toBe(2);
    const closed = (await heat(admin, "status=closed")).json();
    expect(closed.total).toBe(1);
    expect(closed.residual[3][3]).toBe(1);
  });

  it("answers 400, 401 and 403 as the list does", async () => {
    problem(await heat(admin, "category=x"), 400);
    problem(await heat(null), 401);
    problem(await heat(partnerUser), 403);
  });
});

describe("the summary", () => {
  it("counts open risks by level and category and lists overdue reviews", async () => {
    const res = await call(env, viewer, { url: "/api/v1/risks/summary" });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.total).toBe(4);
    expect(s.byResidualLevel).toEqual({ low: 1, medium: 1, high: 1, critical: 1 });
    expect(s.byCategory.slice(0, 2)).toEqual([
      { id: security, name: "Data security", count: 2 },
      { id: quality, name: "Quality", count: 2 },
    ]);
    expect(s.byCategory).toHaveLength(12);
    expect(s.overdueReviews.count).toBe(1);
    expect(s.overdueReviews.first.map((r: { title: string }) => r.title)).toEqual(["bravo delay"]);
    expect(s.topPartners).toEqual([expect.objectContaining({ id: partnerId, riskScore: 20, riskTier: 1 })]);
  });

  it("counts the open signals of this organization", async () => {
    const summary = async () => (await call(env, viewer, { url: "/api/v1/risks/summary" })).json();
    const before = (await summary()).openSignals;
    // An active partner with no open review date raises a signal (here and nowhere else).
    await buildPartner(env, admin, { status: "active" });
    await buildPartner(env, other, { status: "active" });
    const after = (await summary()).openSignals;
    expect(after).toBe(before + 1);
    const open = await call(env, viewer, { url: "/api/v1/risk-signals?status=open&limit=200" });
    expect(after).toBe(open.json().items.length);
  });

  it("answers 401 anonymously and 403 for partner users", async () => {
    problem(await call(env, null, { url: "/api/v1/risks/summary" }), 401);
    problem(await call(env, partnerUser, { url: "/api/v1/risks/summary" }), 403);
  });
});
