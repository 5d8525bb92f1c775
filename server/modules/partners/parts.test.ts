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
import { auditCount, auditEvents, expectFieldError, withFailingAudit } from "./partners.testkit.js";

const env = useTestApp();
const MISSING = "00000000-0000-4000-8000-000000000000";
const url = (partnerId: string, kind: string, partId?: string) =>
  `/api/v1/partners/${partnerId}/${kind}${partId ? `/${partId}` : ""}`;

let admin: Session;
let other: Session;
let home: { id: string; name: string }; // the partner most tests work on
let theirs: { id: string }; // a partner of another organization

beforeAll(async () => {
  admin = await buildOrg(env);
  other = await buildOrg(env);
  home = await buildPartner(env, admin, { name: "Home Partner" });
  theirs = await buildPartner(env, other, { name: "Their Partner" });
});

type Body = Record<string, unknown>;
interface KindSpec {
  kind: "sites" | "services" | "contacts" | "subcontractors";
  entity: string;
  countKey: "sites" | "services" | "contacts" | "subcontractors";
  /** A valid create body for `partnerId` (sub-contractors need a fresh partner each time). */
  valid(session: Session): Promise<Body>;
  update: Body;
  /** What the update must show in the answer. */
  updated: Body;
}

const site = {
  name: "Pune campus",
  country: "in",
  city: "Pune",
  timeZone: "Asia/Kolkata",
  workingHours: { start: "09:30", end: "18:30", days: [1, 2, 3, 4, 5] },
};
const service = { name: "L1 support", function: "Customer service", criticality: "important" };
const contact = {
  name: "Priya Raman",
  email: "priya@northwind.example",
  phone: "+91 20 5555 0100",
  role: "Delivery manager",
};

const KINDS: KindSpec[] = [
  {
    kind: "sites",
    entity: "site",
    countKey: "sites",
    valid: async () => site,
    update: { city: "Mumbai" },
    updated: { city: "Mumbai", name: "Pune campus", timeZone: "Asia/Kolkata" },
  },
  {
    kind: "services",
    entity: "service",
    countKey: "services",
    valid: async () => service,
    update: { criticality: "critical" },
    updated: { criticality: "critical", name: "L1 support" },
  },
  {
    kind: "contacts",
    entity: "contact",
    countKey: "contacts",
    valid: async () => contact,
    update: { role: "Account lead" },
    updated: { role: "Account lead", name: "Priya Raman" },
  },
  {
    kind: "subcontractors",
    entity: "subcontractor",
    countKey: "subcontractors",
    valid: async (s) => ({
      subcontractorId: (await buildPartner(env, s, { name: `Fourth party ${Math.random()}` })).id,
      description: "Hosting",
    }),
    update: { description: "Hosting and backups" },
    updated: { description: "Hosting and backups" },
  },
];

const create = async (s: Session | null, partnerId: string, spec: KindSpec, body?: Body) =>
  call(env, s, {
    method: "POST",
    url: url(partnerId, spec.kind),
    payload: body ?? (await spec.valid(admin)),
  });

describe.each(KINDS)("$kind: the common contract", (spec) => {
  it("creates, lists, updates and deletes, recording each change against the partner", async () => {
    const partner = await buildPartner(env, admin);
    const res = await create(admin, partner.id, spec);
    expect(res.statusCode, res.body).toBe(201);
    const part = res.json();
    expect(part).toMatchObject({ id: expect.any(String), partnerId: partner.id });
    expect(
      (await call(env, admin, { url: `/api/v1/partners/${partner.id}` })).json().counts[spec.countKey],
    ).toBe(1);

    const list = await call(env, admin, { url: url(partner.id, spec.kind) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([part]);

    const upd = await call(env, admin, {
      method: "PATCH",
      url: url(partner.id, spec.kind, part.id),
      payload: spec.update,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ ...spec.updated, id: part.id, createdAt: part.createdAt });
    expect(new Date(upd.json().updatedAt).getTime()).toBeGreaterThan(new Date(part.updatedAt).getTime());
    expect((await call(env, admin, { url: url(partner.id, spec.kind) })).json().items).toEqual([upd.json()]);

    const gone = await call(env, admin, { method: "DELETE", url: url(partner.id, spec.kind, part.id) });
    expect(gone.statusCode).toBe(204);
    expect((await call(env, admin, { url: url(partner.id, spec.kind) })).json().items).toEqual([]);
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: url(partner.id, spec.kind, part.id),
        payload: spec.update,
      }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(partner.id, spec.kind, part.id) }),
      404,
      "not_found",
    );

    const events = (await auditEvents(env, admin.orgId, part.id)).filter(
      (e) => e.entity_type === spec.entity,
    );
    expect(events.map((e) => e.action)).toEqual([
      `${spec.entity}.create`,
      `${spec.entity}.update`,
      `${spec.entity}.delete`,
    ]);
    for (const e of events) {
      expect(e.entity_id).toBe(part.id);
      expect(e.related_ids).toContain(partner.id);
      expect(e.actor_id).toBe(admin.userId);
    }
    expect(events[0].after).toMatchObject({ id: part.id });
    expect(events[1].before).toMatchObject({ id: part.id });
    expect(events[1].after).toMatchObject(spec.updated);
    expect(events[2]).toMatchObject({ after: null, before: { id: part.id } });
    // The partner's activity feed finds them through related_ids.
    const feed = (await auditEvents(env, admin.orgId, partner.id)).map((e) => e.action);
    expect(feed).toEqual(
      expect.arrayContaining([`${spec.entity}.create`, `${spec.entity}.update`, `${spec.entity}.delete`]),
    );
  });

  it("refuses an empty PATCH and malformed ids with 400", async () => {
    const part = (await create(admin, home.id, spec)).json();
    problem(
      await call(env, admin, { method: "PATCH", url: url(home.id, spec.kind, part.id), payload: {} }),
      400,
      "validation_failed",
    );
    expectFieldError(
      problem(await call(env, admin, { url: url("nope", spec.kind) }), 400, "validation_failed"),
      "params.id",
    );
    expectFieldError(
      problem(
        await call(env, admin, { method: "DELETE", url: url(home.id, spec.kind, "nope") }),
        400,
        "validation_failed",
      ),
      "params.partId",
    );
  });

  it("answers 401 to anonymous requests", async () => {
    const part = (await create(admin, home.id, spec)).json();
    for (const [method, u] of [
      ["GET", url(home.id, spec.kind)],
      ["POST", url(home.id, spec.kind)],
      ["PATCH", url(home.id, spec.kind, part.id)],
      ["DELETE", url(home.id, spec.kind, part.id)],
    ] as const) {
      problem(
        await call(env, null, {
          method,
          url: u,
          payload: method === "POST" || method === "PATCH" ? {} : undefined,
        }),
        401,
        "unauthenticated",
      );
    }
    expect(
      (await call(env, admin, { url: url(home.id, spec.kind) }))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(part.id);
  });

  it.each<[Role, boolean]>([
    ["vendor_manager", true],
    ["risk_manager", false],
    ["compliance_officer", false],
    ["auditor", false],
    ["viewer", false],
  ])("role %s may read; may change: %s", async (role, mayChange) => {
    const user = await buildUser(env, admin.orgId, role);
    const partner = await buildPartner(env, admin);
    const existing = (await create(admin, partner.id, spec)).json();
    expect((await call(env, user, { url: url(partner.id, spec.kind) })).statusCode).toBe(200);

    const created = await create(user, partner.id, spec);
    const updated = await call(env, user, {
      method: "PATCH",
      url: url(partner.id, spec.kind, existing.id),
      payload: spec.update,
    });
    const deleted = await call(env, user, { method: "DELETE", url: url(partner.id, spec.kind, existing.id) });
    const left = (await call(env, admin, { url: url(partner.id, spec.kind) })).json().items as {
      id: string;
    }[];
    if (mayChange) {
      expect([created.statusCode, updated.statusCode, deleted.statusCode]).toEqual([201, 200, 204]);
      expect(left.map((i) => i.id)).toEqual([created.json().id]);
    } else {
      for (const res of [created, updated, deleted]) problem(res, 403, "forbidden");
      expect(left).toEqual([existing]);
    }
  });

  it("another organization's partner answers 404 on every route, and its parts stay untouched", async () => {
    const foreignPart = (await create(other, theirs.id, spec, await spec.valid(other))).json();
    const before = await auditCount(env, other.orgId);
    problem(await call(env, admin, { url: url(theirs.id, spec.kind) }), 404, "not_found");
    problem(await create(admin, theirs.id, spec), 404, "not_found");
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: url(theirs.id, spec.kind, foreignPart.id),
        payload: spec.update,
      }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(theirs.id, spec.kind, foreignPart.id) }),
      404,
      "not_found",
    );
    // Their part addressed through our own partner is just as unknown.
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: url(home.id, spec.kind, foreignPart.id),
        payload: spec.update,
      }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(home.id, spec.kind, foreignPart.id) }),
      404,
      "not_found",
    );
    expect((await call(env, other, { url: url(theirs.id, spec.kind) })).json().items).toEqual([foreignPart]);
    expect(await auditCount(env, other.orgId)).toBe(before);
  });

  it("a missing partner, or a part of another partner, answers 404", async () => {
    problem(await call(env, admin, { url: url(MISSING, spec.kind) }), 404, "not_found");
    problem(await create(admin, MISSING, spec), 404, "not_found");
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: url(MISSING, spec.kind, MISSING),
        payload: spec.update,
      }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(MISSING, spec.kind, MISSING) }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(home.id, spec.kind, MISSING) }),
      404,
      "not_found",
    );
    const sibling = await buildPartner(env, admin);
    const part = (await create(admin, sibling.id, spec)).json();
    problem(
      await call(env, admin, {
        method: "PATCH",
        url: url(home.id, spec.kind, part.id),
        payload: spec.update,
      }),
      404,
      "not_found",
    );
    problem(
      await call(env, admin, { method: "DELETE", url: url(home.id, spec.kind, part.id) }),
      404,
      "not_found",
    );
    expect((await call(env, admin, { url: url(sibling.id, spec.kind) })).json().items).toEqual([part]);
  });

  it("a failing audit write undoes the create, the update and the delete", async () => {
    const partner = await buildPartner(env, admin);
    problem(
      await withFailingAudit(env, `${spec.entity}.create`, () => create(admin, partner.id, spec)),
      500,
      "internal_error",
    );
    expect((await call(env, admin, { url: url(partner.id, spec.kind) })).json().items).toEqual([]);
    const part = (await create(admin, partner.id, spec)).json();
    const patchIt = () =>
      call(env, admin, { method: "PATCH", url: url(partner.id, spec.kind, part.id), payload: spec.update });
    problem(await withFailingAudit(env, `${spec.entity}.update`, patchIt), 500, "internal_error");
    const deleteIt = () => call(env, admin, { method: "DELETE", url: url(partner.id, spec.kind, part.id) });
    problem(await withFailingAudit(env, `${spec.entity}.delete`, deleteIt), 500, "internal_error");
    expect((await call(env, admin, { url: url(partner.id, spec.kind) })).json().items).toEqual([part]);
  });
});

/** Posts `body` and expects a 400 naming `path`, with nothing stored. */
async function expectRefused(kind: string, body: Body, path: string, status = 400) {
  const before = (await call(env, admin, { url: url(home.id, kind) })).json().items.length;
  const res = await call(env, admin, { method: "POST", url: url(home.id, kind), payload: body });
  expectFieldError(problem(res, status, "validation_failed"), path);
  expect((await call(env, admin, { url: url(home.id, kind) })).json().items.length).toBe(before);
}

describe("sites", () => {
  it("normalises the country, the time zone's spelling and the working days", async () => {
    const res = await call(env, admin, {
      method: "POST",
      url: url(home.id, "sites"),
      payload: {
        ...site,
        country: "fr",
        timeZone: "europe/paris",
        workingHours: { start: "08:00", end: "17:00", days: [5, 1, 3, 1] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      country: "FR",
      countryName: "France",
      timeZone: "Europe/Paris",
      workingHours: { start: "08:00", end: "17:00", days: [1, 3, 5] },
    });
  });

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "body.timeZone"],
    ["an empty time zone", { timeZone: "" }, "body.timeZone"],
    [
      "a start without leading zero",
      { workingHours: { start: "9:00", end: "17:00", days: [1] } },
      "body.workingHours.start",
    ],
    [
      "an end of 24:00",
      { workingHours: { start: "09:00", end: "24:00", days: [1] } },
      "body.workingHours.end",
    ],
    ["a day 0", { workingHours: { start: "09:00", end: "17:00", days: [0] } }, "body.workingHours.days.0"],
    ["a day 8", { workingHours: { start: "09:00", end: "17:00", days: [1, 8] } }, "body.workingHours.days.1"],
    [
      "no working days",
      { workingHours: { start: "09:00", end: "17:00", days: [] } },
      "body.workingHours.days",
    ],
    [
      "start equal to end",
      { workingHours: { start: "09:00", end: "09:00", days: [1] } },
      "body.workingHours.end",
    ],
    ["an unknown country", { country: "XX" }, "body.country"],
    ["an empty city", { city: " " }, "body.city"],
    ["no name", { name: undefined }, "body.name"],
  ])("refuses %s (400, %s)", async (_what, change, path) => {
    await expectRefused("sites", { ...site, ...change }, path);
  });

  it("an update changes only the fields it names and is validated too", async () => {
    const s = (await call(env, admin, { method: "POST", url: url(home.id, "sites"), payload: site })).json();
    const hours = { start: "22:00", end: "06:00", days: [7, 6] };
    const res = await call(env, admin, {
      method: "PATCH",
      url: url(home.id, "sites", s.id),
      payload: { workingHours: hours },
    });
    expect(res.json()).toMatchObject({
      name: site.name,
      city: site.city,
      timeZone: site.timeZone,
      country: "IN",
      workingHours: { ...hours, days: [6, 7] },
    });
    const bad = await call(env, admin, {
      method: "PATCH",
      url: url(home.id, "sites", s.id),
      payload: { timeZone: "Mars/Olympus", city: "Chennai" },
    });
    expectFieldError(problem(bad, 400, "validation_failed"), "body.timeZone");
    const now = (await call(env, admin, { url: url(home.id, "sites") }))
      .json()
      .items.find((i: { id: string }) => i.id === s.id);
    expect(now).toMatchObject({ city: "Pune", timeZone: "Asia/Kolkata" });
  });
});

describe("services", () => {
  it("defaults the data fields, de-duplicates them and upper-cases the locations", async () => {
    const minimal = await call(env, admin, {
      method: "POST",
      url: url(home.id, "services"),
      payload: service,
    });
    expect(minimal.json()).toMatchObject({
      description: null,
      dataCategories: [],
      dataLocations: [],
      startDate: null,
    });
    const full = await call(env, admin, {
      method: "POST",
      url: url(home.id, "services"),
      payload: {
        ...service,
        dataCategories: ["personal_data", "financial", "personal_data"],
        dataLocations: ["de", "FR", "de"],
        startDate: "2024-02-29",
      },
    });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json()).toMatchObject({
      dataCategories: ["personal_data", "financial"],
      dataLocations: ["DE", "FR"],
      startDate: "2024-02-29",
    });
  });

  it.each([
    ["an unknown criticality", { criticality: "high" }, "body.criticality"],
    ["'none' with other data categories", { dataCategories: ["none", "financial"] }, "body.dataCategories"],
    ["an unknown data category", { dataCategories: ["secrets"] }, "body.dataCategories.0"],
    ["an unknown data location", { dataLocations: ["DE", "XX"] }, "body.dataLocations.1"],
    ["a start date that does not exist", { startDate: "2023-02-30" }, "body.startDate"],
    ["a start date in another format", { startDate: "01/02/2024" }, "body.startDate"],
    ["no function", { function: undefined }, "body.function"],
  ])("refuses %s (400, %s)", async (_what, change, path) => {
    await expectRefused("services", { ...service, ...change }, path);
  });

  it("'none' alone is accepted, and a start date can be cleared", async () => {
    const s = await call(env, admin, {
      method: "POST",
      url: url(home.id, "services"),
      payload: { ...service, dataCategories: ["none"], startDate: "2024-01-01" },
    });
    expect(s.json().dataCategories).toEqual(["none"]);
    const cleared = await call(env, admin, {
      method: "PATCH",
      url: url(home.id, "services", s.json().id),
      payload: { startDate: null },
    });
    expect(cleared.json().startDate).toBeNull();
    const mixed = await call(env, admin, {
      method: "PATCH",
      url: url(home.id, "services", s.json().id),
      payload: { dataCategories: ["none", "health"] },
    });
    expectFieldError(problem(mixed, 400, "validation_failed"), "body.dataCategories");
  });

  it("the partner's highest criticality follows its services", async () => {
    const partner = await buildPartner(env, admin);
    const crit = async () =>
      (await call(env, admin, { url: `/api/v1/partners/${partner.id}` })).json().highestCriticality;
    expect(await crit()).toBeNull();
    const std = (
      await call(env, admin, {
        method: "POST",
        url: url(partner.id, "services"),
        payload: { ...service, criticality: "standard" },
      })
    ).json();
    expect(await crit()).toBe("standard");
    await call(env, admin, {
      method: "PATCH",
      url: url(partner.id, "services", std.id),
      payload: { criticality: "critical" },
    });
    expect(await crit()).toBe("critical");
    await call(env, admin, { method: "DELETE", url: url(partner.id, "services", std.id) });
    expect(await crit()).toBeNull();
  });
});

describe("contacts", () => {
  it("lower-cases e-mail addresses and accepts international phone numbers", async () => {
    const res = await call(env, admin, {
      method: "POST",
      url: url(home.id, "contacts"),
      payload: { name: "Ann", email: " Ann.Lee@Example.COM ", phone: "+49 (30) 1234-567" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      email: "ann.lee@example.com",
      phone: "+49 (30) 1234-567",
      role: null,
      isPrimary: false,
    });
  });

  it.each([
    ["an invalid e-mail", { email: "not-an-email" }, "body.email"],
    ["an e-mail without domain", { email: "ann@" }, "body.email"],
    ["a phone with letters", { phone: "call me maybe" }, "body.phone"],
    ["a phone too short", { phone: "123" }, "body.phone"],
    ["an empty name", { name: "" }, "body.name"],
    ["a non-boolean isPrimary", { isPrimary: "yes" }, "body.isPrimary"],
  ])("refuses %s (400, %s)", async (_what, change, path) => {
    await expectRefused("contacts", { ...contact, ...change }, path);
  });

  it("clears e-mail and phone with null or an empty string", async () => {
    const c = (
      await call(env, admin, { method: "POST", url: url(home.id, "contacts"), payload: contact })
    ).json();
    const res = await call(env, admin, {
      method: "PATCH",
      url: url(home.id, "contacts", c.id),
      payload: { email: "", phone: null },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: null, phone: null, name: contact.name });
    const created = await call(env, admin, {
      method: "POST",
      url: url(home.id, "contacts"),
      payload: { name: "No details", email: "", phone: "" },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: null, phone: null });
  });
});

describe("sub-contractors", () => {
  let prime: { id: string };
  let fourth: { id: string; name: string };
  let primeService: string;
  let fourthService: string;
  beforeAll(async () => {
    prime = await buildPartner(env, admin, { name: "Prime" });
    fourth = await buildPartner(env, admin, { name: "Fourth", country: "PL" });
    primeService = (
      await call(env, admin, { method: "POST", url: url(prime.id, "services"), payload: service })
    ).json().id;
    fourthService = (
      await call(env, admin, { method: "POST", url: url(fourth.id, "services"), payload: service })
    ).json().id;
  });
  const link = (body: Body, partnerId = prime.id) =>
    call(env, admin, { method: "POST", url: url(partnerId, "subcontractors"), payload: body });

  it("links another partner of the organization, with the services it takes part in", async () => {
    const res = await link({
      subcontractorId: fourth.id,
      description: "Data centre",
      serviceIds: [primeService, primeService],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      partnerId: prime.id,
      subcontractor: { id: fourth.id, name: "Fourth", country: "PL", status: "identified" },
      description: "Data centre",
      serviceIds: [primeService],
    });
    // The fourth party's current name is shown, not a copy.
    await call(env, admin, {
      method: "PATCH",
      url: `/api/v1/partners/${fourth.id}`,
      payload: { name: "Fourth Renamed" },
    });
    expect(
      (await call(env, admin, { url: url(prime.id, "subcontractors") })).json().items[0].subcontractor.name,
    ).toBe("Fourth Renamed");
  });

  it("refuses a duplicate link with 409", async () => {
    const before = await auditCount(env, admin.orgId);
    problem(await link({ subcontractorId: fourth.id }), 409, "conflict");
    expect(await auditCount(env, admin.orgId)).toBe(before);
  });

  it("refuses the partner itself, another organization's partner and an unknown one with 422", async () => {
    for (const subcontractorId of [prime.id, theirs.id, MISSING]) {
      expectFieldError(
        problem(await link({ subcontractorId }), 422, "validation_failed"),
        "body.subcontractorId",
      );
    }
    expectFieldError(
      problem(await link({ subcontractorId: "x" }), 400, "validation_failed"),
      "body.subcontractorId",
    );
    expectFieldError(problem(await link({}), 400, "validation_failed"), "body.subcontractorId");
  });

  it("refuses services that are not the partner's own, on create and on update", async () => {
    const other3 = await buildPartner(env, admin);
    const foreignService = (
      await call(env, other, { method: "POST", url: url(theirs.id, "services"), payload: service })
    ).json().id;
    for (const serviceIds of [[fourthService], [foreignService], [primeService, MISSING]]) {
      expectFieldError(
        problem(await link({ subcontractorId: other3.id, serviceIds }), 422, "validation_failed"),
        "body.serviceIds",
      );
    }
    expectFieldError(
      problem(await link({ subcontractorId: other3.id, serviceIds: ["nope"] }), 400, "validation_failed"),
      "body.serviceIds.0",
    );
    const ok = (await link({ subcontractorId: other3.id })).json();
    const res = await call(env, admin, {
      method: "PATCH",
      url: url(prime.id, "subcontractors", ok.id),
      payload: { serviceIds: [fourthService] },
    });
    expectFieldError(problem(res, 422, "validation_failed"), "body.serviceIds");
    const upd = await call(env, admin, {
      method: "PATCH",
      url: url(prime.id, "subcontractors", ok.id),
      payload: { serviceIds: [primeService] },
    });
    expect(upd.json().serviceIds).toEqual([primeService]);
  });

  it("an update cannot swap the fourth party", async () => {
    const third = await buildPartner(env, admin);
    const l = (await link({ subcontractorId: third.id })).json();
    const res = await call(env, admin, {
      method: "PATCH",
      url: url(prime.id, "subcontractors", l.id),
      payload: { subcontractorId: fourth.id, description: "x" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().subcontractor.id).toBe(third.id);
  });

  it("deleting a service removes it from the sub-contractor links that named it", async () => {
    const p = await buildPartner(env, admin);
    const s1 = (
      await call(env, admin, { method: "POST", url: url(p.id, "services"), payload: service })
    ).json().id;
    const s2 = (
      await call(env, admin, { method: "POST", url: url(p.id, "services"), payload: service })
    ).json().id;
    const l = (await link({ subcontractorId: fourth.id, serviceIds: [s1, s2] }, p.id)).json();
    expect((await call(env, admin, { method: "DELETE", url: url(p.id, "services", s1) })).statusCode).toBe(
      204,
    );
    const now = (await call(env, admin, { url: url(p.id, "subcontractors") }))
      .json()
      .items.find((i: { id: string }) => i.id === l.id);
    expect(now.serviceIds).toEqual([s2]);
    const change = (await auditEvents(env, admin.orgId, l.id)).at(-1)!;
    expect(change).toMatchObject({
      action: "subcontractor.update",
      before: { serviceIds: [s1, s2] },
      after: { serviceIds: [s2] },
    });
    expect(change.related_ids).toContain(p.id);
    // And the link stays editable: its remaining services are still valid.
    const res = await call(env, admin, {
      method: "PATCH",
      url: url(p.id, "subcontractors", l.id),
      payload: { description: "still fine" },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
