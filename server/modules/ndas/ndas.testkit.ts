import { addDays, todayUtc } from "../../../domain/time.js";
import { call, type Session, type TestEnv } from "../../test/harness.js";

/** Helpers shared by the NDA register's integration tests (not loaded by the app). */

/** A valid body for `POST /api/v1/ndas`: a mutual NDA in force for a year, unless overridden. */
export const ndaBody = (partnerId: string, overrides: object = {}) => ({
  partnerId,
  type: "mutual",
  scope: "Source code and architecture documents of the billing platform",
  effectiveDate: addDays(todayUtc(), -10),
  expiryDate: addDays(todayUtc(), 355),
  consequences: "Liquidated damages of EUR 50,000 per breach",
  signedDocumentUrl: "https://docs.example.test/nda/acme.pdf",
  signatories: [
    { name: "Ada Lovelace", role: "CFO", party: "ours", signedOn: addDays(todayUtc(), -10) },
    { name: "Raj Patel", role: "Director", party: "theirs" },
  ],
  ...overrides,
});

/** Creates an NDA through the API. */
export async function buildNda(env: TestEnv, s: Session, partnerId: string, overrides: object = {}) {
  const res = await call(env, s, {
    method: "POST",
    url: "/api/v1/ndas",
    payload: ndaBody(partnerId, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`buildNda: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; status: string; partner: { id: string } };
}
