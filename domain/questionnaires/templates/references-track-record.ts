import type { BundledTemplate } from "../../questionnaires.js";
import { open, section, singleChoice, yesNo } from "./builders.js";

/**
 * References and track record: has the partner done this before, for whom, and how did it go,
 * including how engagements ended? It also probes the working relationship (reporting, language,
 * culture, incentives) where outsourcing most often goes wrong.
 */
export const referencesTrackRecord: BundledTemplate = {
  key: "references_track_record",
  content: {
    title: "References & track record",
    description:
      "The partner's experience with comparable work, client references, how past engagements started and ended, and how it works with clients day to day.",
    sections: [
      section("experience", "Experience", "Comparable work the partner has delivered.", [
        singleChoice(
          "years_in_service",
          "For how many years have you delivered the kind of service we would buy?",
          "quality",
          [
            ["over_5_years", "More than 5 years", 100],
            ["years_2_to_5", "2–5 years", 70],
            ["under_2_years", "Less than 2 years", 30],
          ],
          { help: "Best: more than five years delivering this service." },
        ),
        open(
          "number",
          "comparable_clients",
          "How many clients do you currently serve with a comparable scope?",
          "quality",
          { help: "Informational; three or more shows the service is established, not a one-off." },
        ),
        yesNo(
          "industry_experience",
          "Have you delivered this service to clients in our industry?",
          "quality",
          { help: "Yes: experience with our industry's rules and vocabulary shortens the start." },
        ),
        open(
          "text",
          "industry_clients",
          "Which clients or projects in our industry, as far as you may name them?",
          "quality",
          { required: false, showIf: { question: "industry_experience", equals: true } },
        ),
        open("file", "case_study", "Upload a case study of a comparable engagement.", "quality", {
          evidenceRequired: true,
          required: false,
          help: "Scope, team size, duration, results measured against the client's targets.",
        }),
      ]),
      section(
        "references",
        "References and past engagements",
        "Who can vouch for the partner, and how engagements began and ended.",
        [
          open(
            "text",
            "reference_contacts",
            "Give three current or recent clients we may contact: name, company, role and e-mail.",
            "quality",
            { help: "Best: clients with a similar scope, at least one of them for more than two years." },
          ),
          singleChoice(
            "longest_relationship",
            "How long has your longest current client relationship lasted?",
            "quality",
            [
              ["over_5_years", "More than 5 years", 100],
              ["years_3_to_5", "3–5 years", 80],
              ["years_1_to_3", "1–3 years", 50],
              ["under_1_year", "Less than a year", 20],
            ],
            { help: "Long relationships show that clients stay; more than five years is best." },
          ),
          yesNo(
            "early_terminations",
            "Has a client ended a contract with you early for performance reasons in the last three years?",
            "quality",
            {
              help: "Best: no. If yes, explain below; we judge the lessons learned.",
              yesScore: 0,
              weight: 2,
            },
          ),
          open(
            "text",
            "early_termination_details",
            "What happened, and what did you change afterwards?",
            "quality",
            { showIf: { question: "early_terminations", equals: true } },
          ),
          singleChoice(
            "transitions_in",
            "How many transitions of a service to you (from in-house or another provider) have you run in the last three years?",
            "loss_of_control",
            [
              ["three_or_more", "Three or more", 100],
              ["one_or_two", "One or two", 70],
              ["none", "None", 30],
            ],
            { help: "Best: three or more transitions in three years, ideally of similar size." },
          ),
          yesNo(
            "handed_back",
            "Have you handed a service back to a client or to a new provider at the end of a contract?",
            "exit_lock_in",
            {
              help: "Informational mostly: a well-run hand-back shows you can support our exit.",
              weight: 0.5,
            },
          ),
          open(
            "text",
            "hand_back_account",
            "How did that hand-back go, and how long did it take?",
            "exit_lock_in",
            {
              showIf: { question: "handed_back", equals: true },
              help: "A good answer shows a planned, documented handover without service loss.",
            },
          ),
        ],
        2,
      ),
      section(
        "ways_of_working",
        "Ways of working",
        "Reporting, language, culture and incentives in the day-to-day relationship.",
        [
          singleChoice(
            "reporting",
            "How do you report performance to clients?",
            "loss_of_control",
            [
              ["kpi_reviews", "Agreed KPIs, a live dashboard and monthly service reviews", 100],
              ["monthly_reports", "Monthly written reports", 70],
              ["on_request", "On request", 20],
            ],
            { help: "Best: KPIs agreed up front, a live view and a monthly review meeting." },
          ),
          singleChoice(
            "working_language",
            "How well does the team that would serve us speak our working language?",
            "communication_barriers",
            [
              ["fluent", "Fluently (all team members)", 100],
              ["professional", "Professionally (most team members)", 70],
              ["basic", "Basic, through a few intermediaries", 30],
            ],
            { help: "Best: every team member works fluently in our language." },
          ),
          yesNo(
            "cultural_training",
            "Do teams working with foreign clients receive cross-cultural training?",
            "cultural_differences",
            { help: "Yes: training for teams and leads, refreshed when a new client country is added." },
          ),
          yesNo(
            "satisfaction_measured",
            "Do you measure client satisfaction at least yearly and share the results with each client?",
            "misaligned_objectives",
            { help: "Yes: at least a yearly survey, with results and actions shared with the client." },
          ),
          singleChoice(
            "commercial_alignment",
            "How do your contracts link pay to results?",
            "misaligned_objectives",
            [
              ["outcome_based", "Part of the fee depends on agreed outcomes", 100],
              ["service_credits", "Service credits when service levels are missed", 80],
              ["time_and_materials", "Time and materials only", 40],
            ],
            { help: "Best: part of your fee depends on outcomes we both care about." },
          ),
        ],
      ),
    ],
  },
};
