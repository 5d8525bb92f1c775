import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Business continuity: would our service survive an outage, a disaster or unrest at the partner's
 * site? Planning counts, but tested recovery counts more, hence the heavier recovery section.
 */
export const businessContinuity: BundledTemplate = {
  key: "business_continuity",
  content: {
    title: "Business continuity",
    description:
      "Whether the partner could keep delivering, or recover quickly, after the loss of a site, a system, a supplier or key people.",
    sections: [
      section("planning", "Continuity planning", "Plans, impact analysis and recovery objectives.", [
        yesNo(
          "continuity_plan",
          "Do you have a documented business-continuity plan covering the services you would provide to us?",
          "quality",
          {
            weight: 2,
            help: "Yes, naming the services, the people in charge and the steps to recover each one.",
          },
        ),
        open("file", "continuity_plan_document", "Upload the plan or a summary of it.", "quality", {
          evidenceRequired: true,
          showIf: { question: "continuity_plan", equals: true },
          help: "A summary is enough if it shows scope, roles, recovery steps and the date of the last review.",
        }),
        singleChoice(
          "plan_last_tested",
          "When was the plan last tested in an exercise?",
          "quality",
          [
            ["within_12_months", "Within the last 12 months", 100],
            ["within_24_months", "12–24 months ago", 60],
            ["never", "Never tested", 0],
          ],
          {
            help: "Best: an exercise in the last 12 months, with lessons learned recorded and acted on.",
            showIf: { question: "continuity_plan", equals: true },
          },
        ),
        yesNo(
          "impact_analysis",
          "Have you carried out a business-impact analysis that sets a recovery time for each service?",
          "quality",
          { help: "Yes: each service has an agreed maximum outage and recovery time, reviewed yearly." },
        ),
        open(
          "number",
          "recovery_time_hours",
          "What is your recovery time objective, in hours, for the services you would provide to us?",
          "quality",
          {
            help: "Compare with what the service needs: for critical services we usually expect 4–24 hours.",
          },
        ),
      ]),
      section(
        "resilience",
        "Sites and resilience",
        "How exposed delivery is to a single place, supplier or person.",
        [
          singleChoice(
            "delivery_sites",
            "From how many sites would our services be delivered?",
            "concentration",
            [
              ["several_countries", "Several sites in more than one country", 100],
              ["several_sites", "Several sites in one country", 70],
              ["single_site", "A single site", 20],
            ],
            {
              help: "Best: at least two sites able to take over from each other, ideally in different countries.",
              weight: 2,
            },
          ),
          yesNo(
            "remote_fallback",
            "Could staff deliver our services securely from home or another site if their office were unavailable?",
            "quality",
            {
              help: "Yes: on managed devices with secure access, tested for the whole team, not only a few people.",
            },
          ),
          multiChoice(
            "past_disruptions",
            "Which disruptions have affected your delivery sites in the last five years?",
            "political_economic_instability",
            [
              ["none", "None", 100],
              ["power_outages", "Prolonged power outages", 0],
              ["connectivity_outages", "Prolonged internet outages", 0],
              ["natural_disaster", "Flood, storm, earthquake or similar", 0],
              ["civil_unrest", "Civil unrest, strikes or curfews", 0],
            ],
            {
              weight: 0,
              help: "Informational, not scored: disruptions are not disqualifying; what matters is how delivery continued.",
            },
          ),
          yesNo(
            "backup_power_network",
            "Do your delivery sites have backup power and redundant internet connections?",
            "quality",
            { help: "Yes: generator or UPS and two independent internet providers at each site." },
          ),
          yesNo(
            "key_person_dependency",
            "Does delivery depend on individuals who have no trained deputy?",
            "quality",
            { yesScore: 0, help: "Best: every critical role has a named, trained deputy." },
          ),
          yesNo(
            "single_supplier_dependency",
            "Do you depend on a single supplier (hosting, telecoms, software) whose failure would stop our service?",
            "concentration",
            {
              help: "Best: no single supplier can stop the service; otherwise a tested fallback exists.",
              yesScore: 0,
            },
          ),
          open(
            "text",
            "supplier_fallback",
            "Name that supplier and describe your fallback if it failed.",
            "concentration",
            { showIf: { question: "single_supplier_dependency", equals: true } },
          ),
        ],
      ),
      section(
        "recovery",
        "Backups and recovery",
        "Whether data and service can actually be brought back.",
        [
          singleChoice(
            "backup_frequency",
            "How often is the data you would hold for us backed up?",
            "data_security",
            [
              ["continuous", "Continuously or hourly", 100],
              ["daily", "Daily", 80],
              ["weekly", "Weekly", 40],
              ["never", "Not backed up", 0],
            ],
            { help: "Best: at least daily, more often for data that changes constantly." },
          ),
          yesNo(
            "backups_isolated",
            "Are backups kept in a separate location and protected against ransomware (immutable or offline)?",
            "data_security",
            { help: "Yes: a copy that ransomware on the main systems cannot reach or alter.", weight: 2 },
          ),
          singleChoice(
            "restore_tested",
            "When did you last restore from backup as a test?",
            "quality",
            [
              ["within_6_months", "Within the last 6 months", 100],
              ["within_12_months", "6–12 months ago", 70],
              ["older", "More than 12 months ago", 30],
              ["never", "Never", 0],
            ],
            {
              help: "A successful, timed restore of a full service within the last six months is the best answer.",
            },
          ),
          yesNo(
            "exit_assistance",
            "If you could no longer deliver, would you support an orderly transfer of the service to another provider?",
            "exit_lock_in",
            { help: "Yes: with documentation, data and knowledge transfer, at agreed rates." },
          ),
        ],
        2,
      ),
    ],
  },
};
