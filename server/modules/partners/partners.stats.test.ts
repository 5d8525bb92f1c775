import { describe, expect, it } from "vitest";
import { buildOrg, buildPartner, buildUser, call, problem, useTestApp } from "../../test/harness.js";

const env = useTestApp();

const service = (criticality: string) => ({ name: `Svc ${criticality}`, function: "Ops", criticality });

describe("GET /api/v1/partners/stats", () => {
  it("counts partners by status, category and country, and services by criticality", async () => {
    const admin = await buildOrg(env);
    const other = await buildOrg(env);
    await buildPartner(env, other, { country: "FR" });
    const a = await buildPartner(env, admin, { country: "IN", category: "software_development" });
    const b = await buildPartner(env, admin, {
      country: "IN",
      category: "cloud_saas",
      status: "due_diligence",
    });
    await buildPartner(env, admin, { country: "PH", category: "cloud_saas" });
    for (const [p, c] of [
      [a, "critical"],
      [a, "critical"],
      [a, "standard"],
      [b, "critical"],
      [b, "important"],
    ] as const) {
      const res = await call(env, admin, {
        method: "POST",
        url: `/api/v1/partners/${p.id}/services`,
        payload: service(c),
      });
      expect(res.statusCode).toBe(201);
    }
    const res = await call(env, admin, { url: "/api/v1/partners/stats" });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.total).toBe(3);
    expect(stats.byStatus).toMatchObject({ identified: 2, due_diligence: 1, active: 0, exited: 0 });
    expect(Object.keys(stats.byStatus)).toHaveLength(7);
    expect(stats.byCategory).toMatchObject({ software_development: 1, cloud_saas: 2, manufacturing: 0 });
    expect(stats.byCountry).toEqual([
      { country: "IN", countryName: "India", count: 2 },
      { country: "PH", countryName: "Philippines", count: 1 },
    ]);
    expect(stats.services).toEqual({
      total: 5,
      byCriticality: { critical: 3, important: 1, standard: 1 },
      partnersWithCritical: 2,
    });
  });

  it("is for staff only: 401 anonymous, 403 for partner users; empty for a new organization", async () => {
    const admin = await buildOrg(env);
    problem(await call(env, null, { url: "/api/v1/partners/stats" }), 401);
    const p = await buildPartner(env, admin);
    problem(
      await call(env, await buildUser(env, admin.orgId, "partner", p.id), { url: "/api/v1/partners/stats" }),
      403,
    );
    const viewer = await buildUser(env, admin.orgId, "viewer");
    expect((await call(env, viewer, { url: "/api/v1/partners/stats" })).json().total).toBe(1);
    const fresh = await buildOrg(env);
    const empty = (await call(env, fresh, { url: "/api/v1/partners/stats" })).json();
    expect(empty).toMatchObject({ total: 0, byCountry: [], services: { total: 0, partnersWithCritical: 0 } });
  });
});
