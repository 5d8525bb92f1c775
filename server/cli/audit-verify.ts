import { organizations } from "../modules/organizations/organizations.tables.js";
import { verifyChain } from "../platform/audit/audit.service.js";
import type { Runtime } from "../platform/runtime.js";

/** `audit verify`: recomputes every organization's chain; exit code 1 names the first bad event. */
export async function verifyAudit(runtime: Runtime): Promise<number> {
  const { db } = runtime.database;
  const orgs = await db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  let broken = 0;
  for (const org of orgs) {
    const r = await verifyChain(db, org.id);
    if (r.ok) {
      console.log(`OK      ${org.name} (${org.id}): ${r.events} events, chain intact`);
    } else {
      broken += 1;
      console.log(
        `BROKEN  ${org.name} (${org.id}): event #${r.firstBad?.seq} is ${r.firstBad?.reason} (${r.events} events present)`,
      );
    }
  }
  if (orgs.length === 0) console.log("No organizations yet.");
  return broken ? 1 : 0;
}
