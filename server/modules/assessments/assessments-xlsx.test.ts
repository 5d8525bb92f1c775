import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  type AssessmentSessions,
  auditActions,
  buildAssessmentSessions,
  buildPortalAssessment,
  MISSING,
  PORTAL,
} from "../portal/portal.testkit.js";
import { XLSX_TYPE } from "./assessments-xlsx.js";

const env = useTestApp();
let s: AssessmentSessions;
const STAFF = "/api/v1/assessments";

beforeAll(async () => {
  s = await buildAssessmentSessions(env);
});

async function exported(who: Session, base: string, id: string) {
  const res = await call(env, who, { method: "GET", url: `${base}/${id}/export.xlsx` });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, wb, ws: wb.getWorksheet("Questionnaire") as ExcelJS.Worksheet };
}

/** Sets the Answer cell of the row whose Key is `key`. */
function answer(ws: ExcelJS.Worksheet, key: string, value: ExcelJS.CellValue) {
  for (let r = 2; r <= ws.rowCount; r++)
    if (ws.getCell(r, 2).value === key) {
      ws.getCell(r, 8).value = value;
      return r;
    }
  throw new Error(`no row for ${key}`);
}

const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const importAs = (who: Session | null, base: string, id: string, payload: Buffer, dryRun = false) =>
  call(env, who, {
    method: "POST",
    url: `${base}/${id}/import${dryRun ? "?dryRun=true" : ""}`,
    headers: { "content-type": XLSX_TYPE },
    payload,
  });
const answersOf = async (id: string) => {
  const { rows } = await env.ctx.database.pool.query(
    "SELECT question_key, value FROM assessment_answers WHERE assessment_id = $1 ORDER BY question_key",
    [id],
  );
  return Object.fromEntries(rows.map((r) => [r.question_key, r.value]));
};

describe("GET …/:id/export.xlsx", () => {
  it("exports the questionnaire with its current answers, for staff and in the portal", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId, {
      answers: { has_policy: true, controls: ["mfa", "edr"] },
    });
    const { res, wb, ws } = await exported(s.viewer, STAFF, a.id);
    expect(res.headers["content-type"]).toContain(XLSX_TYPE);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=".*\.xlsx"$/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Questionnaire", "Instructions"]);
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(["Section", "Key", "Question", "Answer"]));
    expect(ws.getColumn(10).hidden).toBe(true);
    expect(String(ws.getCell(1, 10).value)).toContain(a.id);
    expect(ws.getCell(2, 2).value).toBe("has_policy");
    expect(ws.getCell(2, 8).value).toBe("Yes");
    expect(ws.getCell(5, 8).value).toBe("mfa, edr");
    expect(String(ws.getCell(4, 5).value)).toContain("advanced = Advanced, audited");
    const portal = await exported(s.partnerUser, PORTAL, a.id);
    expect(portal.ws.getCell(2, 8).value).toBe("Yes");
  });

  it("answers 404 out of scope, 403 to the wrong side and 401 anonymous", async () => {
    const p2 = await buildPartner(env, s.admin);
    const theirs = await buildPortalAssessment(env, s.admin, p2.id);
    const o2 = await buildPortalAssessment(env, s.other, (await buildPartner(env, s.other)).id);
    const draft = await buildPortalAssessment(env, s.admin, s.partnerId, { status: "draft" });
    for (const id of [theirs.id, o2.id, draft.id, MISSING])
      problem(await call(env, s.partnerUser, { method: "GET", url: `${PORTAL}/${id}/export.xlsx` }), 404);
    problem(await call(env, s.admin, { method: "GET", url: `${STAFF}/${o2.id}/export.xlsx` }), 404);
    problem(await call(env, s.partnerUser, { method: "GET", url: `${STAFF}/${theirs.id}/export.xlsx` }), 403);
    problem(await call(env, s.admin, { method: "GET", url: `${PORTAL}/${theirs.id}/export.xlsx` }), 403);
    problem(await call(env, null, { method: "GET", url: `${STAFF}/${theirs.id}/export.xlsx` }), 401);
  });
});

describe("POST …/:id/import", () => {
  it("round-trips: a dry run counts without writing, then the import writes and audits", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId, {
      answers: { staff: 5, level: "basic" },
    });
    const { wb, ws } = await exported(s.partnerUser, PORTAL, a.id);
    answer(ws, "has_policy", "no");
    answer(ws, "why_not", "Being written");
    answer(ws, "level", "Advanced, audited");
    answer(ws, "controls", "mfa; Backups");
    answer(ws, "certified_on", 45_658); // an Excel serial date: 2025-01-01
    answer(ws, "staff", null);
    const file = await bytes(wb);

    const dry = await importAs(s.partnerUser, PORTAL, a.id, file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, updated: 5, unchanged: 0, cleared: 1 });
    expect(await answersOf(a.id)).toEqual({ staff: 5, level: "basic" });

    const res = await importAs(s.partnerUser, PORTAL, a.id, file);
    expect(res.json()).toEqual({ dryRun: false, updated: 5, unchanged: 0, cleared: 1 });
    expect(await answersOf(a.id)).toEqual({
      has_policy: false,
      why_not: "Being written",
      level: "advanced",
      controls: ["mfa", "backup"],
      certified_on: "2025-01-01",
    });
    expect(await auditActions(env, s.admin.orgId, a.id)).toContain("assessment.answers_saved");
    const again = await importAs(s.partnerUser, PORTAL, a.id, file);
    expect(again.json()).toMatchObject({ updated: 0, cleared: 0 });
  });

  it("rejects the whole file when any row is bad, with row numbers", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const { wb, ws } = await exported(s.partnerUser, PORTAL, a.id);
    answer(ws, "has_policy", "Yes");
    const bad = answer(ws, "level", "expert");
    const badDate = answer(ws, "certified_on", "31/12/2024");
    ws.addRow(["General", "no_such_key", "?", "Text", "", "No", "", "x"]);
    const body = problem(
      await importAs(s.partnerUser, PORTAL, a.id, await bytes(wb)),
      422,
      "import_rejected",
    );
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: bad, path: "answers.level" }),
        expect.objectContaining({ row: badDate, path: "answers.certified_on" }),
        expect.objectContaining({ path: "answers.no_such_key" }),
      ]),
    );
    expect(await answersOf(a.id)).toEqual({});
  });

  it("refuses another assessment's file (wrong_questionnaire), a non-XLSX body and a wrong content type", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const b = await buildPortalAssessment(env, s.admin, s.partnerId);
    const { wb } = await exported(s.partnerUser, PORTAL, b.id);
    problem(await importAs(s.partnerUser, PORTAL, a.id, await bytes(wb)), 422, "wrong_questionnaire");
    problem(
      await importAs(s.partnerUser, PORTAL, a.id, Buffer.from("not a workbook")),
      422,
      "validation_failed",
    );
    problem(
      await call(env, s.partnerUser, { method: "POST", url: `${PORTAL}/${a.id}/import`, payload: { a: 1 } }),
      400,
    );
  });

  it("lets staff with the write role import on the partner's behalf while it is open", async () => {
    const a = await buildPortalAssessment(env, s.admin, s.partnerId);
    const { wb, ws } = await exported(s.vendorManager, STAFF, a.id);
    answer(ws, "has_policy", true);
    const file = await bytes(wb);
    problem(await importAs(s.viewer, STAFF, a.id, file), 403, "forbidden");
    problem(await importAs(s.partnerUser, STAFF, a.id, file), 403, "forbidden");
    problem(await importAs(null, STAFF, a.id, file), 401);
    problem(await importAs(s.other, STAFF, a.id, file), 404, "not_found");
    const res = await importAs(s.vendorManager, STAFF, a.id, file);
    expect(res.json()).toMatchObject({ updated: 1 });
    expect(await answersOf(a.id)).toEqual({ has_policy: true });
    const { rows } = await env.ctx.database.pool.query("SELECT status FROM assessments WHERE id = $1", [
      a.id,
    ]);
    expect(rows[0].status).toBe("in_progress");

    const done = await buildPortalAssessment(env, s.admin, s.partnerId, { status: "submitted" });
    const doneFile = await bytes((await exported(s.admin, STAFF, done.id)).wb);
    problem(await importAs(s.admin, STAFF, done.id, doneFile), 409, "not_editable");
    problem(await importAs(s.partnerUser, PORTAL, done.id, doneFile), 409, "not_editable");
  });
});
