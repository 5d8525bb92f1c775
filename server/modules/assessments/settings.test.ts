import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ASSESSMENT_SETTINGS } from "../../../domain/assessments.js";
import type { Role } from "../../../domain/roles.js";
import { buildUser, call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  buildTemplate,
  buildTemplateSessions,
  expectField,
  BASE as TEMPLATES,
} from "../questionnaires/questionnaires.testkit.js";

const env = useTestApp();
const URL = "/api/v1/assessment-settings";

let admin: Session;
let other: Session;
let riskManager: Session;
let viewer: Session;
let partnerUser: Session;
beforeAll(async () => {
  ({ admin, other, riskManager, viewer, partnerUser } = await buildTemplateSessions(env));
});

const put = (s: Session | null, payload: object) => call(env, s, { method: "PUT", url: URL, payload });

describe("assessment settings", () => {
  it("answers the defaults until saved, then the saved settings, audited with before and after", async () => {
    expect((await call(env, viewer, { url: URL })).json()).toEqual(DEFAULT_ASSESSMENT_SETTINGS);
    const template = await buildTemplate(env, admin);
    const settings = {
      cadenceMonths: { "1": 6, "2": 12, "3": null, "4": null },
      reassessmentTemplateId: template.id,
      leadDays: 14,
      answerDays: 21,
    };
    const res = await put(riskManager, settings);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(settings);
    expect((await call(env, viewer, { url: URL })).json()).toEqual(settings);
    // Saving again replaces the row (an upsert, not a second one).
    const again = { ...settings, leadDays: 10 };
    expect((await put(admin, again)).json()).toEqual(again);
    expect((await call(env, admin, { url: URL })).json()).toEqual(again);
    expect(await auditActions(env, admin.orgId, admin.orgId)).toEqual(
      expect.arrayContaining(["assessment_settings.update"]),
    );
    const { rows } = await env.ctx.database.pool.query(
      `SELECT before, after, actor_id FROM audit_events
        WHERE org_id = $1 AND action = 'assessment_settings.update' ORDER BY seq`,
      [admin.orgId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ before: DEFAULT_ASSESSMENT_SETTINGS, after: settings });
    expect(rows[0].actor_id).toBe(riskManager.userId);
    expect(rows[1]).toMatchObject({ before: settings, after: again });
    // Another organization keeps its defaults.
    expect((await call(env, other, { url: URL })).json()).toEqual(DEFAULT_ASSESSMENT_SETTINGS);
  });

  it("refuses a malformed body (400) and out-of-range values", async () => {
    problem(await put(admin, { ...DEFAULT_ASSESSMENT_SETTINGS, leadDays: -1 }), 400, "validation_failed");
    problem(
      await put(admin, {
        ...DEFAULT_ASSESSMENT_SETTINGS,
        cadenceMonths: { "1": 0, "2": 12, "3": 12, "4": 12 },
      }),
      400,
      "validation_failed",
    );
    problem(await put(admin, { ...DEFAULT_ASSESSMENT_SETTINGS, extra: true }), 400, "validation_failed");
  });

  it("refuses another organization's template, an unknown one and an archived one (422 on the field)", async () => {
    const theirs = await buildTemplate(env, other);
    const body = problem(
      await put(admin, { ...DEFAULT_ASSESSMENT_SETTINGS, reassessmentTemplateId: theirs.id }),
      422,
      "validation_failed",
    );
    expectField(body, "body.reassessmentTemplateId");
    expectField(
      problem(
        await put(admin, {
          ...DEFAULT_ASSESSMENT_SETTINGS,
          reassessmentTemplateId: "00000000-0000-4000-8000-000000000000",
        }),
        422,
      ),
      "body.reassessmentTemplateId",
    );
    const archived = await buildTemplate(env, admin);
    const patch = await call(env, admin, {
      method: "PATCH",
      url: `${TEMPLATES}/${archived.id}`,
      payload: { archived: true },
    });
    expect(patch.statusCode).toBe(200);
    expectField(
      problem(await put(admin, { ...DEFAULT_ASSESSMENT_SETTINGS, reassessmentTemplateId: archived.id }), 422),
      "body.reassessmentTemplateId",
    );
  });

  it("lets staff read but only admins and risk managers write; partner users and anonymous callers get nothing", async () => {
    for (const role of ["vendor_manager", "compliance_officer", "auditor", "viewer"] as Role[]) {
      const s = await buildUser(env, admin.orgId, role);
      expect((await call(env, s, { url: URL })).statusCode).toBe(200);
      problem(await put(s, DEFAULT_ASSESSMENT_SETTINGS), 403, "forbidden");
    }
    problem(await call(env, partnerUser, { url: URL }), 403, "forbidden");
    problem(await put(partnerUser, DEFAULT_ASSESSMENT_SETTINGS), 403, "forbidden");
    problem(await call(env, null, { url: URL }), 401, "unauthenticated");
    // The guard runs before validation: an anonymous caller gets 401 whatever the body.
    problem(await put(null, { nonsense: 1 }), 401, "unauthenticated");
  });
});
