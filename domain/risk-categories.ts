/**
 * The taxonomy every organization starts with, from the seed text (PRODUCT.md, capability 2).
 * Keys are stable: the signals engine proposes risks by key, and organizations may rename the
 * category or add their own beside these.
 */
export const BUILTIN_RISK_CATEGORIES = [
  {
    key: "loss_of_control",
    name: "Loss of control",
    description: "Less direct oversight of how the work is done, by whom and to what standard.",
  },
  {
    key: "communication_barriers",
    name: "Communication barriers",
    description: "Time-zone gaps, language and distance that slow or distort communication.",
  },
  {
    key: "cultural_differences",
    name: "Cultural differences",
    description: "Different working styles, expectations and business customs.",
  },
  {
    key: "data_security",
    name: "Data security",
    description: "Personal or confidential data exposed, lost or misused outside the organization.",
  },
  {
    key: "intellectual_property",
    name: "Intellectual property",
    description: "Specifications, code or know-how copied, leaked or claimed by others.",
  },
  {
    key: "quality",
    name: "Quality",
    description: "Work that misses agreed standards, service levels or deadlines.",
  },
  {
    key: "regulatory_compliance",
    name: "Regulatory compliance",
    description: "Laws and regulations breached in any country involved.",
  },
  {
    key: "political_economic_instability",
    name: "Political & economic instability",
    description: "Unrest, conflict, sanctions, currency or economic shocks where the partner works.",
  },
  {
    key: "misaligned_objectives",
    name: "Misaligned objectives",
    description: "The partner's incentives pull away from ours.",
  },
  {
    key: "employee_morale",
    name: "Employee morale",
    description: "Our own staff's uncertainty, resistance or loss of key people.",
  },
  {
    key: "concentration",
    name: "Concentration",
    description: "Too much critical work with one partner or in one country.",
  },
  {
    key: "exit_lock_in",
    name: "Exit / lock-in",
    description: "Dependence that makes leaving the partner slow, costly or impossible.",
  },
] as const;

export type BuiltinCategoryKey = (typeof BUILTIN_RISK_CATEGORIES)[number]["key"];

/** The built-in category keys, for schemas that name one. */
export const BUILTIN_CATEGORY_KEYS = BUILTIN_RISK_CATEGORIES.map((c) => c.key) as [
  BuiltinCategoryKey,
  ...BuiltinCategoryKey[],
];
