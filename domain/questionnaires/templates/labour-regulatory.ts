import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Labour and regulatory compliance: how the partner treats the people who would do our work, and
 * whether it keeps to the law (bribery, sanctions, licences) in every country involved. A breach
 * here becomes our reputational and often legal problem too.
 */
export const labourRegulatory: BundledTemplate = {
  key: "labour_regulatory",
  content: {
    title: "Labour & regulatory compliance",
    description:
      "Working conditions, use of agency labour, staff transfers, anti-bribery, sanctions and the partner's regulatory record.",
    sections: [
      section(
        "employment",
        "Employment practices",
        "Pay, hours and the rights of the people who would deliver our services.",
        [
          yesNo(
            "legal_minimum_pay",
            "Do all workers, including agency staff, receive at least the legal minimum wage where they work?",
            "regulatory_compliance",
            {
              help: "Yes for everyone who would work on our services, including agency staff and contractors.",
              weight: 2,
            },
          ),
          singleChoice(
            "working_hours",
            "How are working hours and overtime controlled?",
            "regulatory_compliance",
            [
              ["recorded_within_limits", "Recorded, kept within legal limits, overtime paid", 100],
              ["recorded", "Recorded but limits sometimes exceeded", 50],
              ["not_recorded", "Not recorded", 0],
            ],
            { help: "Best: hours recorded, within legal limits, and overtime voluntary and paid." },
          ),
          yesNo(
            "child_forced_labour_policy",
            "Do you have a written policy forbidding child and forced labour that you also apply to your own suppliers?",
            "regulatory_compliance",
            { weight: 2, help: "Yes, with supplier checks or audits, not only a policy." },
          ),
          yesNo(
            "uses_agency_workers",
            "Do you use agency workers or individual contractors to deliver services?",
            "loss_of_control",
            { weight: 0 },
          ),
          singleChoice(
            "agency_share",
            "What share of the delivery team would be agency workers or contractors?",
            "loss_of_control",
            [
              ["below_20_pct", "Less than 20%", 100],
              ["pct_20_to_50", "20–50%", 60],
              ["above_50_pct", "More than 50%", 30],
            ],
            {
              help: "Best: a small share; a core of employees keeps knowledge in the team.",
              showIf: { question: "uses_agency_workers", equals: true },
            },
          ),
          yesNo(
            "no_recruitment_fees",
            "Can you confirm that no worker paid a recruitment fee to an agency to get the job?",
            "regulatory_compliance",
            {
              help: "Yes: any recruitment costs are paid by you, never by the worker.",
              showIf: { question: "uses_agency_workers", equals: true },
            },
          ),
          yesNo(
            "grievance_channel",
            "Do workers have a confidential grievance or whistle-blowing channel, protected from retaliation?",
            "regulatory_compliance",
            { help: "Yes: confidential, available in local languages, with cases tracked to closure." },
          ),
          yesNo(
            "takes_over_staff",
            "Would any of our employees transfer to you as part of this engagement?",
            "employee_morale",
            { weight: 0, help: "Informational: a transfer needs consultation and care on both sides." },
          ),
          open(
            "text",
            "staff_transfer_approach",
            "How would you handle transferred staff: their terms, consultation and integration into your teams?",
            "employee_morale",
            {
              showIf: { question: "takes_over_staff", equals: true },
              help: "Good answers cover protected terms, early consultation and a named contact for the transferred people.",
            },
          ),
        ],
      ),
      section(
        "compliance",
        "Business integrity",
        "Bribery, sanctions, licences and the partner's regulatory record.",
        [
          yesNo(
            "anti_bribery",
            "Do you have an anti-bribery policy with yearly training for staff who deal with officials or clients?",
            "regulatory_compliance",
            { help: "Yes: a written policy, yearly training and a gifts and hospitality register." },
          ),
          singleChoice(
            "sanctions_screening",
            "How do you screen owners, clients and suppliers against sanctions lists?",
            "political_economic_instability",
            [
              ["continuous", "Automatically and continuously", 100],
              ["at_onboarding", "Once, at onboarding", 60],
              ["not_screened", "No screening", 0],
            ],
            { help: "Best: automated screening at onboarding and whenever the lists change." },
          ),
          yesNo(
            "sanctioned_links",
            "Do you have operations, owners or staff in countries or regions under comprehensive sanctions?",
            "political_economic_instability",
            {
              help: "Best: no. Any link to a comprehensively sanctioned country is a serious concern.",
              yesScore: 0,
              weight: 2,
            },
          ),
          open(
            "text",
            "licences_held",
            "List the licences or registrations you need to provide these services in your countries.",
            "regulatory_compliance",
            { required: false },
          ),
          yesNo(
            "regulatory_findings",
            "In the last five years, have you been fined or investigated over labour, tax, environmental or competition law?",
            "regulatory_compliance",
            { help: "Best: no. If yes, explain below.", yesScore: 0 },
          ),
          open(
            "text",
            "regulatory_findings_details",
            "Describe each case, its outcome and what you changed since.",
            "regulatory_compliance",
            { showIf: { question: "regulatory_findings", equals: true } },
          ),
          multiChoice(
            "responsibility_certifications",
            "Which of these certifications or ratings do you hold?",
            "regulatory_compliance",
            [
              ["sa8000", "SA8000 (social accountability)", 40],
              ["iso_45001", "ISO 45001 (occupational health and safety)", 30],
              ["iso_14001", "ISO 14001 (environment)", 15],
              ["sustainability_rating", "An independent sustainability rating", 15],
              ["none", "None of these", 0],
            ],
            { weight: 0.5, help: "Each certification adds to the score; SA8000 weighs most here." },
          ),
          open("file", "sa8000_certificate", "Upload your SA8000 certificate.", "regulatory_compliance", {
            evidenceRequired: true,
            showIf: { question: "responsibility_certifications", includes: "sa8000" },
            help: "A valid certificate whose scope includes the sites that would serve us.",
          }),
          open(
            "file",
            "code_of_conduct",
            "Upload your code of conduct or ethics policy.",
            "regulatory_compliance",
            {
              evidenceRequired: true,
              help: "It should cover labour rights, bribery, conflicts of interest and how breaches are reported.",
            },
          ),
        ],
      ),
    ],
  },
};
