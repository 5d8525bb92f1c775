import { anyOf, STAFF_READ } from "../../platform/access.js";

/**
 * Who may do what with risk signals. Every staff role reads the inbox. Deciding a signal (accept
 * it into the register, or dismiss it) and running an evaluation on demand are the risk owners'
 * (admin, risk_manager): dismissing hides evidence of a risk, so it stays with those accountable
 * for the register rather than with compliance officers, who may still record risks by hand.
 * Partner-portal users see nothing of it.
 */
const RISK_OWNERS = anyOf("admin", "risk_manager");

export const signalPolicy = {
  read: STAFF_READ,
  accept: RISK_OWNERS,
  dismiss: RISK_OWNERS,
  evaluate: RISK_OWNERS,
};
