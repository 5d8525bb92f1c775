import type { BuiltinCategoryKey } from "../risk-categories.js";
import type { SignalBounds } from "../risk-settings.js";
import type { SignalFacts } from "./facts.js";

/** One fact a signal rests on, shown with its value and where it comes from. */
export interface SignalFact {
  label: string;
  value: string;
  source: string;
}

/** What a rule proposes: one potential risk about one subject. */
export interface SignalProposal {
  /**
   * Stable identity of the subject within the rule, e.g. `partner:<id>:country:PK`: the engine
   * keeps one signal per rule and subject, so a dismissed one is recognised when proposed again.
   */
  subjectKey: string;
  partnerId: string | null;
  serviceId: string | null;
  title: string;
  likelihood: number;
  impact: number;
  /** Human-readable, naming the facts with their values and sources. */
  explanation: string;
  facts: SignalFact[];
  /**
   * What the change detection fingerprints instead of `facts`, when some displayed facts move
   * without anything real changing (e.g. an overlap average over "the next 30 days" drifts
   * daily). Omitted → `facts` are fingerprinted.
   */
  fingerprint?: unknown;
}

/** The kinds of facts a rule reads, so the UI can say what it looks at. */
export type FactKind =
  | "partners"
  | "services"
  | "sites"
  | "subcontractors"
  | "risks"
  | "governance"
  | "dataProtection"
  | "organizationSites"
  | "contracts"
  | "kpis"
  | "concentration"
  | "ndas"
  | "documentShares";

/** A pluggable rule: pure, metadata plus `evaluate`. Add one file and one line in `registry.ts`. */
export interface SignalRule {
  /** Stable id stored on every signal, e.g. "low_political_stability". */
  id: string;
  title: string;
  /** The built-in category a risk accepted from it falls under. */
  categoryKey: BuiltinCategoryKey;
  /** One or two sentences: what it checks and how likelihood and impact are chosen. */
  description: string;
  reads: FactKind[];
  /** The organization's bounds it compares against. */
  bounds: (keyof SignalBounds)[];
  /**
   * `organization`: the rule aggregates over all partners, so it is evaluated in full whatever
   * the scope; `partner`: each partner's proposals depend only on that partner's facts.
   */
  scope: "partner" | "organization";
  evaluate(facts: SignalFacts, bounds: SignalBounds): SignalProposal[];
}
