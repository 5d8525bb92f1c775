import { beforeAll, describe, expect, it } from "vitest";
import { call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  BASE,
  buildTemplate,
  buildTemplateSessions,
  expectField,
  MISSING,
  markInUse,
  sampleContent,
  type TemplateSessions,
} from "./questionnaires.testkit.js";

const env = useTestApp();

const get = (s: Session | null, url: string) => call(env, s, { url });
const patch = (s: Session | null, id: string, payload: object) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload });

let c: TemplateSessions;
beforeAll(async () => {
  c = await buildTemplateSessions(env);
});

describe("editing a template", () => {
  it("replaces the content in place while no assessment uses it (questionnaire_template.update)", async () => {
    const t = await buildTemplate(env, c.admin);
    const content = sampleContent("Renamed in place");
    content.sections[0].questions[0].text = "Is there a written security policy?";
    const res = await patch(c.riskManager, t.id, { content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "Renamed in place",
      currentVersion: 1,
      versions: [{ version: 1, inUse: false }],
    });
    expect(res.json().content).toEqual(content);
    expect(await auditActions(env, c.admin.orgId, t.id)).toEqual([
      "questionnaire_template.create",
      "questionnaire_template.update",
    ]);
  });

  it("creates version n+1 when the current one is in use; the old version keeps its content", async () => {
    const original = sampleContent("Versioned");
    const t = await buildTemplate(env, c.admin, original);
    await markInUse(env, t.id, 1);
    const content = sampleContent("Versioned");
    content.sections[0].questions[0].weight = 5;
    const res = await patch(c.compliance, t.id, { content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      currentVersion: 2,
      versions: [
        { version: 1, inUse: true },
        { version: 2, inUse: false },
      ],
    });
    expect(res.json().content).toEqual(content);
    expect((await get(c.viewer, `${BASE}/${t.id}/versions/1`)).json().content).toEqual(original);
    // Version 2 is not in use yet, so a further edit stays version 2.
    const again = await patch(c.admin, t.id, { content: sampleContent("Versioned again") });
    expect(again.json()).toMatchObject({ currentVersion: 2, title: "Versioned again" });
    expect(await auditActions(env, c.admin.orgId, t.id)).toEqual([
      "questionnaire_template.create",
      "questionnaire_template.new_version",
      "questionnaire_template.update",
    ]);
  });

  it("changes title and description without touching the content, and archives", async () => {
    const t = await buildTemplate(env, c.admin);
    const res = await patch(c.admin, t.id, { title: "Library name", description: "" });
    expect(res.json()).toMatchObject({ title: "Library name", description: null, currentVersion: 1 });
    expect(res.json().content.title).toBe(t.title);
    const archived = await patch(c.admin, t.id, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect(await auditActions(env, c.admin.orgId, t.id)).toEqual([
      "questionnaire_template.create",
      "questionnaire_template.update",
      "questionnaire_template.archive",
    ]);
  });

  it("answers 400 for an empty or malformed body and 422 for broken content", async () => {
    const t = await buildTemplate(env, c.admin);
    problem(await patch(c.admin, t.id, {}), 400, "validation_failed");
    problem(await patch(c.admin, t.id, { archived: "yes" }), 400, "validation_failed");
    problem(await patch(c.admin, t.id, { title: "" }), 400, "validation_failed");
    const content = sampleContent();
    content.sections[0].questions[1].showIf = { question: "later_one", equals: true };
    const body = problem(await patch(c.admin, t.id, { content }), 422, "validation_failed");
    expectField(body, "body.content.sections.0.questions.1.showIf");
    expect(await auditActions(env, c.admin.orgId, t.id)).toEqual(["questionnaire_template.create"]);
  });

  it("answers 401, 403 to a viewer, vendor manager and partner user, 404 across organizations", async () => {
    const t = await buildTemplate(env, c.admin);
    problem(await patch(null, t.id, { archived: true }), 401, "unauthenticated");
    for (const s of [c.viewer, c.vendorManager, c.partnerUser])
      problem(await patch(s, t.id, { archived: true }), 403, "forbidden");
    problem(await patch(c.other, t.id, { archived: true }), 404, "not_found");
    problem(await patch(c.admin, MISSING, { archived: true }), 404, "not_found");
    expect((await get(c.admin, `${BASE}/${t.id}`)).json().archived).toBe(false);
  });
});

describe("a template's history", () => {
  it("lists its audit events newest first; 401, 403 and 404 like the template", async () => {
    const t = await buildTemplate(env, c.admin);
    await patch(c.admin, t.id, { title: "History check" });
    const res = await get(c.viewer, `${BASE}/${t.id}/history`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { action: string }) => e.action)).toEqual([
      "questionnaire_template.update",
      "questionnaire_template.create",
    ]);
    problem(await get(null, `${BASE}/${t.id}/history`), 401, "unauthenticated");
    problem(await get(c.partnerUser, `${BASE}/${t.id}/history`), 403, "forbidden");
    problem(await get(c.other, `${BASE}/${t.id}/history`), 404, "not_found");
    problem(await get(c.viewer, `${BASE}/${t.id}/history?limit=0`), 400, "validation_failed");
  });
});
