import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Intellectual-property protection: will our specifications, code and know-how stay ours? Contracts
 * that pass ownership through every worker come first; technical handling and history follow.
 */
export const ipProtection: BundledTemplate = {
  key: "ip_protection",
  content: {
    title: "Intellectual-property protection",
    description:
      "How the partner secures confidentiality and ownership of what we share and what it creates for us, through contracts, handling and its own track record.",
    sections: [
      section(
        "agreements",
        "Agreements and ownership",
        "Whether confidentiality and ownership reach every person who works on our material.",
        [
          yesNo(
            "staff_confidentiality",
            "Do all staff and contractors sign confidentiality agreements before they see client material?",
            "intellectual_property",
            { weight: 2, help: "Yes, signed before access, surviving the end of employment." },
          ),
          singleChoice(
            "work_product_ownership",
            "Under your standard terms, who owns work product created for a client?",
            "intellectual_property",
            [
              ["client_on_creation", "The client, from creation", 100],
              ["client_on_payment", "The client, once paid", 80],
              ["licensed_to_client", "We keep it and license it to the client", 40],
              ["provider", "We keep it", 0],
            ],
            { help: "Best: we own everything created for us from the moment it is created.", weight: 2 },
          ),
          yesNo(
            "employee_assignment",
            "Do employment contracts assign work product and inventions to your company, so you can pass them to us?",
            "intellectual_property",
            { help: "Yes: every employment contract assigns work product to the company." },
          ),
          yesNo(
            "uses_subcontractors",
            "Would freelancers or subcontractors work on our material?",
            "loss_of_control",
            { weight: 0 },
          ),
          yesNo(
            "subcontractor_terms",
            "Do those subcontractors sign confidentiality and assignment terms that pass ownership through to the client?",
            "intellectual_property",
            {
              help: "Yes: signed before work starts, with ownership passing to the client.",
              weight: 2,
              showIf: { question: "uses_subcontractors", equals: true },
            },
          ),
          open(
            "file",
            "confidentiality_clause",
            "Upload your standard employee confidentiality and assignment clause (redacted as needed).",
            "intellectual_property",
            { evidenceRequired: true },
          ),
        ],
        2,
      ),
      section(
        "handling",
        "Handling of client material",
        "Technical and organizational measures that keep our material from leaking or mixing.",
        [
          singleChoice(
            "client_segregation",
            "How is one client's code and documentation kept apart from other clients'?",
            "intellectual_property",
            [
              ["dedicated_environment", "Dedicated environments and repositories per client", 100],
              ["access_controlled", "Shared systems with per-client access control", 70],
              ["shared", "No separation", 10],
            ],
            { help: "Best: dedicated environments and repositories, with access only for our team." },
          ),
          multiChoice(
            "leak_controls",
            "Which controls stop client material leaving your systems?",
            "intellectual_property",
            [
              ["dlp", "Data-loss prevention on e-mail and web uploads", 30],
              ["removable_media_blocked", "Removable media blocked", 20],
              ["watermarking", "Watermarking of shared documents", 20],
              ["managed_devices", "Work only on company-managed devices", 30],
              ["none", "None of these", 0],
            ],
            { help: "Each control adds to the score; data-loss prevention and managed devices weigh most." },
          ),
          yesNo(
            "open_source_policy",
            "Do you have a policy for reviewing open-source licences of components used in deliverables?",
            "intellectual_property",
            {
              help: "Yes: licences checked before a component is used, and a list supplied with deliverables.",
            },
          ),
          singleChoice(
            "licence_checks",
            "How are those licences checked?",
            "intellectual_property",
            [
              ["automated_scan", "Automated scanning in the build, with approvals", 100],
              ["manual_review", "Manual review", 60],
              ["ad_hoc", "Occasionally", 30],
            ],
            {
              help: "Best: automated scanning in the build, with exceptions approved by a named person.",
              showIf: { question: "open_source_policy", equals: true },
            },
          ),
          yesNo(
            "competitor_work",
            "Do you work, or plan to work, for our direct competitors?",
            "misaligned_objectives",
            {
              yesScore: 0,
              weight: 0.5,
              help: "Best: no. Otherwise not disqualifying if teams and information are walled off.",
            },
          ),
          open(
            "text",
            "competitor_walls",
            "Describe how teams and information are kept apart between competing clients.",
            "intellectual_property",
            { showIf: { question: "competitor_work", equals: true } },
          ),
        ],
      ),
      section(
        "track_record",
        "Track record and enforcement",
        "Past disputes and whether our rights could be enforced where you are.",
        [
          yesNo(
            "ip_disputes",
            "Have you faced an IP-infringement claim or trade-secret dispute in the last five years?",
            "intellectual_property",
            { help: "Best: no. If yes, explain below.", yesScore: 0 },
          ),
          open(
            "text",
            "ip_dispute_details",
            "Describe the dispute, its outcome and what you changed since.",
            "intellectual_property",
            { showIf: { question: "ip_disputes", equals: true } },
          ),
          yesNo(
            "return_material",
            "At the end of the engagement, would you return all our material and certify that copies are destroyed?",
            "exit_lock_in",
            {
              help: "Yes: returned in a usable format, copies destroyed, and a written certificate within 30 days.",
            },
          ),
          singleChoice(
            "enforceability",
            "Could a court judgment or arbitral award in our favour be enforced where your contracting entity is based?",
            "intellectual_property",
            [
              [
                "yes_treaty",
                "Yes: the country recognises foreign awards under an international convention",
                100,
              ],
              ["unsure", "Not sure", 40],
              ["no", "No", 0],
            ],
            { help: "Best: yes, the country is party to a convention recognising foreign arbitral awards." },
          ),
        ],
      ),
    ],
  },
};
