import type pg from "pg";

/** Countries partners sit in (some with low WGI stability or rule of law, some not adequate). */
const COUNTRIES: [string, string][] = [
  ["IN", "Asia/Kolkata"],
  ["PH", "Asia/Manila"],
  ["PK", "Asia/Karachi"],
  ["NG", "Africa/Lagos"],
  ["US", "America/New_York"],
  ["DE", "Europe/Berlin"],
  ["PL", "Europe/Warsaw"],
  ["BR", "America/Sao_Paulo"],
  ["VN", "Asia/Ho_Chi_Minh"],
  ["EG", "Africa/Cairo"],
  ["UA", "Europe/Kyiv"],
  ["MX", "America/Mexico_City"],
];
const values = COUNTRIES.map(([c, tz], i) => `(${i}, '${c}', '${tz}')`).join(", ");
const NC = COUNTRIES.length;

/**
 * Seeds the signals benchmark set-based (one statement per table): `partners` partners (70 %
 * active) over 12 countries, 3 services each (critical / important / standard in turn; half with
 * personal data, some health, data in the partner's country or abroad), 1–2 sites each (the
 * second in another country; a few on night shifts), a sub-contractor link for every fourth
 * partner, and two sites of our own (Berlin, New York).
 */
export async function seedSignals(client: pg.Client, orgId: string, partners: number) {
  await client.query(
    `WITH c(n, iso2, tz) AS (VALUES ${values})
     INSERT INTO partners (org_id, name, country, category, status)
     SELECT $1::uuid, 'Partner ' || lpad(i::text, 5, '0'), c.iso2, 'software_development',
            CASE WHEN i % 10 < 7 THEN 'active' ELSE 'onboarding' END
       FROM generate_series(1, $2::int) AS i JOIN c ON c.n = i % ${NC}`,
    [orgId, partners],
  );
  await client.query(
    `WITH p AS (SELECT id, country, row_number() OVER (ORDER BY name) AS i FROM partners WHERE org_id = $1::uuid),
          c(n, iso2, tz) AS (VALUES ${values})
     INSERT INTO partner_services (org_id, partner_id, name, function, criticality, data_categories, data_locations)
     SELECT $1::uuid, p.id, 'Service ' || s, 'operations',
            (ARRAY['critical', 'important', 'standard'])[1 + (p.i + s) % 3],
            CASE (p.i + s) % 4 WHEN 0 THEN ARRAY['personal_data'] WHEN 1 THEN ARRAY['health', 'personal_data']
                               WHEN 2 THEN ARRAY['financial'] ELSE '{}'::text[] END,
            CASE (p.i * 3 + s) % 3 WHEN 0 THEN ARRAY[p.country] WHEN 1 THEN '{}'::text[]
                                   ELSE ARRAY[(SELECT iso2 FROM c WHERE c.n = (p.i * 7 + s) % ${NC})] END
       FROM p CROSS JOIN generate_series(0, 2) AS s`,
    [orgId],
  );
  await client.query(
    `WITH p AS (SELECT id, country, row_number() OVER (ORDER BY name) AS i FROM partners WHERE org_id = $1::uuid),
          c(n, iso2, tz) AS (VALUES ${values})
     INSERT INTO partner_sites (org_id, partner_id, name, country, city, time_zone, working_hours)
     SELECT $1::uuid, p.id, 'Site ' || s, c.iso2, 'City ' || c.n, c.tz,
            CASE WHEN p.i % 9 = 0 THEN '{"start":"22:00","end":"06:00","days":[1,2,3,4,5]}'::jsonb
                 ELSE '{"start":"09:00","end":"17:00","days":[1,2,3,4,5]}'::jsonb END
       FROM p CROSS JOIN generate_series(0, (p.i % 2)::int) AS s
       JOIN c ON c.iso2 = CASE WHEN s = 0 THEN p.country
                               ELSE (SELECT iso2 FROM c c2 WHERE c2.n = (p.i * 5) % ${NC}) END`,
    [orgId],
  );
  await client.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM partners WHERE org_id = $1::uuid)
     INSERT INTO partner_subcontractors (org_id, partner_id, subcontractor_id, service_ids)
     SELECT $1::uuid, a.id, b.id, '{}'::uuid[]
       FROM p a JOIN p b ON b.n = (a.n * 7 + 1) % $2::int
      WHERE a.n % 4 = 0 AND a.id <> b.id`,
    [orgId, partners],
  );
  await client.query(
    `INSERT INTO organization_sites (org_id, name, country, city, time_zone, working_hours)
     VALUES ($1::uuid, 'Berlin HQ', 'DE', 'Berlin', 'Europe/Berlin', '{"start":"09:00","end":"17:00","days":[1,2,3,4,5]}'),
            ($1::uuid, 'New York', 'US', 'New York', 'America/New_York', '{"start":"09:00","end":"17:00","days":[1,2,3,4,5]}')`,
    [orgId],
  );
  for (const t of ["partners", "partner_services", "partner_sites", "partner_subcontractors"])
    await client.query(`ANALYZE ${t}`);
  const r = await client.query<{ partners: number; services: number; sites: number; links: number }>(
    `SELECT (SELECT count(*)::int FROM partners WHERE org_id = $1) AS partners,
            (SELECT count(*)::int FROM partner_services WHERE org_id = $1) AS services,
            (SELECT count(*)::int FROM partner_sites WHERE org_id = $1) AS sites,
            (SELECT count(*)::int FROM partner_subcontractors WHERE org_id = $1) AS links`,
    [orgId],
  );
  return r.rows[0];
}
