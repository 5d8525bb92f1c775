import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Scalability and capacity: can the partner staff our work today, grow with it tomorrow, and keep
 * the people who know it? Attrition and ramp-up speed are what usually break quality first.
 */
export const scalabilityCapacity: BundledTemplate = {
  key: "scalability_capacity",
  content: {
    title: "Scalability & capacity",
    description:
      "Whether the partner has the people, working hours and infrastructure to deliver our volumes now and to absorb growth and peaks.",
    sections: [
      section("capacity", "Current capacity", "The team that would serve us and the slack it has.", [
        open(
          "number",
          "delivery_headcount",
          "How many people work in the unit that would deliver our services?",
          "quality",
          { help: "Informational; we compare it with the team size our work needs." },
        ),
        singleChoice(
          "our_share_of_capacity",
          "What share of that unit's capacity would our work take?",
          "concentration",
          [
            ["below_10_pct", "Less than 10%", 100],
            ["pct_10_to_25", "10–25%", 90],
            ["pct_25_to_50", "25–50%", 60],
            ["above_50_pct", "More than 50%", 30],
          ],
          { help: "A very large share makes each side dependent on the other." },
        ),
        singleChoice(
          "utilisation",
          "What was the average utilisation of delivery staff over the last six months?",
          "quality",
          [
            ["below_70_pct", "Below 70%", 70],
            ["pct_70_to_85", "70–85%", 100],
            ["above_85_pct", "Above 85%", 40],
          ],
          { help: "70–85% leaves room for peaks and training without idle cost." },
        ),
        singleChoice(
          "ramp_up_time",
          "How quickly could you add 25% more trained people to our team?",
          "quality",
          [
            ["within_4_weeks", "Within 4 weeks", 100],
            ["within_3_months", "Within 3 months", 70],
            ["longer", "Longer than 3 months", 30],
            ["not_possible", "Not possible", 0],
          ],
          { help: "Best: 25% more trained people within four weeks.", weight: 2 },
        ),
        yesNo(
          "bench_pool",
          "Do you keep trained staff on a bench, or a pool of vetted contractors, for ramp-ups?",
          "quality",
          { help: "Yes: trained people available at short notice without hurting other clients." },
        ),
      ]),
      section(
        "people",
        "People and retention",
        "Whether the people who learn our work will stay, and how easily we can work with them.",
        [
          singleChoice(
            "attrition_rate",
            "What was voluntary staff attrition in the delivery unit over the last 12 months?",
            "quality",
            [
              ["below_10_pct", "Below 10%", 100],
              ["pct_10_to_20", "10–20%", 70],
              ["pct_20_to_30", "20–30%", 40],
              ["above_30_pct", "Above 30%", 10],
            ],
            { help: "Below 15% is good for most services; above 30% puts continuity at risk.", weight: 2 },
          ),
          open(
            "text",
            "attrition_actions",
            "What are you doing to bring attrition down, and with what results so far?",
            "quality",
            { showIf: { question: "attrition_rate", equals: "above_30_pct" } },
          ),
          multiChoice(
            "retention_measures",
            "Which measures help you keep people on a client account?",
            "quality",
            [
              ["career_paths", "Defined career paths and promotions", 30],
              ["retention_bonus", "Retention bonuses", 20],
              ["training_budget", "A training budget per person", 25],
              ["knowledge_base", "A documented knowledge base so leavers take little with them", 25],
              ["none", "None of these", 0],
            ],
            { help: "Each measure adds to the score; all four earn full marks." },
          ),
          singleChoice(
            "time_zone_overlap",
            "How many of your team's working hours overlap with our core hours?",
            "communication_barriers",
            [
              ["over_4_hours", "More than 4 hours", 100],
              ["hours_2_to_4", "2–4 hours", 70],
              ["under_2_hours", "Less than 2 hours", 30],
              ["no_overlap", "No overlap", 0],
            ],
            { help: "Best: at least four shared working hours for meetings and quick questions." },
          ),
        ],
      ),
      section(
        "infrastructure",
        "Infrastructure and planning",
        "Whether systems and planning can follow our volumes.",
        [
          yesNo(
            "elastic_infrastructure",
            "Can your infrastructure scale to double our volumes without buying new hardware?",
            "quality",
            { help: "Yes, through cloud capacity or reserved headroom, with the lead time stated." },
          ),
          singleChoice(
            "peak_experience",
            "Have you absorbed a client's volume peak of 50% or more above normal?",
            "quality",
            [
              ["regularly", "Yes, several times", 100],
              ["once", "Yes, once", 70],
              ["never", "No", 30],
            ],
            { help: "Best: several peaks absorbed without missing service levels." },
          ),
          open(
            "text",
            "peak_example",
            "Describe one such peak: the volume, how fast it came and how you handled it.",
            "quality",
            { showIf: { question: "peak_experience", equals: "regularly" } },
          ),
          singleChoice(
            "capacity_planning",
            "How often would you plan capacity with us against our forecasts?",
            "loss_of_control",
            [
              ["monthly", "Monthly", 100],
              ["quarterly", "Quarterly", 80],
              ["yearly", "Yearly", 40],
              ["not_planned", "No joint planning", 0],
            ],
            { help: "Best: monthly planning against our rolling forecast." },
          ),
          open(
            "file",
            "resourcing_plan",
            "Upload your resourcing plan or organization chart for the unit that would serve us.",
            "quality",
            {
              evidenceRequired: true,
              required: false,
              help: "Roles, headcount per role and planned hires for the next 12 months.",
            },
          ),
        ],
      ),
    ],
  },
};
