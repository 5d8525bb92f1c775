import { buildOrg, buildPartner, buildUser, call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the contracts' integration tests (not loaded by the app). */

export { auditActions, expectField, MISSING } from "../risks/risks.testkit.js";

/** The cast of the contract tests: one organization's roles, and another organization. */
export interface ContractSessions {
  admin: Session;
  /** The admin of another organization, whose ids must answer 404. */
  other: Session;
  vendorManager: Session;
  compliance: Session;
  riskManager: Session;
  viewer: Session;
  partnerId: string;
  partnerUser: Session;
}

/** Creates the organizations, partner and signed-in users every contract test file starts from. */
export async function buildContractSessions(env: TestEnv): Promise<ContractSessions> {
  const admin = await buildOrg(env);
  const other = await buildOrg(env);
  const vendorManager = await buildUser(env, admin.orgId, "vendor_manager");
  const compliance = await buildUser(env, admin.orgId, "compliance_officer");
  const riskManager = await buildUser(env, admin.orgId, "risk_manager");
  const viewer = await buildUser(env, admin.orgId, "viewer");
  const partnerId = (await buildPartner(env, admin)).id;
  const partnerUser = await buildUser(env, admin.orgId, "partner", partnerId);
  return { admin, other, vendorManager, compliance, riskManager, viewer, partnerId, partnerUser };
}

/** Creates a service of a partner through the API (criticality and data categories as given). */
export async function buildService(
  env: TestEnv,
  s: Session,
  partnerId: string,
  overrides: { criticality?: string; dataCategories?: string[] } = {},
) {
  const res = await call(env, s, {
    method: "POST",
    url: `/api/v1/partners/${partnerId}/services`,
    payload: {
      name: `Service ${Math.random().toString(36).slice(2, 8)}`,
      function: "Support",
      criticality: "standard",
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`buildService: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string };
}

/** Creates a contract through the API: an active MSA unless overridden. */
export async function buildContract(env: TestEnv, s: Session, partnerId: string, overrides: object = {}) {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/contracts",
    payload: {
      partnerId,
      type: "msa",
      title: `MSA ${Math.random().toString(36).slice(2, 8)}`,
      status: "active",
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`buildContract: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; title: string; partner: { id: string } };
}
