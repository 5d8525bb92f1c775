import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with questionnaire templates. Every staff role reads them (they decide what a
 * partner is asked); the roles that own due diligence (risk and compliance) maintain them with
 * admins. Partner-portal users never see templates, only the assessments sent to them.
 */
export const questionnaireTemplatePolicy = {
  read: STAFF_READ,
  write: anyOf("admin", "risk_manager", "compliance_officer"),
};
