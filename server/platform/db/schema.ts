/** Every table, gathered for Drizzle and drizzle-kit. New modules add their tables here. */
export * from "../../modules/assessments/assessments.tables.js";
export * from "../../modules/contracts/contracts.tables.js";
export * from "../../modules/countries/countries.tables.js";
export * from "../../modules/documents/documents.tables.js";
export * from "../../modules/kpis/kpis.tables.js";
export * from "../../modules/ndas/ndas.tables.js";
export * from "../../modules/notifications/notifications.tables.js";
export * from "../../modules/organizations/organizations.tables.js";
export * from "../../modules/partners/partners.tables.js";
export * from "../../modules/questionnaires/questionnaires.tables.js";
export * from "../../modules/risks/risks.tables.js";
export * from "../../modules/users/users.tables.js";
export * from "../audit/audit.tables.js";
export * from "../auth/auth.tables.js";
