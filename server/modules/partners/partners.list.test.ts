import { beforeAll, describe, expect, it } from "vitest";
import { PARTNER_STATUSES } from "../../../domain/lifecycle.js";
import { PARTNER_CATEGORIES, PARTNER_SORTS } from "../../../domain/partners.js";
import { encodeCursor } from "../../platform/http/cursor.js";
import {
  buildOrg,
  buildPartner,
  buildUser,
  call,
  problem,
  type Session,
  useTestApp,
} from "../../test/harness.js";
import { expectFieldError, makeLei } from "./partners.testkit.js";

const env = useTestApp();
const N = 30;
const PAGE = 7;
const WORDS = ["alpha", "Bravo", "charlie", "Delta", "echo"];
const COUNTRIES = ["DE", "FR", "IN", "US", "BR"];

/** A partner as stored, read straight from the table (microsecond timestamps included). */
interface Row {
  id: string;
  name: string;
  legalName: string | null;
  lei: string | null;
  country: string;
  category: string;
  status: string;
  tags: string[];
  riskTier: number;
  createdUs: bigint;
  updatedUs: bigint;
}

let org: Session;
let rows: Row[];
const byIndex: string[] = [];

async function loadRows(orgId: string): Promise<Row[]> {
  const { rows } = await env.ctx.database.pool.query(
    `SELECT id, name, legal_name AS "legalName", lei, country, category, status, tags, risk_tier AS "riskTier",
            (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us,
            (extract(epoch FROM updated_at) * 1000000)::bigint::text AS updated_us
       FROM partners WHERE org_id = $1`,
    [orgId],
  );
  return rows.map(({ created_us, updated_us, ...r }) => ({
    ...r,
    createdUs: BigInt(created_us),
    updatedUs: BigInt(updated_us),
  }));
}

/** The sort key of a row, as the specification defines each sort. */
function keyOf(r: Row, field: string): string | number | bigint {
  switch (field) {
    case "name":
      return r.name.toLowerCase();
    case "createdAt":
      return r.createdUs;
    case "updatedAt":
      return r.updatedUs;
    case "status":
      return PARTNER_STATUSES.indexOf(r.status as (typeof PARTNER_STATUSES)[number]);
    case "country":
      return r.country;
    case "category":
      return r.category;
    case "riskTier":
      return r.riskTier;
    default:
      throw new Error(`no key for ${field}`);
  }
}

/** The expected order: by the sort key, ties broken by id, both reversed for `-field`. */
function expectedOrder(list: Row[], sort: string): string[] {
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  const cmp = (a: Row, b: Row) => {
    const ka = keyOf(a, field);
    const kb = keyOf(b, field);
    const c = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return desc ? -c : c;
  };
  return [...list].sort(cmp).map((r) => r.id);
}

/** Follows `nextCursor` to the end and returns every page. */
async function walk(session: Session, query: string, limit = PAGE) {
  const pages: { items: { id: string }[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(env, session, {
      url: `/api/v1/partners?limit=${limit}${query ? `&${query}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    pages.push(body);
    cursor = body.nextCursor;
    if (pages.length > 100) throw new Error("pagination does not end");
  } while (cursor);
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

const ids = (list: Row[]) => new Set(list.map((r) => r.id));

beforeAll(async () => {
  org = await buildOrg(env);
  for (let i = 0; i < N; i++) {
    const word = WORDS[i % WORDS.length];
    const p = await buildPartner(env, org, {
      // Names repeat with different letter case ("ALPHA0", "alpha0"): ties on the sort key.
      name: `${i % 3 === 0 ? word.toUpperCase() : word}${Math.floor(i / 10)}`,
      legalName: i % 2 === 0 ? `Legal ${i} Holding` : undefined,
      lei: i % 4 === 0 ? makeLei() : undefined,
      country: COUNTRIES[i % COUNTRIES.length],
      category: PARTNER_CATEGORIES[i % PARTNER_CATEGORIES.length],
      status: PARTNER_STATUSES[i % PARTNER_STATUSES.length],
      tags: [
        ...(i % 2 === 0 ? ["even"] : []),
        ...(i % 3 === 0 ? ["three"] : []),
        ...(i === 7 ? ["100%"] : []),
      ],
    });
    byIndex.push(p.id);
  }
  const { pool } = env.ctx.database;
  // Identical timestamps for some partners (ties broken by id), and ones a microsecond apart
  // (the cursor must keep microseconds).
  await pool.query("UPDATE partners SET created_at = '2024-05-01 10:00:00.123456+00' WHERE id = ANY($1)", [
    byIndex.slice(0, 6),
  ]);
  await pool.query("UPDATE partners SET created_at = '2024-05-01 10:00:00.123457+00' WHERE id = ANY($1)", [
    byIndex.slice(6, 9),
  ]);
  await pool.query("UPDATE partners SET updated_at = '2024-06-01 00:00:00+00' WHERE id = ANY($1)", [
    byIndex.slice(10, 20),
  ]);
  // Services give partners a criticality: 0 and 1 critical, 2 important, 3 standard, 4 critical + standard.
  const services: [number, string][] = [
    [0, "critical"],
    [1, "critical"],
    [2, "important"],
    [3, "standard"],
    [4, "standard"],
    [4, "critical"],
  ];
  for (const [i, criticality] of services) {
    const res = await call(env, org, {
      method: "POST",
      url: `/api/v1/partners/${byIndex[i]}/services`,
      payload: { name: `Service ${i} ${criticality}`, function: "IT", criticality },
    });
    expect(res.statusCode).toBe(201);
  }
  // Another organization with look-alike partners that must never show up.
  const stranger = await buildOrg(env);
  for (const name of ["alpha0", "Bravo0", "Zulu"])
    await buildPartner(env, stranger, { name, country: "DE", tags: ["even"] });
  rows = await loadRows(org.orgId);
  expect(rows).toHaveLength(N);
});

describe("listing partners: sorting and cursor pagination", () => {
  it.each(PARTNER_SORTS)("sort=%s walks every page with no duplicates or gaps, in order", async (sort) => {
    const { pages, ids: seen } = await walk(org, `sort=${sort}`);
    expect(pages).toHaveLength(Math.ceil(N / PAGE));
    for (const p of pages.slice(0, -1)) expect(p.items).toHaveLength(PAGE);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expectedOrder(rows, sort));
  });

  it("sorts by status in lifecycle order, not alphabetically", async () => {
    const res = (await call(env, org, { url: "/api/v1/partners?sort=status&limit=200" })).json();
    const statuses = res.items.map((i: { status: string }) => i.status);
    const firstOf = (s: string) => statuses.indexOf(s);
    expect(firstOf("identified")).toBe(0);
    expect(firstOf("due_diligence")).toBeLessThan(firstOf("active")); // alphabetically it would be after
    expect(statuses.at(-1)).toBe("exited");
  });

  it("defaults to sort=name and 25 per page", async () => {
    const body = (await call(env, org, { url: "/api/v1/partners" })).json();
    expect(body.items).toHaveLength(25);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(expectedOrder(rows, "name").slice(0, 25));
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("a page size of exactly the total answers one page and no cursor", async () => {
    const { pages } = await walk(org, "sort=-createdAt", N);
    expect(pages).toHaveLength(1);
    expect(pages[0].items).toHaveLength(N);
    expect(pages[0].nextCursor).toBeNull();
  });

  it("keeps its place when partners are added or removed between pages", async () => {
    const first = (await call(env, org, { url: `/api/v1/partners?sort=name&limit=${PAGE}` })).json();
    const extra = await buildPartner(env, org, { name: "aaaa-first" }); // sorts before the cursor
    const second = (
      await call(env, org, {
        url: `/api/v1/partners?sort=name&limit=${PAGE}&cursor=${encodeURIComponent(first.nextCursor)}`,
      })
    ).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(
      expectedOrder(rows, "name").slice(PAGE, 2 * PAGE),
    );
    await call(env, org, { method: "DELETE", url: `/api/v1/partners/${extra.id}` });
  });

  it("refuses a tampered or foreign cursor as a validation problem, never a 500", async () => {
    const page1 = (await call(env, org, { url: "/api/v1/partners?sort=name&limit=3" })).json();
    const lastId = page1.items.at(-1).id;
    const cases: [string, string][] = [
      ["garbage", "sort=name"],
      ["%%%", "sort=name"],
      [encodeCursor("x", "not-a-uuid"), "sort=name"],
      [Buffer.from("{}").toString("base64url"), "sort=name"],
      // a cursor made for another sort
      [page1.nextCursor, "sort=createdAt"],
      [page1.nextCursor, "sort=status"],
      // values of the wrong type for the sort
      [encodeCursor("yesterday", lastId), "sort=createdAt"],
      [encodeCursor("first", lastId), "sort=-status"],
      [encodeCursor({ a: 1 }, lastId), "sort=name"],
      [encodeCursor(null, lastId), "sort=updatedAt"],
      [encodeCursor(["name", "a\u0000b"], lastId), "sort=name"],
      [encodeCursor(["createdAt", "2024-02-30T00:00:00.000000Z"], lastId), "sort=createdAt"],
      [encodeCursor(["status", "99999999999"], lastId), "sort=status"],
    ];
    for (const [cursor, query] of cases) {
      const res = await call(env, org, {
        url: `/api/v1/partners?${query}&cursor=${encodeURIComponent(cursor)}`,
      });
      expect([400, 422], `${query} cursor=${cursor}: ${res.body}`).toContain(res.statusCode);
      expectFieldError(problem(res, res.statusCode, "validation_failed"), "query.cursor");
    }
  });

  it("answers a search or tag containing a NUL character without a 500", async () => {
    for (const query of ["q=%00", "q=a%00b", "tag=%00"]) {
      const res = await call(env, org, { url: `/api/v1/partners?${query}` });
      expect(res.statusCode, `${query}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json().items).toEqual([]);
      else problem(res, 400, "validation_failed");
    }
  });

  it("refuses invalid query parameters with 400 naming them", async () => {
    for (const [query, path] of [
      ["limit=0", "querystring.limit"],
      ["limit=201", "querystring.limit"],
      ["limit=ten", "querystring.limit"],
      ["sort=size", "querystring.sort"],
      ["status=archived", "querystring.status"],
      ["country=XX", "querystring.country"],
      ["category=space", "querystring.category"],
      ["criticality=extreme", "querystring.criticality"],
    ]) {
      expectFieldError(
        problem(await call(env, org, { url: `/api/v1/partners?${query}` }), 400, "validation_failed"),
        path,
      );
    }
  });
});

describe("listing partners: search and filters", () => {
  const list = async (query: string) => new Set((await walk(org, query, 200)).ids);

  it("filters by one or several statuses", async () => {
    expect(await list("status=active")).toEqual(ids(rows.filter((r) => r.status === "active")));
    const two = await list("status=active&status=exited");
    expect(two).toEqual(ids(rows.filter((r) => r.status === "active" || r.status === "exited")));
    expect(two.size).toBeGreaterThan(0);
  });

  it("filters by country (case-insensitive codes), one or several", async () => {
    expect(await list("country=de")).toEqual(ids(rows.filter((r) => r.country === "DE")));
    expect(await list("country=DE&country=fr")).toEqual(
      ids(rows.filter((r) => ["DE", "FR"].includes(r.country))),
    );
  });

  it("filters by category, one or several", async () => {
    expect(await list("category=logistics")).toEqual(ids(rows.filter((r) => r.category === "logistics")));
    expect(await list("category=logistics&category=other")).toEqual(
      ids(rows.filter((r) => ["logistics", "other"].includes(r.category))),
    );
  });

  it("filters by the criticality of a partner's services", async () => {
    expect(await list("criticality=critical")).toEqual(new Set([byIndex[0], byIndex[1], byIndex[4]]));
    expect(await list("criticality=important")).toEqual(new Set([byIndex[2]]));
    expect(await list("criticality=standard")).toEqual(new Set([byIndex[3], byIndex[4]]));
  });

  it("shows each partner's highest criticality and service count", async () => {
    const items = (await call(env, org, { url: "/api/v1/partners?limit=200" })).json().items as {
      id: string;
      highestCriticality: string | null;
      serviceCount: number;
    }[];
    const of = (i: number) => items.find((x) => x.id === byIndex[i])!;
    expect(of(4)).toMatchObject({ highestCriticality: "critical", serviceCount: 2 });
    expect(of(2)).toMatchObject({ highestCriticality: "important", serviceCount: 1 });
    expect(of(3)).toMatchObject({ highestCriticality: "standard", serviceCount: 1 });
    expect(of(9)).toMatchObject({ highestCriticality: null, serviceCount: 0 });
  });

  it("filters by tag, case-insensitively", async () => {
    expect(await list("tag=EVEN")).toEqual(ids(rows.filter((r) => r.tags.includes("even"))));
    expect(await list("tag=three")).toEqual(ids(rows.filter((r) => r.tags.includes("three"))));
    expect(await list("tag=nope")).toEqual(new Set());
  });

  it("searches names, legal names and LEIs by substring, and tags exactly", async () => {
    const search = (q: string) =>
      ids(
        rows.filter(
          (r) =>
            [r.name, r.legalName ?? "", r.lei ?? ""].some((v) => v.toLowerCase().includes(q.toLowerCase())) ||
            r.tags.includes(q.toLowerCase()),
        ),
      );
    for (const q of [
      "bravo",
      "BRAVO1",
      "legal 1",
      "holding",
      "three",
      rows.find((r) => r.lei)!.lei!.slice(4, 14),
    ]) {
      const found = await list(`q=${encodeURIComponent(q)}`);
      expect(found, q).toEqual(search(q));
      expect(found.size, q).toBeGreaterThan(0);
    }
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect(await list(`q=${encodeURIComponent("%")}`)).toEqual(new Set());
    expect(await list(`q=${encodeURIComponent("_")}`)).toEqual(new Set());
    expect(await list(`q=${encodeURIComponent("100%")}`)).toEqual(new Set([byIndex[7]]));
  });

  it("combines filters, search and sorting, and pages through the result", async () => {
    const expected = rows.filter((r) => r.tags.includes("even") && ["DE", "IN", "BR"].includes(r.country));
    const { ids: seen } = await walk(org, "tag=even&country=DE&country=IN&country=BR&sort=-name", 2);
    expect(seen).toEqual(expectedOrder(expected, "-name"));
    const q = await list("q=alpha&status=identified&status=due_diligence&status=contracting");
    expect(q).toEqual(
      ids(
        rows.filter(
          (r) =>
            r.name.toLowerCase().includes("alpha") &&
            ["identified", "due_diligence", "contracting"].includes(r.status),
        ),
      ),
    );
  });

  it("never shows another organization's partners, and each role that may read sees the same list", async () => {
    const all = await list("");
    expect(all).toEqual(ids(rows));
    const viewer = await buildUser(env, org.orgId, "viewer");
    expect(new Set((await walk(viewer, "", 200)).ids)).toEqual(ids(rows));
    expect(await list("q=zulu")).toEqual(new Set());
  });
});
