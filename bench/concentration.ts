import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { ConcentrationQuery } from "../domain/concentration.js";
import { concentrationSql } from "../server/modules/concentration/concentration.service.js";
import { ms, type Repetitions, summarize, table, timeGets, verdict, withBenchServer } from "./lib.js";

const P95_GOAL_MS = 100;

export interface ConcentrationOptions {
  services: number;
  partners: number;
  requests: number;
  warmup: number;
}

/** ~40 countries partners sit in or keep data in. */
const COUNTRIES = [
  "IN",
  "US",
  "DE",
  "GB",
  "PL",
  "PH",
  "VN",
  "BR",
  "MX",
  "RO",
  "UA",
  "CN",
  "FR",
  "PT",
  "EG",
  "IE",
  "NL",
  "ES",
  "IT",
  "CZ",
  "HU",
  "BG",
  "RS",
  "LT",
  "LV",
  "EE",
  "FI",
  "SE",
  "DK",
  "NO",
  "CA",
  "AR",
  "CO",
  "CL",
  "ZA",
  "KE",
  "NG",
  "MA",
  "MY",
  "ID",
];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]::text[]`;

/**
 * Inserts `partners` partners (skewed towards the first countries, so the index is not trivial),
 * `services` services spread evenly over them (a third critical, a third important; data kept in
 * the partner's country, in none, or in two countries), and a fourth party for every third partner
 * (all its services, or only its first one), all in one statement each.
 */
export async function seedConcentration(client: pg.Client, orgId: string, opts: ConcentrationOptions) {
  const c = COUNTRIES.length;
  await client.query(
    `INSERT INTO partners (org_id, name, country, category, status)
     SELECT $1::uuid, 'Partner ' || lpad(i::text, 5, '0'),
            (${sqlArray(COUNTRIES)})[1 + least((i * i) % ${c * c}, (i * 7) % ${c})],
            'software_development', 'active'
       FROM generate_series(1, $2::int) AS i`,
    [orgId, opts.partners],
  );
  await client.query(
    `WITH p AS (SELECT id, country, row_number() OVER (ORDER BY name) - 1 AS n
                  FROM partners WHERE org_id = $1::uuid)
     INSERT INTO partner_services (org_id, partner_id, name, function, criticality, data_locations)
     SELECT $1::uuid, p.id, 'Service ' || i, 'operations',
            (ARRAY['critical', 'important', 'standard'])[1 + i % 3],
            CASE i % 4 WHEN 0 THEN '{}'::text[]
                       WHEN 1 THEN ARRAY[p.country]
                       WHEN 2 THEN ARRAY[p.country, (${sqlArray(COUNTRIES)})[1 + (i * 13) % ${c}]]
                       ELSE ARRAY[(${sqlArray(COUNTRIES)})[1 + (i * 3) % ${c}]] END
       FROM generate_series(0, $2::int - 1) AS i
       JOIN p ON p.n = i % $3::int`,
    [orgId, opts.services, opts.partners],
  );
  await client.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM partners WHERE org_id = $1::uuid)
     INSERT INTO partner_subcontractors (org_id, partner_id, subcontractor_id, service_ids)
     SELECT $1::uuid, a.id, b.id,
            CASE WHEN a.n % 2 = 0 THEN '{}'::uuid[]
                 ELSE ARRAY(SELECT s.id FROM partner_services s WHERE s.partner_id = a.id ORDER BY s.name LIMIT 1) END
       FROM p a JOIN p b ON b.n = (a.n * 7 + 1) % $2::int
      WHERE a.n % 3 = 0 AND a.id <> b.id`,
    [orgId, opts.partners],
  );
  for (const t of ["partners", "partner_services", "partner_subcontractors"])
    await client.query(`ANALYZE ${t}`);
  const r = await client.query<{ partners: number; services: number; links: number }>(
    `SELECT (SELECT count(*)::int FROM partners WHERE org_id = $1) AS partners,
            (SELECT count(*)::int FROM partner_services WHERE org_id = $1) AS services,
            (SELECT count(*)::int FROM partner_subcontractors WHERE org_id = $1) AS links`,
    [orgId],
  );
  return r.rows[0];
}

/** The service's statement through one pg.Client (no HTTP, no presentation). */
async function timeSql(client: pg.Client, orgId: string, query: string, opts: Repetitions) {
  const dialect = new PgDialect();
  const q = ConcentrationQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  const statements = [dialect.sqlToQuery(concentrationSql(orgId, q))];
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    const t = performance.now();
    for (const s of statements) await client.query({ text: s.sql, values: s.params, rowMode: "array" });
    if (i >= opts.warmup) times.push(performance.now() - t);
  }
  return summarize(times);
}

/**
 * Concentration benchmark: a real server on embedded PostgreSQL (or a scratch database on
 * DATABASE_URL) with `services` services over `partners` partners in ~40 countries;
 * `GET /api/v1/concentration` over loopback HTTP next to `/healthz`, `/api/v1/me` and the same SQL
 * through `pg`, all in the same run.
 */
export function concentrationBench(opts: ConcentrationOptions): Promise<{ ok: boolean; report: string }> {
  return withBenchServer("concentration", async ({ server, client, cookie, orgId, databaseLabel }) => {
    const seedStarted = performance.now();
    const seeded = await seedConcentration(client, orgId, opts);
    const seedMs = performance.now() - seedStarted;

    const baselines: [string, ReturnType<typeof summarize>][] = [
      [
        "baseline: GET /healthz (no auth, no database)",
        (await timeGets(`${server.url}/healthz`, {}, opts)).times,
      ],
      [
        "baseline: GET /api/v1/me (session lookup)",
        (await timeGets(`${server.url}/api/v1/me`, { cookie }, opts)).times,
      ],
    ];
    const queries: [string, string][] = [
      ["default (critical+important, by data location)", ""],
      [
        "all criticalities, critical2x, by partner country",
        "criticality=critical,important,standard&weighting=critical2x&by=partnerCountry",
      ],
    ];
    let ok = true;
    const rows: string[][] = baselines.map(([label, t]) => [
      label,
      ms(t.p50),
      ms(t.p95),
      ms(t.max),
      "",
      "",
      "",
    ]);
    let sample = "";
    for (const [label, query] of queries) {
      const http = await timeGets(`${server.url}/api/v1/concentration?${query}`, { cookie }, opts);
      const direct = await timeSql(client, orgId, query, opts);
      const pass = http.times.p95 < P95_GOAL_MS;
      ok &&= pass;
      rows.push([
        label,
        ms(http.times.p50),
        ms(http.times.p95),
        ms(http.times.max),
        ms(direct.p50),
        ms(direct.p95),
        verdict(pass),
      ]);
      if (!sample) {
        const b = JSON.parse(http.body) as {
          scope: { services: number };
          byPartner: { hhi: number; items: unknown[] };
          byCountry: { hhi: number; items: unknown[] };
          fourthParties: { services: number; byPartner: { items: unknown[] } };
          flags: unknown[];
        };
        sample =
          `default answer: ${b.scope.services} services in scope; ${b.byPartner.items.length} partners (HHI ${b.byPartner.hhi}), ` +
          `${b.byCountry.items.length} countries (HHI ${b.byCountry.hhi}), ${b.fourthParties.byPartner.items.length} fourth parties ` +
          `over ${b.fourthParties.services} services, ${b.flags.length} flags; ${(http.body.length / 1024).toFixed(0)} KiB of JSON`;
      }
    }
    return {
      ok,
      report: [
        `data: ${seeded.partners} partners in ${COUNTRIES.length} countries, ${seeded.services} services, ${seeded.links} sub-contractor links ` +
          `(inserted by SQL in ${ms(seedMs)}); ${opts.requests} sequential requests each after ${opts.warmup} warm-up, on ${databaseLabel}`,
        sample,
        "",
        table(
          ["GET /api/v1/concentration?…", "HTTP p50", "HTTP p95", "HTTP max", "pg p50", "pg p95", "goal"],
          rows,
        ),
        `goal: HTTP p95 < ${P95_GOAL_MS} ms. "pg" runs the service's one statement through one pg.Client (no HTTP, no JSON).`,
      ].join("\n"),
    };
  });
}
