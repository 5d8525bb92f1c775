import type { BundledTemplate } from "../../questionnaires.js";
import { multiChoice, open, section, singleChoice, yesNo } from "./builders.js";

/**
 * Financial health: will the partner still be there, and still be the same company, for the life
 * of the contract? A partner's failure forces an unplanned exit, so most questions map to
 * `exit_lock_in`; dependence on few clients to `concentration`.
 */
export const financialHealth: BundledTemplate = {
  key: "financial_health",
  content: {
    title: "Financial health",
    description:
      "The partner's size, ownership, audited results and financial resilience: the risk that it fails, is sold, or cannot absorb a shock during our contract.",
    sections: [
      section(
        "profile",
        "Company profile",
        "Age, size and ownership of the contracting entity.",
        [
          singleChoice(
            "years_trading",
            "How long has your company been trading?",
            "exit_lock_in",
            [
              ["over_10_years", "More than 10 years", 100],
              ["years_5_to_10", "5–10 years", 80],
              ["years_2_to_5", "2–5 years", 50],
              ["under_2_years", "Less than 2 years", 20],
            ],
            { help: "Longer is safer; a young company can still qualify with strong backing." },
          ),
          open(
            "number",
            "annual_revenue_eur",
            "What was your revenue in the last financial year, in euros?",
            "exit_lock_in",
            {
              help: "Informational; we compare it with the value of our contract.",
            },
          ),
          open("number", "employee_count", "How many people do you employ?", "quality"),
          singleChoice(
            "ownership",
            "How is your company owned?",
            "misaligned_objectives",
            [
              ["founder_owned", "Independent, owned by founders or management", 100],
              ["group_subsidiary", "Subsidiary of a larger group", 100],
              ["listed", "Listed on a stock exchange", 100],
              ["investor_backed", "Backed by private equity or venture capital", 100],
            ],
            { weight: 0, help: "Informational: no structure is better in itself." },
          ),
          yesNo(
            "ownership_change_expected",
            "Is a sale, merger or change of control expected within the next 18 months?",
            "misaligned_objectives",
            {
              yesScore: 0,
              weight: 0.5,
              help: "A change of control is not bad in itself but should be covered in the contract.",
            },
          ),
        ],
        0.5,
      ),
      section(
        "statements",
        "Financial statements",
        "Audited results and their trend.",
        [
          yesNo(
            "accounts_audited",
            "Are your annual accounts audited by an independent auditor?",
            "exit_lock_in",
            { help: "Yes: audited each year by an independent firm.", weight: 2 },
          ),
          open(
            "file",
            "audited_accounts",
            "Upload your audited accounts for the last two financial years.",
            "exit_lock_in",
            {
              evidenceRequired: true,
              showIf: { question: "accounts_audited", equals: true },
              help: "The full accounts with the auditor's report, not only a summary.",
            },
          ),
          open(
            "date",
            "financial_year_end",
            "On what date did your last audited financial year end?",
            "exit_lock_in",
            {
              showIf: { question: "accounts_audited", equals: true },
              help: "Accounts older than 18 months say little about today; we may ask for interim figures.",
            },
          ),
          singleChoice(
            "audit_opinion",
            "What was the auditor's opinion on the latest accounts?",
            "exit_lock_in",
            [
              ["unqualified", "Unqualified (clean)", 100],
              ["qualified", "Qualified", 40],
              ["going_concern", "Material uncertainty about going concern", 0],
              ["adverse", "Adverse or disclaimer of opinion", 0],
            ],
            {
              help: "Best: an unqualified opinion without a going-concern warning.",
              weight: 2,
              showIf: { question: "accounts_audited", equals: true },
            },
          ),
          open(
            "file",
            "management_accounts",
            "Upload management accounts or tax filings for the last two financial years.",
            "exit_lock_in",
            { evidenceRequired: true, showIf: { question: "accounts_audited", equals: false } },
          ),
          singleChoice(
            "profitable_years",
            "In how many of the last three financial years did you make a profit?",
            "exit_lock_in",
            [
              ["all_three", "All three", 100],
              ["two_of_three", "Two", 70],
              ["one_of_three", "One", 30],
              ["none_of_three", "None", 0],
            ],
            { help: "Best: profitable in each of the last three years." },
          ),
          singleChoice(
            "revenue_trend",
            "How has your revenue developed over the last three years?",
            "exit_lock_in",
            [
              ["growing", "Growing", 100],
              ["stable", "Broadly stable", 80],
              ["declining", "Declining", 30],
            ],
            { help: "Growing or stable revenue; a decline should be explained." },
          ),
        ],
        2,
      ),
      section(
        "resilience",
        "Resilience and dependence",
        "Whether the partner could absorb the loss of a client, a dispute or a currency shock.",
        [
          singleChoice(
            "largest_client_share",
            "What share of your revenue comes from your largest client?",
            "concentration",
            [
              ["below_10_pct", "Less than 10%", 100],
              ["pct_10_to_25", "10–25%", 70],
              ["pct_25_to_50", "25–50%", 30],
              ["above_50_pct", "More than 50%", 0],
            ],
            { help: "Below 25% means losing one client would not put the company at risk." },
          ),
          yesNo(
            "cash_runway",
            "Do cash reserves or committed credit facilities cover at least three months of operating costs?",
            "exit_lock_in",
            {
              help: "Yes: enough cash or committed credit to cover at least three months of costs without new revenue.",
            },
          ),
          singleChoice(
            "currency_exposure",
            "How do you manage the currency risk between your costs and your invoices?",
            "political_economic_instability",
            [
              ["same_currency", "Costs and invoices are in the same currency", 100],
              ["hedged", "Exposure is hedged", 100],
              ["partly_hedged", "Partly hedged", 60],
              ["unmanaged", "Not managed", 20],
            ],
            { help: "Best: costs and invoices in the same currency, or the difference hedged." },
          ),
          yesNo(
            "material_proceedings",
            "Are there pending lawsuits, tax disputes or insolvency proceedings that could materially affect your company?",
            "regulatory_compliance",
            { help: "Best: no. If yes, the amounts should be small relative to your equity.", yesScore: 0 },
          ),
          open(
            "text",
            "proceedings_details",
            "Describe those proceedings, the amounts at stake and their expected outcome.",
            "regulatory_compliance",
            { showIf: { question: "material_proceedings", equals: true } },
          ),
          multiChoice(
            "insurance_cover",
            "Which insurance cover do you hold?",
            "exit_lock_in",
            [
              ["professional_indemnity", "Professional indemnity", 50],
              ["general_liability", "General or public liability", 25],
              ["business_interruption", "Business interruption", 25],
              ["none", "None of these", 0],
            ],
            { help: "Professional indemnity with a limit at least equal to our contract's liability cap." },
          ),
        ],
      ),
    ],
  },
};
