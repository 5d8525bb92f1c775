import { eq } from "drizzle-orm";
import { leiCheckDigits } from "../../domain/lei.js";
import { CreateContact, CreateService, CreateSite, CreateSubcontractor } from "../../domain/partner-parts.js";
import { CreatePartner } from "../../domain/partners.js";
import { todayUtc } from "../../domain/time.js";
import { createOrganization } from "../modules/organizations/create-organization.js";
import { createPartnerService } from "../modules/partners/partners.service.js";
import { contactKind, serviceKind, siteKind, subcontractorKind } from "../modules/partners/parts.kinds.js";
import { createPartService } from "../modules/partners/parts.service.js";
import { remindOrganization } from "../modules/reminders/reminders.service.js";
import { users } from "../modules/users/users.tables.js";
import type { Actor } from "../platform/access.js";
import { recordAudit, systemActor } from "../platform/audit/audit.service.js";
import { hashPassword } from "../platform/auth/passwords.js";
import type { Runtime } from "../platform/runtime.js";
import { DEMO_PARTNER_USER, loadDemoAssessments } from "./demo-assessments.js";
import { loadDemoContracts } from "./demo-contracts.js";
import { DEMO_ORG, DEMO_PARTNERS, DEMO_PASSWORD, DEMO_SUBCONTRACTORS, DEMO_USERS } from "./demo-data.js";
import { loadDemoDocuments } from "./demo-documents.js";
import { loadDemoKpis } from "./demo-kpis.js";
import { loadDemoRisks } from "./demo-risks.js";

/**
 * `demo`: loads a demo organization with users of every role and a dozen partners with sites,
 * services, contacts and sub-contractors, all through the same services the API uses (so the audit
 * trail is real). Running it twice does nothing the second time.
 */
export async function loadDemo(runtime: Runtime): Promise<number> {
  const { db } = runtime.database;
  const [existing] = await db.select().from(users).where(eq(users.email, DEMO_USERS[0].email));
  if (existing) {
    console.log(`The demo organization already exists. Sign in as ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}`);
    console.log(`Partner portal: ${DEMO_PARTNER_USER.email} / ${DEMO_PASSWORD}`);
    return 0;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { org, admin } = await db.transaction(async (tx) => {
    const org = await createOrganization(tx, DEMO_ORG);
    await recordAudit(tx, org.id, systemActor("demo"), {
      action: "organization.create",
      entityType: "organization",
      entityId: org.id,
      after: { name: org.name },
    });
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, orgId: org.id, passwordHash })))
      .returning();
    for (const u of created) {
      await recordAudit(tx, org.id, systemActor("demo"), {
        action: "user.create",
        entityType: "user",
        entityId: u.id,
        after: { name: u.name, email: u.email, role: u.role },
      });
    }
    return { org, admin: created.find((u) => u.role === "admin")! };
  });
  const actor: Actor = {
    kind: "user",
    orgId: org.id,
    userId: admin.id,
    name: admin.name,
    email: admin.email,
    role: "admin",
    partnerId: null,
    sessionId: null,
    tokenId: null,
    requestId: "cli-demo",
    ip: "127.0.0.1",
  };
  const vendorManager = (await db.select().from(users).where(eq(users.email, "vendor@outsight.example")))[0];
  const partnersService = createPartnerService(runtime);
  const sites = createPartService(runtime, siteKind);
  const services = createPartService(runtime, serviceKind);
  const contacts = createPartService(runtime, contactKind);
  const subs = createPartService(runtime, subcontractorKind);
  const ids = new Map<string, string>();
  for (const [i, p] of DEMO_PARTNERS.entries()) {
    const prefix = `984500DEMO${String(i + 1).padStart(8, "0")}`;
    const created = await partnersService.create(
      actor,
      CreatePartner.parse({ ...p, lei: `${prefix}${leiCheckDigits(prefix)}`, ownerId: vendorManager.id }),
    );
    ids.set(p.name, created.id);
    for (const s of p.sites) await sites.create(actor, created.id, CreateSite.parse(s));
    for (const s of p.services) await services.create(actor, created.id, CreateService.parse(s));
    for (const c of p.contacts) await contacts.create(actor, created.id, CreateContact.parse(c));
  }
  for (const [partner, sub, description] of DEMO_SUBCONTRACTORS) {
    await subs.create(
      actor,
      ids.get(partner)!,
      CreateSubcontractor.parse({ subcontractorId: ids.get(sub), description }),
    );
  }
  const riskManager = (await db.select().from(users).where(eq(users.email, "risk@outsight.example")))[0];
  const riskCount = await loadDemoRisks(runtime, actor, ids, riskManager.id);
  const contractCount = await loadDemoContracts(runtime, actor, ids);
  const kpiCount = await loadDemoKpis(runtime, actor);
  const asStaff = (u: typeof riskManager): Actor => ({
    ...actor,
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role as Actor["role"],
  });
  const assessmentCount = await loadDemoAssessments(
    runtime,
    actor,
    ids,
    { riskManager: asStaff(riskManager), vendorManager: asStaff(vendorManager) },
    DEMO_PASSWORD,
  );
  const documentCount = await loadDemoDocuments(runtime, actor, ids);
  // Today's reminders (notice deadline, overdue obligations, reviews due), so the bell has news.
  await db.transaction((tx) => remindOrganization(tx, actor.orgId, todayUtc()));
  console.log(
    `Loaded "${DEMO_ORG}" with ${DEMO_PARTNERS.length} partners, ${riskCount} risks, ${contractCount} contracts, ${kpiCount} KPIs, ${assessmentCount} assessments, ${documentCount} documents and ${DEMO_USERS.length + 1} users.`,
  );
  console.log(
    `Sign in as ${DEMO_USERS[0].email} (or risk@, vendor@, compliance@, auditor@, viewer@outsight.example) with password ${DEMO_PASSWORD}`,
  );
  console.log(
    `Partner portal: sign in as ${DEMO_PARTNER_USER.email} (${DEMO_PARTNER_USER.partner}) with password ${DEMO_PASSWORD}`,
  );
  return 0;
}
