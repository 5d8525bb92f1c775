import { BUILTIN_RISK_CATEGORIES } from "../../../domain/risk-categories.js";
import type { Tx } from "../../platform/db/index.js";
import { riskCategories } from "../risks/risks.tables.js";
import { organizations } from "./organizations.tables.js";

/**
 * Creates an organization with what every organization starts with (the built-in risk
 * taxonomy). Every path that creates one (setup, the CLI, the demo, tests) goes through here.
 */
export async function createOrganization(tx: Tx, name: string) {
  const [org] = await tx.insert(organizations).values({ name }).returning();
  await tx.insert(riskCategories).values(
    BUILTIN_RISK_CATEGORIES.map((c) => ({
      orgId: org.id,
      key: c.key,
      name: c.name,
      description: c.description,
    })),
  );
  return org;
}
