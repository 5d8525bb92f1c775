import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_TEMPLATES } from "../../../domain/questionnaires/templates/index.js";
import { call, problem, type Session, useTestApp } from "../../test/harness.js";
import {
  auditActions,
  BASE,
  buildTemplate,
  buildTemplateSessions,
  expectField,
  MISSING,
  sampleContent,
  type TemplateSessions,
} from "./questionnaires.testkit.js";

const env = useTestApp();

const get = (s: Session | null, url: string) => call(env, s, { url });
const post = (s: Session | null, payload: object) => call(env, s, { method: "POST", url: BASE, payload });

let c: TemplateSessions;
beforeAll(async () => {
  c = await buildTemplateSessions(env);
});

describe("the bundled library", () => {
  it("lists every bundled template with its size", async () => {
    const res = await get(c.viewer, `${BASE}/library`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((t: { key: string }) => t.key)).toEqual(BUNDLED_TEMPLATES.map((t) => t.key));
    const first = BUNDLED_TEMPLATES[0].content;
    expect(items[0]).toEqual({
      key: BUNDLED_TEMPLATES[0].key,
      title: first.title,
      description: first.description ?? null,
      sections: first.sections.length,
      questions: first.sections.reduce((n, s) => n + s.questions.length, 0),
    });
  });

  it("answers 401 signed out and 403 to a partner user", async () => {
    problem(await get(null, `${BASE}/library`), 401, "unauthenticated");
    problem(await get(c.partnerUser, `${BASE}/library`), 403, "forbidden");
  });
});

describe("creating a template", () => {
  it("copies a bundled template exactly and records questionnaire_template.create", async () => {
    const bundled = BUNDLED_TEMPLATES[1];
    const res = await post(c.riskManager, { libraryKey: bundled.key });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      libraryKey: bundled.key,
      title: bundled.content.title,
      currentVersion: 1,
      archived: false,
      versions: [{ version: 1, inUse: false }],
    });
    expect(body.content).toEqual(bundled.content);
    expect(await auditActions(env, c.admin.orgId, body.id)).toEqual(["questionnaire_template.create"]);
    expect((await get(c.viewer, `${BASE}/${body.id}`)).json()).toEqual(body);
  });

  it("creates one from content (compliance officer), defaults applied", async () => {
    const content = sampleContent("Own check");
    const res = await post(c.compliance, { content });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: "Own check", libraryKey: null, sections: 1, questions: 2 });
    expect(res.json().content).toEqual(content);
  });

  it("answers 400 for a malformed body, both or neither source, and an unknown library key", async () => {
    problem(await post(c.admin, {}), 400, "validation_failed");
    problem(
      await post(c.admin, { libraryKey: BUNDLED_TEMPLATES[0].key, content: sampleContent() }),
      400,
      "validation_failed",
    );
    problem(await post(c.admin, { libraryKey: "no_such_template" }), 400, "validation_failed");
    problem(await post(c.admin, { content: { title: "x", sections: [] } }), 400, "validation_failed");
  });

  it("answers 422 with body.content field errors when the content rules are broken", async () => {
    const content = sampleContent();
    content.sections[0].questions[1].key = "has_policy";
    content.sections[0].questions.push({
      ...content.sections[0].questions[0],
      key: "choice",
      type: "single_choice",
      options: [{ value: "only", label: "Only", score: 1 }],
    });
    const body = problem(await post(c.admin, { content }), 422, "validation_failed");
    expectField(body, "body.content.sections.0.questions.1.key");
    expectField(body, "body.content.sections.0.questions.2.options");
  });

  it("answers 401 signed out, 403 to a viewer, a vendor manager and a partner user", async () => {
    const payload = { content: sampleContent() };
    problem(await post(null, payload), 401, "unauthenticated");
    for (const s of [c.viewer, c.vendorManager, c.partnerUser])
      problem(await post(s, payload), 403, "forbidden");
  });
});

describe("reading templates", () => {
  it("lists the organization's active templates with counts, filtered by q and paged", async () => {
    const a = await buildTemplate(env, c.admin, sampleContent("Zeta list check"));
    const b = await buildTemplate(env, c.admin, sampleContent("Zeta list check two"));
    await buildTemplate(env, c.other, sampleContent("Zeta list check other org"));
    const first = await get(c.viewer, `${BASE}?q=zeta&limit=1`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([
      expect.objectContaining({ id: a.id, sections: 1, questions: 2, currentVersion: 1, archived: false }),
    ]);
    const cursor = first.json().nextCursor;
    const second = (
      await get(c.viewer, `${BASE}?q=zeta&limit=1&cursor=${encodeURIComponent(cursor)}`)
    ).json();
    expect(second.items.map((t: { id: string }) => t.id)).toEqual([b.id]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists archived templates only with archived=true", async () => {
    const t = await buildTemplate(env, c.admin, sampleContent("Archived list check"));
    await call(env, c.admin, { method: "PATCH", url: `${BASE}/${t.id}`, payload: { archived: true } });
    const active = (await get(c.viewer, `${BASE}?q=archived%20list`)).json();
    expect(active.items).toEqual([]);
    const archived = (await get(c.viewer, `${BASE}?q=archived%20list&archived=true`)).json();
    expect(archived.items.map((i: { id: string }) => i.id)).toEqual([t.id]);
  });

  it("answers 400 for a bad query, 422 for a foreign cursor, 401 and 403", async () => {
    problem(await get(c.viewer, `${BASE}?archived=maybe`), 400, "validation_failed");
    problem(await get(c.viewer, `${BASE}?limit=0`), 400, "validation_failed");
    problem(await get(c.viewer, `${BASE}?cursor=garbage`), 422, "validation_failed");
    problem(await get(null, BASE), 401, "unauthenticated");
    problem(await get(c.partnerUser, BASE), 403, "forbidden");
  });

  it("reads one template and one version; other organizations and missing ids are 404", async () => {
    const t = await buildTemplate(env, c.admin);
    const res = await get(c.viewer, `${BASE}/${t.id}`);
    expect(res.statusCode).toBe(200);
    const v = await get(c.viewer, `${BASE}/${t.id}/versions/1`);
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({
      templateId: t.id,
      version: 1,
      inUse: false,
      content: res.json().content,
    });
    problem(await get(c.viewer, `${BASE}/${t.id}/versions/2`), 404, "not_found");
    problem(await get(c.other, `${BASE}/${t.id}`), 404, "not_found");
    problem(await get(c.other, `${BASE}/${t.id}/versions/1`), 404, "not_found");
    problem(await get(c.viewer, `${BASE}/${MISSING}`), 404, "not_found");
    problem(await get(c.viewer, `${BASE}/not-a-uuid`), 400, "validation_failed");
    problem(await get(c.viewer, `${BASE}/${t.id}/versions/0`), 400, "validation_failed");
    problem(await get(null, `${BASE}/${t.id}`), 401, "unauthenticated");
    problem(await get(null, `${BASE}/${t.id}/versions/1`), 401, "unauthenticated");
    problem(await get(c.partnerUser, `${BASE}/${t.id}`), 403, "forbidden");
    problem(await get(c.partnerUser, `${BASE}/${t.id}/versions/1`), 403, "forbidden");
  });
});
