import { count, eq } from "drizzle-orm";
import { Email, Password, PersonName } from "../../domain/auth.js";
import { createOrganization } from "../modules/organizations/create-organization.js";
import { organizations } from "../modules/organizations/organizations.tables.js";
import { users } from "../modules/users/users.tables.js";
import { recordAudit, systemActor } from "../platform/audit/audit.service.js";
import { hashPassword } from "../platform/auth/passwords.js";
import { newSecret } from "../platform/auth/tokens.js";
import type { Runtime } from "../platform/runtime.js";

/**
 * `create-admin`: adds an administrator to the only organization, or creates the organization
 * (named by --organization) when the installation has none. Without --password a strong one is
 * generated and printed once.
 */
export async function createAdmin(
  runtime: Runtime,
  args: { email?: string; name?: string; password?: string; organization?: string },
): Promise<number> {
  const email = Email.safeParse(args.email);
  const name = PersonName.safeParse(args.name);
  const generated = !args.password;
  const password = Password.safeParse(args.password ?? newSecret().slice(0, 20));
  if (!email.success || !name.success || !password.success) {
    console.error(
      "Usage: create-admin --email E --name N [--password P (≥ 10 characters)] [--organization O]",
    );
    return 2;
  }
  const { db } = runtime.database;
  const passwordHash = await hashPassword(password.data);
  const result = await db.transaction(async (tx) => {
    const orgs = await tx.select().from(organizations);
    let org = orgs[0];
    if (orgs.length > 1 && !args.organization)
      throw new Error("Several organizations exist: name one with --organization");
    if (args.organization) org = orgs.find((o) => o.name === args.organization) ?? org;
    if (!org || (args.organization && org.name !== args.organization)) {
      org = await createOrganization(tx, args.organization ?? "My organization");
      await recordAudit(tx, org.id, systemActor("cli"), {
        action: "organization.create",
        entityType: "organization",
        entityId: org.id,
        after: { name: org.name },
      });
    }
    const [taken] = await tx.select({ n: count() }).from(users).where(eq(users.email, email.data));
    if (taken.n > 0) throw new Error(`A user with email ${email.data} already exists`);
    const [user] = await tx
      .insert(users)
      .values({ orgId: org.id, email: email.data, name: name.data, role: "admin", passwordHash })
      .returning();
    await recordAudit(tx, org.id, systemActor("cli"), {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: { name: user.name, email: user.email, role: "admin" },
    });
    return { org, user };
  });
  console.log(`Created administrator ${result.user.email} in "${result.org.name}".`);
  if (generated) console.log(`Password (shown once): ${password.data}`);
  return 0;
}
