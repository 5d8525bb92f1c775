import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";

const PREFIXES = [
  "Acme",
  "Northwind",
  "Contoso",
  "Globex",
  "Initech",
  "Umbrella",
  "Stark",
  "Wayne",
  "Tyrell",
  "Cyberdyne",
  "Soylent",
  "Hooli",
  "Vandelay",
  "Wonka",
  "Gringotts",
  "Oscorp",
  "Massive",
  "Aperture",
  "Black Mesa",
  "Monarch",
];
const SUFFIXES = [
  "Systems",
  "Logistics",
  "Software",
  "Consulting",
  "Cloud",
  "Data",
  "Services",
  "Manufacturing",
  "Solutions",
  "Labs",
  "Support",
  "Networks",
];
const COUNTRIES = ["IN", "US", "DE", "GB", "PL", "PH", "VN", "BR", "MX", "RO", "UA", "CN", "FR", "PT", "EG"];
const CATEGORIES = [
  "software_development",
  "it_infrastructure",
  "bpo_customer_service",
  "manufacturing",
  "logistics",
  "professional_services",
  "cloud_saas",
  "other",
];
const OTHER_STATUSES = ["identified", "due_diligence", "contracting", "onboarding", "exiting", "exited"];

const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/**
 * Inserts `n` partners into the organization in one statement (half of them active, spread over
 * 15 countries and 8 categories, created over the past months), then 0–3 services each with mixed
 * criticality, and ANALYZEs so the planner sees realistic statistics.
 */
export async function seed(
  client: pg.Client,
  orgId: string,
  n: number,
): Promise<{ partners: number; services: number }> {
  await client.query(
    `INSERT INTO partners (org_id, name, legal_name, country, website, category, status, description, tags, created_at, updated_at)
     SELECT $1::uuid,
            name, name || ' Ltd', country,
            'https://p' || i || '.example.com',
            (${sqlArray(CATEGORIES)})[1 + (i * 17) % ${CATEGORIES.length}],
            CASE WHEN i % 10 < 5 THEN 'active' ELSE (${sqlArray(OTHER_STATUSES)})[1 + (i * 7) % ${OTHER_STATUSES.length}] END,
            'Benchmark partner number ' || i,
            CASE WHEN i % 5 = 0 THEN ARRAY['nearshore'] WHEN i % 7 = 0 THEN ARRAY['offshore', 'strategic'] ELSE '{}'::text[] END,
            created, created + ((i * 13) % 240) * interval '1 hour'
       FROM (
         SELECT i,
                (${sqlArray(PREFIXES)})[1 + (i * 7) % ${PREFIXES.length}] || ' ' ||
                (${sqlArray(SUFFIXES)})[1 + (i * 5) % ${SUFFIXES.length}] || ' ' || lpad(i::text, 5, '0') AS name,
                (${sqlArray(COUNTRIES)})[1 + (i * 31) % ${COUNTRIES.length}] AS country,
                now() - interval '400 days' + i * interval '55 minutes' AS created
           FROM generate_series(1, $2::int) AS i
       ) g`,
    [orgId, n],
  );
  await client.query(
    `INSERT INTO partner_services (org_id, partner_id, name, function, criticality, data_categories, data_locations, start_date)
     SELECT p.org_id, p.id, 'Service ' || s,
            (ARRAY['development', 'support', 'hosting', 'operations'])[s + 1],
            (ARRAY['critical', 'important', 'standard', 'standard', 'standard'])[1 + abs(hashtext(p.id::text || s)) % 5],
            ARRAY['personal_data'], ARRAY[p.country], current_date - s * 30
       FROM partners p
       CROSS JOIN LATERAL generate_series(0, abs(hashtext(p.id::text)) % 4 - 1) AS s
      WHERE p.org_id = $1::uuid`,
    [orgId],
  );
  await client.query("ANALYZE partners");
  await client.query("ANALYZE partner_services");
  const counts = await client.query<{ partners: number; services: number }>(
    "SELECT (SELECT count(*)::int FROM partners WHERE org_id = $1) AS partners, (SELECT count(*)::int FROM partner_services WHERE org_id = $1) AS services",
    [orgId],
  );
  return counts.rows[0];
}

/** The embedded cluster's URL, from the data directory (credentials file + postmaster.pid port). */
export async function embeddedUrl(dataDir: string): Promise<string> {
  const secrets = JSON.parse(await fs.readFile(path.join(dataDir, "secrets.json"), "utf8")) as {
    user: string;
    password: string;
  };
  const port = (await fs.readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[3].trim();
  return `postgres://${encodeURIComponent(secrets.user)}:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/outsight`;
}
