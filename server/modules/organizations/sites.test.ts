import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../domain/roles.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { auditEvents } from "../partners/partners.testkit.js";

const env = useTestApp();
const URL = "/api/v1/organization/sites";
const MISSING = "00000000-0000-4000-8000-000000000000";
const london = {
  name: "London HQ",
  country: "gb",
  city: "London",
  timeZone: "europe/london",
  workingHours: { start: "09:00", end: "17:00", days: [5, 1, 2, 3, 4, 1] },
};

let admin: Session;
let other: Session;
beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
});

const create = (s: Session | null, body: Record<string, unknown> = london) =>
  call(env, s, { method: "POST", url: URL, payload: body });

describe("organization sites", () => {
  it("creates, lists, updates and deletes, auditing each change", async () => {
    const res = await create(admin);
    expect(res.statusCode, res.body).toBe(201);
    const site = res.json();
    expect(site).toEqual({
      id: expect.any(String),
      name: "London HQ",
      country: "GB",
      countryName: "United Kingdom",
      city: "London",
      timeZone: "Europe/London",
      workingHours: { start: "09:00", end: "17:00", days: [1, 2, 3, 4, 5] },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(site).not.toHaveProperty("partnerId");

    const list = await call(env, admin, { url: URL });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([site]);
    // Another organization sees none of it.
    expect((await call(env, other, { url: URL })).json().items).toEqual([]);

    const upd = await call(env, admin, {
      method: "PATCH",
      url: `${URL}/${site.id}`,
      payload: { city: "Canary Wharf" },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ id: site.id, city: "Canary Wharf", name: "London HQ" });

    const del = await call(env, admin, { method: "DELETE", url: `${URL}/${site.id}` });
    expect(del.statusCode).toBe(204);
    expect((await call(env, admin, { url: URL })).json().items).toEqual([]);

    const events = await auditEvents(env, admin.orgId, site.id);
    expect(events.map((e) => e.action)).toEqual([
      "organization_site.create",
      "organization_site.update",
      "organization_site.delete",
    ]);
    expect(events[1].before).toMatchObject({ city: "London" });
    expect(events[1].after).toMatchObject({ city: "Canary Wharf" });
    expect(events.every((e) => e.entity_type === "organization_site" && e.actor_id === admin.userId)).toBe(
      true,
    );
  });

  it("refuses invalid bodies with the failing fields", async () => {
    const res = await create(admin, {
      ...london,
      country: "XX",
      timeZone: "Mars/Olympus",
      workingHours: { start: "9am", end: "17:00", days: [8] },
    });
    const body = problem(res, 400, "validation_failed");
    const paths = body.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.country",
        "body.timeZone",
        "body.workingHours.start",
        "body.workingHours.days.0",
      ]),
    );
    const site = (await create(admin)).json();
    problem(
      await call(env, admin, { method: "PATCH", url: `${URL}/${site.id}`, payload: {} }),
      400,
      "validation_failed",
    );
    const bad = problem(
      await call(env, admin, {
        method: "PATCH",
        url: `${URL}/${site.id}`,
        payload: { workingHours: { start: "09:00", end: "09:00", days: [1] } },
      }),
      400,
      "validation_failed",
    );
    expect(bad.errors?.map((e) => e.path)).toContain("body.workingHours.end");
    problem(
      await call(env, admin, { method: "PATCH", url: `${URL}/not-a-uuid`, payload: { city: "X" } }),
      400,
    );
  });

  it("answers 401 without a session", async () => {
    problem(await call(env, null, { url: URL }), 401);
    problem(await create(null), 401);
    problem(
      await call(env, null, { method: "PATCH", url: `${URL}/${MISSING}`, payload: { city: "X" } }),
      401,
    );
    problem(await call(env, null, { method: "DELETE", url: `${URL}/${MISSING}` }), 401);
  });

  it("lets every staff role read and only admins and vendor managers change", async () => {
    const site = (await create(admin)).json();
    const partner = await buildPartner(env, admin);
    const roles: [Role, boolean][] = [
      ["vendor_manager", true],
      ["risk_manager", false],
      ["compliance_officer", false],
      ["auditor", false],
      ["viewer", false],
    ];
    for (const [role, may] of roles) {
      const s = await buildUser(env, admin.orgId, role);
      expect((await call(env, s, { url: URL })).statusCode, role).toBe(200);
      const created = await create(s, { ...london, name: `By ${role}` });
      const patched = await call(env, s, {
        method: "PATCH",
        url: `${URL}/${site.id}`,
        payload: { name: `By ${role}` },
      });
      if (may) {
        expect(created.statusCode, role).toBe(201);
        expect(patched.statusCode, role).toBe(200);
        expect(
          (await call(env, s, { method: "DELETE", url: `${URL}/${created.json().id}` })).statusCode,
        ).toBe(204);
      } else {
        problem(created, 403, "forbidden");
        problem(patched, 403, "forbidden");
        problem(await call(env, s, { method: "DELETE", url: `${URL}/${site.id}` }), 403, "forbidden");
      }
    }
    const portal = await buildUser(env, admin.orgId, "partner", partner.id);
    problem(await call(env, portal, { url: URL }), 403, "forbidden");
    problem(await create(portal), 403, "forbidden");
    problem(
      await call(env, portal, { method: "PATCH", url: `${URL}/${site.id}`, payload: { city: "X" } }),
      403,
    );
    problem(await call(env, portal, { method: "DELETE", url: `${URL}/${site.id}` }), 403);
    // The site is still there, unchanged by the refused calls.
    const after = (await call(env, admin, { url: URL }))
      .json()
      .items.find((s: { id: string }) => s.id === site.id);
    expect(after).toMatchObject({ name: "By vendor_manager", city: "London" });
  });

  it("answers 404 for another organization's site and for a missing one, changing nothing", async () => {
    const theirs = (await create(other)).json();
    for (const id of [theirs.id, MISSING]) {
      problem(
        await call(env, admin, { method: "PATCH", url: `${URL}/${id}`, payload: { city: "X" } }),
        404,
        "not_found",
      );
      problem(await call(env, admin, { method: "DELETE", url: `${URL}/${id}` }), 404, "not_found");
    }
    expect((await call(env, other, { url: URL })).json().items).toEqual([theirs]);
  });
});
