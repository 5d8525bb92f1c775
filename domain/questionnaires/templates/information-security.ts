import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Information security: can the partner keep our data and systems safe? Weighted towards the
 * technical controls and access, where a weakness turns directly into a breach.
 */
export const informationSecurity: BundledTemplate = {
  key: "information_security",
  content: {
    title: "Information security",
    description:
      "How the partner governs, protects and monitors the systems and data it would handle for us, and how it responds when something goes wrong.",
    sections: [
      section(
        "governance",
        "Security governance",
        "Who is accountable for security, and what independent assurance backs it up.",
        [
          singleChoice(
            "security_attestation",
            "Which independent attestation covers the services you would provide to us?",
            "data_security",
            [
              ["iso_27001", "ISO/IEC 27001 certificate covering these services", 100],
              ["soc2_type2", "SOC 2 Type II report covering these services", 100],
              ["soc2_type1", "SOC 2 Type I report", 70],
              ["other_audit", "Another independent audit (e.g. a national scheme)", 60],
              ["self_assessed", "Internal assessment only", 25],
              ["none", "None", 0],
            ],
            {
              weight: 2,
              help: "Best: a current certificate or report whose scope names the sites and services that would serve us.",
            },
          ),
          open(
            "file",
            "iso_certificate",
            "Upload your ISO/IEC 27001 certificate and its statement of applicability.",
            "data_security",
            {
              evidenceRequired: true,
              showIf: { question: "security_attestation", equals: "iso_27001" },
              help: "The certificate must be valid today and its scope must include the services we would buy.",
            },
          ),
          open("date", "certificate_expiry", "When does that certificate expire?", "data_security", {
            showIf: { question: "security_attestation", equals: "iso_27001" },
            help: "We track the date and ask for the renewed certificate before it lapses.",
          }),
          open(
            "file",
            "soc2_report",
            "Upload your latest SOC 2 Type II report (or its bridge letter).",
            "data_security",
            {
              evidenceRequired: true,
              showIf: { question: "security_attestation", equals: "soc2_type2" },
              help: "A report whose period ended within the last 12 months, with any exceptions explained.",
            },
          ),
          yesNo(
            "security_owner",
            "Is a named person accountable for information security and reporting to senior management?",
            "loss_of_control",
            {
              help: "Yes, with a name and a regular (at least quarterly) report to the board or management.",
            },
          ),
          singleChoice(
            "policy_review",
            "When did management last review and approve your information-security policy?",
            "data_security",
            [
              ["within_12_months", "Within the last 12 months", 100],
              ["within_24_months", "12–24 months ago", 60],
              ["older", "More than 24 months ago", 20],
              ["no_policy", "We have no written policy", 0],
            ],
            {
              help: "Best: a written policy, approved by management within the last year and known to staff.",
            },
          ),
          singleChoice(
            "awareness_training",
            "How often do staff with access to client systems complete security-awareness training?",
            "data_security",
            [
              ["onboarding_and_yearly", "At onboarding and at least yearly, with phishing exercises", 100],
              ["onboarding_only", "At onboarding only", 50],
              ["ad_hoc", "Occasionally", 20],
              ["never", "Not at all", 0],
            ],
            { help: "Good practice: mandatory at onboarding, refreshed yearly, completion tracked." },
          ),
        ],
      ),
      section(
        "access_control",
        "Access control",
        "Who can reach our data, and how that access is granted, checked and removed.",
        [
          yesNo(
            "mfa_enforced",
            "Is multi-factor authentication enforced for all remote access and all administrative accounts?",
            "data_security",
            {
              weight: 2,
              help: "Yes, for every user and without exceptions for executives or service desks.",
            },
          ),
          singleChoice(
            "access_reviews",
            "How often are access rights to client data reviewed by the data owner?",
            "loss_of_control",
            [
              ["quarterly", "Quarterly or more often", 100],
              ["half_yearly", "Every six months", 80],
              ["yearly", "Yearly", 50],
              ["never", "Not reviewed", 0],
            ],
            {
              help: "Best: at least quarterly, by the person responsible for the data, with removals evidenced.",
            },
          ),
          singleChoice(
            "leaver_revocation",
            "How quickly are a leaver's accounts disabled?",
            "data_security",
            [
              ["same_day", "On the last working day or sooner", 100],
              ["within_week", "Within a week", 50],
              ["longer", "Later than a week", 10],
              ["no_process", "No defined process", 0],
            ],
            {
              help: "Best: accounts disabled on or before the last working day, triggered automatically by HR.",
            },
          ),
          multiChoice(
            "privileged_controls",
            "Which controls apply to privileged (administrator) accounts?",
            "data_security",
            [
              ["separate_accounts", "Separate admin accounts, not used for e-mail or browsing", 30],
              ["vault", "Credentials kept in a password vault or PAM tool", 30],
              ["session_recording", "Privileged sessions logged or recorded", 20],
              ["just_in_time", "Just-in-time elevation that expires", 20],
              ["none", "None of these", 0],
            ],
            {
              help: "Each control adds to the score; all four earn full marks. At minimum: separate accounts and a vault.",
            },
          ),
        ],
      ),
      section(
        "technical_protection",
        "Technical protection",
        "Encryption, patching and independent testing of the systems that would hold our data.",
        [
          yesNo(
            "encryption_at_rest",
            "Is client data encrypted at rest, including backups?",
            "data_security",
            {
              weight: 2,
              help: "Yes, with keys managed separately from the data and access to keys logged.",
            },
          ),
          yesNo(
            "encryption_in_transit",
            "Is client data encrypted in transit over every network, internal ones included, with current TLS?",
            "data_security",
            { help: "Yes: TLS 1.2 or later everywhere, including between internal systems and to backups." },
          ),
          singleChoice(
            "critical_patch_time",
            "Within what time are critical security patches applied?",
            "data_security",
            [
              ["within_7_days", "Within 7 days", 100],
              ["within_30_days", "Within 30 days", 70],
              ["within_90_days", "Within 90 days", 30],
              ["no_target", "No target", 0],
            ],
            { help: "Best: critical patches within 7 days, with exceptions tracked and mitigated." },
          ),
          yesNo(
            "penetration_test",
            "Has an independent penetration test of these systems been carried out in the last 12 months?",
            "data_security",
            {
              help: "Yes: by an independent tester, covering the applications and networks that would hold our data.",
            },
          ),
          yesNo(
            "pentest_open_findings",
            "Are any critical or high findings from that test still open?",
            "data_security",
            {
              yesScore: 0,
              showIf: { question: "penetration_test", equals: true },
              help: "Best: none open; otherwise a dated remediation plan.",
            },
          ),
          open(
            "file",
            "pentest_summary",
            "Upload the executive summary of the latest penetration test.",
            "data_security",
            {
              evidenceRequired: true,
              required: false,
              showIf: { question: "penetration_test", equals: true },
              help: "A summary with the tester's name, the scope and the findings by severity is enough.",
            },
          ),
        ],
        2,
      ),
      section(
        "incident_response",
        "Incident response",
        "How an incident would be detected, handled and reported to us.",
        [
          yesNo(
            "incident_plan",
            "Do you have a documented incident-response plan that was exercised in the last 12 months?",
            "data_security",
            {
              help: "Yes: roles, contact lists and steps written down and rehearsed in an exercise in the last year.",
            },
          ),
          open(
            "number",
            "breach_notice_hours",
            "Within how many hours of detecting an incident affecting our data would you notify us?",
            "regulatory_compliance",
            { help: "We expect 24 hours or less, so that we can meet our own 72-hour regulatory deadlines." },
          ),
          yesNo(
            "past_incidents",
            "Have you had a security incident affecting client data in the last three years?",
            "data_security",
            { yesScore: 0, help: "Answer honestly: an incident handled well matters less than one hidden." },
          ),
          open(
            "text",
            "past_incident_details",
            "Describe those incidents, their impact, and what you changed afterwards.",
            "data_security",
            { showIf: { question: "past_incidents", equals: true } },
          ),
          yesNo("cyber_insurance", "Do you hold cyber-insurance cover?", "data_security", {
            weight: 0.5,
            help: "Yes, with a limit appropriate to the data you would hold for us.",
          }),
        ],
      ),
    ],
  },
};
