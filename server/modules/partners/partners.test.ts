import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { canTransition, PARTNER_STATUSES, PARTNER_TRANSITIONS } from "../../../domain/lifecycle.js";
import type { Role } from "../../../domain/roles.js";
import { verifyChain } from "../../platform/audit/audit.service.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { recordException } from "./lifecycle.testkit.js";
import {
  auditCount,
  auditEvents,
  corruptLei,
  expectFieldError,
  makeLei,
  partnerCount,
  withFailingAudit,
} from "./partners.testkit.js";

const env = useTestApp();
const BASE = "/api/v1/partners";
const MISSING = "00000000-0000-4000-8000-000000000000";

const post = (s: Session | null, payload: unknown) =>
  call(env, s, { method: "POST", url: BASE, payload: payload as object });
const get = (s: Session | null, id: string) => call(env, s, { url: `${BASE}/${id}` });
const patch = (s: Session | null, id: string, payload: unknown) =>
  call(env, s, { method: "PATCH", url: `${BASE}/${id}`, payload: payload as object });
const del = (s: Session | null, id: string) => call(env, s, { method: "DELETE", url: `${BASE}/${id}` });
const statusOf = async (id: string) =>
  (await env.ctx.database.pool.query("SELECT status FROM partners WHERE id = $1", [id])).rows[0]?.status as
    | string
    | undefined;

let admin: Session;
let other: Session;
beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
});

describe("creating a partner", () => {
  it("answers 201 with the stored partner, normalised, and records partner.create", async () => {
    const owner = await buildUser(env, admin.orgId, "vendor_manager");
    const lei = makeLei();
    const res = await post(admin, {
      name: "  Northwind Software  ",
      legalName: "Northwind Software Private Limited",
      lei: lei.toLowerCase(),
      registrationIds: [{ scheme: "CIN", value: "U72200KA2010PTC012345" }],
      country: "in",
      website: "northwind.example.com",
      category: "software_development",
      description: "Offshore development centre",
      tags: ["Offshore", "offshore", " Tier-1 "],
      ownerId: owner.userId,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: "Northwind Software",
      legalName: "Northwind Software Private Limited",
      lei,
      registrationIds: [{ scheme: "CIN", value: "U72200KA2010PTC012345" }],
      country: "IN",
      countryName: "India",
      website: "https://northwind.example.com",
      category: "software_development",
      status: "identified",
      allowedTransitions: [...PARTNER_TRANSITIONS.identified],
      description: "Offshore development centre",
      tags: ["offshore", "tier-1"],
      owner: { id: owner.userId },
      highestCriticality: null,
      counts: { sites: 0, services: 0, contacts: 0, subcontractors: 0 },
    });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(p.createdAt).toISOString()).toBe(p.createdAt);
    expect(p.owner.name).toMatch(/^vendor_manager /);

    // What GET answers is what POST answered.
    expect((await get(admin, p.id)).json()).toEqual(p);

    const events = await auditEvents(env, admin.orgId, p.id);
    expect(events.map((e) => e.action)).toEqual(["partner.create"]);
    expect(events[0]).toMatchObject({ entity_type: "partner", entity_id: p.id, actor_id: admin.userId });
    expect(events[0].after).toMatchObject({ name: "Northwind Software", lei, country: "IN" });
  });

  it("keeps an explicit http(s) website and needs only name, country and category", async () => {
    const res = await post(admin, {
      name: "Minimal",
      country: "DE",
      category: "other",
      website: "http://minimal.example/about",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      legalName: null,
      lei: null,
      website: "http://minimal.example/about",
      description: null,
      tags: [],
      owner: null,
    });
  });

  it.each([
    ["a bad LEI check digit", { lei: corruptLei(makeLei()) }, "body.lei"],
    ["an LEI of the wrong length", { lei: "5299TEST" }, "body.lei"],
    ["an unknown country", { country: "XX" }, "body.country"],
    ["a three-letter country", { country: "DEU" }, "body.country"],
    ["an unknown category", { category: "space_travel" }, "body.category"],
    ["an empty name", { name: "   " }, "body.name"],
    ["a missing name", { name: undefined }, "body.name"],
    ["a name over 200 characters", { name: "x".repeat(201) }, "body.name"],
    ["a NUL character in the name", { name: "Nul\u0000Corp" }, "body.name"],
    ["a NUL character in the description", { description: "a\u0000b" }, "body.description"],
    ["a NUL character in a tag", { tags: ["ok", "b\u0000d"] }, "body.tags.1"],
    ["a website that is not a URL", { website: "not a website" }, "body.website"],
    ["a non-http website", { website: "ftp://files.example.com" }, "body.website"],
    ["an unknown status", { status: "archived" }, "body.status"],
    ["a tag that is not a string", { tags: [42] }, "body.tags.0"],
    ["an owner id that is not a UUID", { ownerId: "bob" }, "body.ownerId"],
    [
      "a registration id without value",
      { registrationIds: [{ scheme: "VAT", value: "" }] },
      "body.registrationIds.0.value",
    ],
  ])("refuses %s with 400 naming %s, and stores nothing", async (_what, change, path) => {
    const before = await partnerCount(env, admin.orgId);
    const events = await auditCount(env, admin.orgId);
    const body = problem(
      await post(admin, { name: "Valid name", country: "FR", category: "logistics", ...change }),
      400,
      "validation_failed",
    );
    expectFieldError(body, path);
    expect(await partnerCount(env, admin.orgId)).toBe(before);
    expect(await auditCount(env, admin.orgId)).toBe(events);
  });

  it("reports every failing field at once", async () => {
    const body = problem(
      await post(admin, { name: "", country: "XX", category: "nope", lei: "X" }),
      400,
      "validation_failed",
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual([
      "body.category",
      "body.country",
      "body.lei",
      "body.name",
    ]);
  });

  it("refuses an owner who is not an active staff member of the organization (422)", async () => {
    const foreigner = await buildUser(env, other.orgId, "vendor_manager");
    const portal = await buildUser(env, admin.orgId, "partner", (await buildPartner(env, admin)).id);
    const leaver = await buildUser(env, admin.orgId, "risk_manager");
    await env.ctx.database.pool.query("UPDATE users SET active = false WHERE id = $1", [leaver.userId]);
    for (const ownerId of [foreigner.userId, portal.userId, leaver.userId, MISSING]) {
      const before = await partnerCount(env, admin.orgId);
      const body = problem(
        await post(admin, { name: "Owned", country: "FR", category: "logistics", ownerId }),
        422,
        "validation_failed",
      );
      expectFieldError(body, "body.ownerId");
      expect(await partnerCount(env, admin.orgId)).toBe(before);
    }
  });

  it("refuses a duplicate LEI in the same organization with 409, whatever its case, and allows it in another", async () => {
    const lei = makeLei();
    await buildPartner(env, admin, { lei });
    const before = await partnerCount(env, admin.orgId);
    const dup = problem(
      await post(admin, { name: "Copycat", country: "FR", category: "other", lei }),
      409,
      "conflict",
    );
    expect(dup.errors).toEqual([{ path: "body.lei", message: "Already used by another partner" }]);
    problem(
      await post(admin, { name: "Copycat", country: "FR", category: "other", lei: ` ${lei.toLowerCase()} ` }),
      409,
      "conflict",
    );
    expect(await partnerCount(env, admin.orgId)).toBe(before);
    expect(
      (await post(other, { name: "Same LEI elsewhere", country: "FR", category: "other", lei })).statusCode,
    ).toBe(201);
    // Partners without an LEI never collide.
    expect((await post(admin, { name: "No LEI 1", country: "FR", category: "other" })).statusCode).toBe(201);
    expect(
      (await post(admin, { name: "No LEI 2", country: "FR", category: "other", lei: null })).statusCode,
    ).toBe(201);
  });
});

describe("reading, updating and deleting a partner", () => {
  it("GET answers 404 for a missing id and 400 for a malformed one", async () => {
    problem(await get(admin, MISSING), 404, "not_found");
    expectFieldError(problem(await get(admin, "not-a-uuid"), 400, "validation_failed"), "params.id");
    expectFieldError(
      problem(await patch(admin, "not-a-uuid", { name: "x" }), 400, "validation_failed"),
      "params.id",
    );
    expectFieldError(problem(await del(admin, "not-a-uuid"), 400, "validation_failed"), "params.id");
    problem(await patch(admin, MISSING, { name: "x" }), 404, "not_found");
    problem(await del(admin, MISSING), 404, "not_found");
  });

  it("PATCH changes only the fields it names, clears optional ones with empty strings, and records before/after", async () => {
    const created = (
      await post(admin, {
        name: "Patchable",
        legalName: "Patchable SA",
        country: "FR",
        category: "logistics",
        description: "Old",
        tags: ["a"],
        website: "patch.example",
      })
    ).json();
    const lei = makeLei();
    const res = await patch(admin, created.id, { name: "Patched", description: "", lei, tags: ["B", "c"] });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      id: created.id,
      name: "Patched",
      legalName: "Patchable SA",
      description: null,
      lei,
      tags: ["b", "c"],
      website: "https://patch.example",
      country: "FR",
      status: "identified",
    });
    expect(p.createdAt).toBe(created.createdAt);
    expect(new Date(p.updatedAt).getTime()).toBeGreaterThan(new Date(created.updatedAt).getTime());
    expect((await get(admin, created.id)).json()).toEqual(p);

    const [, update] = await auditEvents(env, admin.orgId, created.id);
    expect(update.action).toBe("partner.update");
    expect(update.before).toMatchObject({ name: "Patchable", description: "Old", lei: null, tags: ["a"] });
    expect(update.after).toMatchObject({ name: "Patched", description: null, lei, tags: ["b", "c"] });

    const cleared = (await patch(admin, created.id, { lei: null, legalName: "", website: "" })).json();
    expect(cleared).toMatchObject({ lei: null, legalName: null, website: null });
  });

  it("PATCH refuses an empty body and invalid fields with 400 and changes nothing", async () => {
    const p = await buildPartner(env, admin, { name: "Stable" });
    const events = await auditCount(env, admin.orgId);
    problem(await patch(admin, p.id, {}), 400, "validation_failed");
    for (const [change, path] of [
      [{ name: "" }, "body.name"],
      [{ country: "ZZ" }, "body.country"],
      [{ lei: "5299TEST000000000000" }, "body.lei"],
      [{ category: "aliens" }, "body.category"],
      [{ status: "gone" }, "body.status"],
    ] as const) {
      expectFieldError(problem(await patch(admin, p.id, change), 400, "validation_failed"), path);
    }
    expect((await get(admin, p.id)).json().name).toBe("Stable");
    expect(await auditCount(env, admin.orgId)).toBe(events);
  });

  it("PATCH to another partner's LEI answers 409 and leaves no change and no event", async () => {
    const lei = makeLei();
    await buildPartner(env, admin, { lei });
    const p = await buildPartner(env, admin, { name: "Wants that LEI" });
    const events = await auditCount(env, admin.orgId);
    problem(await patch(admin, p.id, { name: "Renamed", lei }), 409, "conflict");
    const now = (await get(admin, p.id)).json();
    expect(now.name).toBe("Wants that LEI");
    expect(now.lei).toBeNull();
    expect(await auditCount(env, admin.orgId)).toBe(events);
  });

  it("PATCH refuses an owner from another organization (422)", async () => {
    const p = await buildPartner(env, admin);
    const foreigner = await buildUser(env, other.orgId, "admin");
    expectFieldError(
      problem(await patch(admin, p.id, { ownerId: foreigner.userId }), 422, "validation_failed"),
      "body.ownerId",
    );
    expect((await get(admin, p.id)).json().owner).toBeNull();
  });

  it("DELETE answers 204, removes the partner with its parts and links, and records partner.delete", async () => {
    const p = await buildPartner(env, admin, { name: "Doomed" });
    const keeper = await buildPartner(env, admin, { name: "Keeper" });
    const site = {
      name: "HQ",
      country: "IN",
      city: "Pune",
      timeZone: "Asia/Kolkata",
      workingHours: { start: "09:00", end: "18:00", days: [1, 2, 3, 4, 5] },
    };
    expect(
      (await call(env, admin, { method: "POST", url: `${BASE}/${p.id}/sites`, payload: site })).statusCode,
    ).toBe(201);
    const link = await call(env, admin, {
      method: "POST",
      url: `${BASE}/${keeper.id}/subcontractors`,
      payload: { subcontractorId: p.id },
    });
    expect(link.statusCode).toBe(201);

    const res = await del(admin, p.id);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    problem(await get(admin, p.id), 404, "not_found");
    problem(await del(admin, p.id), 404, "not_found");
    const { rows } = await env.ctx.database.pool.query(
      "SELECT (SELECT count(*) FROM partner_sites WHERE partner_id = $1)::int AS sites, (SELECT count(*) FROM partner_subcontractors WHERE subcontractor_id = $1)::int AS links",
      [p.id],
    );
    expect(rows[0]).toEqual({ sites: 0, links: 0 });
    expect((await get(admin, keeper.id)).json().counts.subcontractors).toBe(0);

    const events = await auditEvents(env, admin.orgId, p.id);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ action: "partner.delete", entity_id: p.id, after: null });
    expect(last.before).toMatchObject({ name: "Doomed" });
  });

  it("DELETE refuses (409) while the partner still has portal users, and keeps everything", async () => {
    const p = await buildPartner(env, admin, { name: "Has portal users" });
    await buildUser(env, admin.orgId, "partner", p.id);
    problem(await del(admin, p.id), 409, "conflict");
    expect((await get(admin, p.id)).statusCode).toBe(200);
  });
});

describe("lifecycle transitions through PATCH status", () => {
  it("walks the whole lifecycle, each move answering 200 and recording partner.status_change", async () => {
    const p = await buildPartner(env, admin);
    // Contracting needs passed due diligence or an exception (the gate has its own tests).
    await recordException(env, admin, p.id);
    const path = [
      "due_diligence",
      "contracting",
      "onboarding",
      "active",
      "exiting",
      "exited",
      "identified",
    ] as const;
    let from = "identified";
    for (const to of path) {
      const res = await patch(admin, p.id, { status: to });
      expect(res.statusCode, `${from} → ${to}`).toBe(200);
      expect(res.json().status).toBe(to);
      expect(res.json().allowedTransitions).toEqual([...PARTNER_TRANSITIONS[to]]);
      from = to;
    }
    const changes = (await auditEvents(env, admin.orgId, p.id)).filter(
      (e) => e.action === "partner.status_change",
    );
    expect(changes.map((e) => [e.before?.status, e.after?.status])).toEqual([
      ["identified", "due_diligence"],
      ["due_diligence", "contracting"],
      ["contracting", "onboarding"],
      ["onboarding", "active"],
      ["active", "exiting"],
      ["exiting", "exited"],
      ["exited", "identified"],
    ]);
  });

  it("answers 200 exactly for the allowed moves and 409 invalid_transition for every other pair", async () => {
    const p = await buildPartner(env, admin);
    await recordException(env, admin, p.id);
    for (const from of PARTNER_STATUSES) {
      for (const to of PARTNER_STATUSES) {
        await env.ctx.database.pool.query("UPDATE partners SET status = $1 WHERE id = $2", [from, p.id]);
        const res = await patch(admin, p.id, { status: to });
        if (canTransition(from, to)) {
          expect(res.statusCode, `${from} → ${to}`).toBe(200);
          expect(await statusOf(p.id)).toBe(to);
        } else {
          const body = problem(res, 409, "invalid_transition");
          expect(body.detail).toContain(from);
          expect(await statusOf(p.id)).toBe(from);
        }
      }
    }
  });

  it("a refused skip changes nothing else in the same request and records no event", async () => {
    const p = await buildPartner(env, admin, { name: "Skipper" });
    const events = await auditCount(env, admin.orgId);
    problem(await patch(admin, p.id, { status: "active", name: "Renamed" }), 409, "invalid_transition");
    const now = (await get(admin, p.id)).json();
    expect(now).toMatchObject({ status: "identified", name: "Skipper" });
    expect(await auditCount(env, admin.orgId)).toBe(events);
  });

  it("setting the current status again is an ordinary update, not a status change", async () => {
    const p = await buildPartner(env, admin);
    expect((await patch(admin, p.id, { status: "identified", description: "same" })).statusCode).toBe(200);
    const last = (await auditEvents(env, admin.orgId, p.id)).at(-1)!;
    expect(last.action).toBe("partner.update");
  });
});

describe("who may do what", () => {
  const expectStatus = (res: LightMyRequestResponse, status: number, what: string) => {
    if (status >= 400) problem(res, status);
    else expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
  };

  it("answers 401 to anonymous requests on every partner endpoint", async () => {
    const p = await buildPartner(env, admin);
    for (const [method, url] of [
      ["GET", BASE],
      ["POST", BASE],
      ["GET", `${BASE}/${p.id}`],
      ["PATCH", `${BASE}/${p.id}`],
      ["DELETE", `${BASE}/${p.id}`],
      ["GET", `${BASE}/export.csv`],
      ["POST", `${BASE}/import`],
    ] as const) {
      problem(
        await call(env, null, {
          method,
          url,
          payload: method === "GET" || method === "DELETE" ? undefined : { name: "x" },
        }),
        401,
        "unauthenticated",
      );
    }
    expect((await get(admin, p.id)).statusCode).toBe(200);
  });

  it.each<[Role, { read: number; create: number; update: number; delete: number }]>([
    ["admin", { read: 200, create: 201, update: 200, delete: 204 }],
    ["vendor_manager", { read: 200, create: 201, update: 200, delete: 403 }],
    ["risk_manager", { read: 200, create: 403, update: 403, delete: 403 }],
    ["compliance_officer", { read: 200, create: 403, update: 403, delete: 403 }],
    ["auditor", { read: 200, create: 403, update: 403, delete: 403 }],
    ["viewer", { read: 200, create: 403, update: 403, delete: 403 }],
  ])("%s: %o", async (role, expected) => {
    const user = await buildUser(env, admin.orgId, role);
    const p = await buildPartner(env, admin, { name: `Target of ${role}` });
    const partnersBefore = await partnerCount(env, admin.orgId);
    expectStatus(await call(env, user, { url: BASE }), expected.read, "list");
    expectStatus(await get(user, p.id), expected.read, "get");
    expectStatus(
      await post(user, { name: `By ${role}`, country: "PL", category: "other" }),
      expected.create,
      "create",
    );
    expect(await partnerCount(env, admin.orgId)).toBe(partnersBefore + (expected.create === 201 ? 1 : 0));
    expectStatus(await patch(user, p.id, { name: `Renamed by ${role}` }), expected.update, "update");
    expect((await get(admin, p.id)).json().name).toBe(
      expected.update === 200 ? `Renamed by ${role}` : `Target of ${role}`,
    );
    expectStatus(await del(user, p.id), expected.delete, "delete");
    expect((await get(admin, p.id)).statusCode).toBe(expected.delete === 204 ? 404 : 200);
  });

  it("a partner-portal user gets 403 on every partner endpoint, even for their own partner", async () => {
    const own = await buildPartner(env, admin);
    const portal = await buildUser(env, admin.orgId, "partner", own.id);
    const requests: [string, string, object | undefined][] = [
      ["GET", BASE, undefined],
      ["POST", BASE, { name: "x", country: "DE", category: "other" }],
      ["GET", `${BASE}/${own.id}`, undefined],
      ["PATCH", `${BASE}/${own.id}`, { name: "Mine now" }],
      ["DELETE", `${BASE}/${own.id}`, undefined],
      ["GET", `${BASE}/export.csv`, undefined],
    ];
    for (const kind of ["sites", "services", "contacts", "subcontractors"]) {
      requests.push(["GET", `${BASE}/${own.id}/${kind}`, undefined]);
      requests.push(["POST", `${BASE}/${own.id}/${kind}`, { name: "x" }]);
      requests.push(["PATCH", `${BASE}/${own.id}/${kind}/${MISSING}`, { name: "x" }]);
      requests.push(["DELETE", `${BASE}/${own.id}/${kind}/${MISSING}`, undefined]);
    }
    for (const [method, url, payload] of requests) {
      const res = await call(env, portal, { method: method as "GET", url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      problem(res, 403, "forbidden");
    }
    const imp = await call(env, portal, {
      method: "POST",
      url: `${BASE}/import`,
      headers: { "content-type": "text/csv" },
      payload: "name,country,category\nSneaky,DE,other\n",
    });
    problem(imp, 403, "forbidden");
    expect((await get(admin, own.id)).json().name).toBe(own.name);
  });

  it("another organization's partner answers 404 on get, patch and delete, exactly as a missing one", async () => {
    const theirs = await buildPartner(env, other, { name: "Theirs" });
    const events = await auditCount(env, other.orgId);
    const missing = problem(await get(admin, MISSING), 404, "not_found");
    const foreign = problem(await get(admin, theirs.id), 404, "not_found");
    expect(foreign.detail).toBe(missing.detail);
    problem(await patch(admin, theirs.id, { name: "Hijacked" }), 404, "not_found");
    problem(await patch(admin, theirs.id, { status: "due_diligence" }), 404, "not_found");
    problem(await del(admin, theirs.id), 404, "not_found");
    const still = (await get(other, theirs.id)).json();
    expect(still).toMatchObject({ name: "Theirs", status: "identified" });
    expect(await auditCount(env, other.orgId)).toBe(events);
  });
});

describe("audit events commit or roll back with the change", () => {
  it("a failing audit write undoes a create", async () => {
    const before = await partnerCount(env, admin.orgId);
    const res = await withFailingAudit(env, "partner.create", () =>
      post(admin, { name: "Ghost", country: "DE", category: "other" }),
    );
    problem(res, 500, "internal_error");
    expect(await partnerCount(env, admin.orgId)).toBe(before);
  });

  it("a failing audit write undoes an update and a status change", async () => {
    const p = await buildPartner(env, admin, { name: "Unchanged" });
    problem(
      await withFailingAudit(env, "partner.update", () => patch(admin, p.id, { name: "Changed" })),
      500,
      "internal_error",
    );
    problem(
      await withFailingAudit(env, "partner.status_change", () =>
        patch(admin, p.id, { status: "due_diligence" }),
      ),
      500,
      "internal_error",
    );
    expect((await get(admin, p.id)).json()).toMatchObject({ name: "Unchanged", status: "identified" });
  });

  it("a failing audit write undoes a delete", async () => {
    const p = await buildPartner(env, admin);
    problem(await withFailingAudit(env, "partner.delete", () => del(admin, p.id)), 500, "internal_error");
    expect((await get(admin, p.id)).statusCode).toBe(200);
  });

  it("every successful change of a partner adds exactly one event to the organization's chain", async () => {
    const org = await buildOrg(env);
    const start = await auditCount(env, org.orgId);
    const p = await buildPartner(env, org);
    await patch(org, p.id, { name: "One" });
    await patch(org, p.id, { status: "due_diligence" });
    await del(org, p.id);
    const events = (await auditEvents(env, org.orgId)).slice(start);
    expect(events.map((e) => e.action)).toEqual([
      "partner.create",
      "partner.update",
      "partner.status_change",
      "partner.delete",
    ]);
    expect(events.every((e) => e.entity_id === p.id && e.actor_id === org.userId)).toBe(true);
    expect((await verifyChain(env.ctx.database.db, org.orgId)).ok).toBe(true);
  });
});
