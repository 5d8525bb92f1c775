import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Privacy and data protection: whether the partner can act as a processor of personal data for us
 * lawfully: where the data goes, who else touches it, and how it comes back at the end.
 */
export const privacyDataProtection: BundledTemplate = {
  key: "privacy_data_protection",
  content: {
    title: "Privacy & data protection",
    description:
      "How the partner would process personal data on our behalf: accountability, international transfers, sub-processors, data-subject rights and deletion.",
    sections: [
      section(
        "accountability",
        "Role and accountability",
        "What personal data would be processed and who answers for it.",
        [
          yesNo(
            "processes_personal_data",
            "Would you process personal data on our behalf as part of the services?",
            "data_security",
            { weight: 0, help: "Informational: it tells us which of the following questions matter most." },
          ),
          multiChoice(
            "data_categories",
            "Which categories of personal data would you handle?",
            "data_security",
            [
              ["customer_contact", "Customer contact details", 0],
              ["employee_records", "Employee records", 0],
              ["payment_data", "Payment or bank data", 0],
              ["special_category", "Health, biometric or other special-category data", 0],
              ["children", "Data about children", 0],
            ],
            {
              weight: 0,
              showIf: { question: "processes_personal_data", equals: true },
              help: "Informational: sensitive categories raise the bar for every other answer.",
            },
          ),
          singleChoice(
            "privacy_lead",
            "Who is responsible for data protection in your organization?",
            "regulatory_compliance",
            [
              ["dpo", "An appointed data-protection officer", 100],
              ["privacy_lead", "A named privacy lead without the formal DPO role", 70],
              ["nobody", "No one specifically", 0],
            ],
            { help: "Best: a DPO or privacy lead with time, budget and a direct line to management." },
          ),
          yesNo(
            "processing_records",
            "Do you keep records of the processing you carry out for clients?",
            "regulatory_compliance",
            { help: "Yes: a register listing each client, purpose, data category, location and retention." },
          ),
        ],
      ),
      section(
        "transfers",
        "Locations and transfers",
        "Where our data would be stored or accessed from, remote support included.",
        [
          open(
            "text",
            "processing_countries",
            "In which countries would our data be stored or accessed, including for remote support?",
            "regulatory_compliance",
            { help: "List every country, including follow-the-sun support and backup locations." },
          ),
          yesNo(
            "transfers_outside_eea",
            "Would personal data be transferred to, or accessed from, outside the EEA, the UK or Switzerland?",
            "regulatory_compliance",
            { weight: 0 },
          ),
          singleChoice(
            "transfer_safeguard",
            "Which safeguard covers those transfers?",
            "regulatory_compliance",
            [
              ["adequacy", "The destination has an adequacy decision", 100],
              ["scc_with_assessment", "Standard contractual clauses with a transfer impact assessment", 100],
              ["binding_rules", "Approved binding corporate rules", 100],
              ["scc_only", "Standard contractual clauses without an assessment", 60],
              ["none", "No specific safeguard", 0],
            ],
            {
              help: "Best: an adequacy decision, or standard clauses backed by a documented transfer impact assessment.",
              weight: 2,
              showIf: { question: "transfers_outside_eea", equals: true },
            },
          ),
          yesNo(
            "government_requests",
            "Do you have a documented procedure to challenge government requests for client data and to tell the client where the law allows?",
            "political_economic_instability",
            {
              help: "Yes: requests reviewed by legal, challenged where overbroad, and disclosed to us unless forbidden.",
            },
          ),
        ],
      ),
      section(
        "sub_processors",
        "Sub-processors",
        "Who else would handle our personal data, and on what terms.",
        [
          yesNo(
            "uses_sub_processors",
            "Do you use sub-processors for the services you would provide to us?",
            "loss_of_control",
            { weight: 0 },
          ),
          open(
            "text",
            "sub_processor_list",
            "List each sub-processor, what it does for you and where it processes data.",
            "loss_of_control",
            { showIf: { question: "uses_sub_processors", equals: true } },
          ),
          yesNo(
            "sub_processor_flow_down",
            "Do your contracts with sub-processors impose the same data-protection obligations you would accept from us?",
            "loss_of_control",
            {
              help: "Yes: written contracts with the same security, confidentiality, audit and deletion terms.",
              weight: 2,
              showIf: { question: "uses_sub_processors", equals: true },
            },
          ),
          singleChoice(
            "sub_processor_changes",
            "How do you inform clients before adding or replacing a sub-processor?",
            "loss_of_control",
            [
              ["notice_with_objection", "Advance notice with a right to object", 100],
              ["notice_only", "Advance notice only", 70],
              ["after_the_fact", "We inform after the change", 20],
              ["not_informed", "Clients are not informed", 0],
            ],
            {
              help: "Best: at least 30 days' notice with a right for us to object.",
              showIf: { question: "uses_sub_processors", equals: true },
            },
          ),
        ],
      ),
      section(
        "rights_and_retention",
        "Data-subject rights, retention and record",
        "Helping us answer individuals, deleting data at the end, and the partner's history.",
        [
          singleChoice(
            "subject_requests",
            "How would you support us in answering data-subject requests (access, correction, erasure)?",
            "regulatory_compliance",
            [
              ["documented_deadline", "A documented process with a deadline well inside the legal one", 100],
              ["best_effort", "Case by case, best effort", 50],
              ["not_supported", "Not supported", 0],
            ],
            {
              help: "Best: a documented process that forwards requests to us within days and helps us answer within the legal deadline.",
            },
          ),
          yesNo(
            "return_and_delete",
            "At the end of the contract, would you return our personal data, then delete it and confirm deletion in writing?",
            "exit_lock_in",
            {
              weight: 2,
              help: "Yes, in a standard format, within 30 days, including backups on their normal cycle.",
            },
          ),
          yesNo(
            "impact_assessment_support",
            "Would you assist with data-protection impact assessments where our processing is high-risk?",
            "regulatory_compliance",
            {
              help: "Yes: you provide the information about your processing that an impact assessment needs.",
            },
          ),
          open(
            "file",
            "processing_agreement",
            "Upload your standard data-processing agreement.",
            "regulatory_compliance",
            {
              evidenceRequired: true,
              help: "It should cover instructions, confidentiality, security, sub-processors, assistance, audits and deletion.",
            },
          ),
          yesNo(
            "authority_sanctions",
            "Have you been fined or formally sanctioned by a data-protection authority in the last five years?",
            "regulatory_compliance",
            { help: "Best: no. A past case handled openly, with lasting fixes, is acceptable.", yesScore: 0 },
          ),
          open(
            "text",
            "authority_sanction_details",
            "Describe the case, its outcome and what you changed since.",
            "regulatory_compliance",
            { showIf: { question: "authority_sanctions", equals: true } },
          ),
        ],
      ),
    ],
  },
};
