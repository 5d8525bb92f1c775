import { describe, expect, it } from "vitest";
import type { DocumentShareFacts, NdaFacts } from "../facts.js";
import { BOUNDS, facts, partner } from "./fixtures.js";
import { coveredUntil, ndaExpiringWithShares as rule } from "./nda-expiring-with-shares.js";

const TODAY = "2026-11-30";
const nda = (o: Partial<NdaFacts> = {}): NdaFacts => ({
  id: "nda-1",
  type: "mutual",
  effectiveDate: "2026-01-01",
  expiryDate: "2026-12-20",
  ...o,
});
let n = 0;
const share = (o: Partial<DocumentShareFacts> = {}): DocumentShareFacts => ({
  shareId: `share-${++n}`,
  documentId: `doc-${n}`,
  title: `Document ${n}`,
  classification: "confidential",
  expiresAt: "2027-01-31T00:00:00Z",
  ...o,
});
const run = (...partners: ReturnType<typeof partner>[]) =>
  rule.evaluate(facts({ today: TODAY, partners }), BOUNDS);

describe("nda_expiring_with_shares", () => {
  it("raises when the NDA in force ends within 30 days while confidential documents are shared", () => {
    const p = partner({
      name: "Acme Ltd",
      documentShares: [share({ title: "Payments spec" })],
      ndas: [nda()],
    });
    const [s, ...rest] = run(p);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      subjectKey: `partner:${p.id}:nda-expiring`,
      partnerId: p.id,
      serviceId: null,
      likelihood: 3,
      impact: 3,
    });
    expect(s.explanation).toContain("The NDA cover with Acme Ltd (partner) ends on 2026-12-20");
    expect(s.explanation).toContain("'Payments spec' (confidential)");
    expect(s.facts.slice(-2)).toEqual([
      { label: "NDA cover ends", value: "2026-12-20", source: "Outsight NDA register" },
      {
        label: "NDAs on record",
        value: "mutual, in force until 2026-12-20",
        source: "Outsight NDA register",
      },
    ]);
    expect(s.fingerprint).toBeUndefined();
  });

  it("rates restricted documents impact 4", () => {
    const [s] = run(partner({ documentShares: [share({ classification: "restricted" })], ndas: [nda()] }));
    expect(s.impact).toBe(4);
  });

  it("counts 30 days inclusive: ending on day 30 raises, on day 31 does not", () => {
    const at = (expiryDate: string) =>
      run(partner({ documentShares: [share()], ndas: [nda({ expiryDate })] }));
    expect(at("2026-12-30")).toHaveLength(1);
    expect(at("2026-12-31")).toEqual([]);
    expect(at(TODAY)).toHaveLength(1);
  });

  it("stays silent when a renewal covers the day after, open-ended cover, no NDA in force, or no sensitive share", () => {
    const documentShares = [share()];
    // Renewal starting the day after, or overlapping.
    expect(
      run(
        partner({
          documentShares,
          ndas: [nda(), nda({ id: "nda-2", effectiveDate: "2026-12-21", expiryDate: "2027-12-20" })],
        }),
      ),
    ).toEqual([]);
    expect(
      run(
        partner({
          documentShares,
          ndas: [nda(), nda({ id: "nda-2", effectiveDate: "2026-12-01", expiryDate: null })],
        }),
      ),
    ).toEqual([]);
    expect(run(partner({ documentShares, ndas: [nda({ expiryDate: null })] }))).toEqual([]);
    // Lapsed: the other rule's case.
    expect(run(partner({ documentShares, ndas: [nda({ expiryDate: "2026-11-29" })] }))).toEqual([]);
    expect(run(partner({ documentShares: [share({ classification: "internal" })], ndas: [nda()] }))).toEqual(
      [],
    );
  });

  it("follows a chain of renewals and raises on a gap before the next one", () => {
    const chain = [
      nda(),
      nda({ id: "nda-2", effectiveDate: "2026-12-21", expiryDate: "2026-12-25" }),
      // A gap (Dec 26) before the third: the cover ends on Dec 25.
      nda({ id: "nda-3", effectiveDate: "2026-12-27", expiryDate: null }),
    ];
    const [s] = run(partner({ documentShares: [share()], ndas: chain }));
    expect(s.facts.find((f) => f.label === "NDA cover ends")?.value).toBe("2026-12-25");
    expect(coveredUntil(chain, TODAY)).toBe("2026-12-25");
    expect(coveredUntil([], TODAY)).toBe("2026-11-29");
    expect(coveredUntil([nda({ effectiveDate: "2026-12-01" })], TODAY)).toBe("2026-11-29");
  });

  it("keeps its facts stable from one day to the next (an end date, never days left)", () => {
    const p = partner({ documentShares: [share()], ndas: [nda()] });
    const day = (today: string) => rule.evaluate(facts({ today, partners: [p] }), BOUNDS)[0];
    expect(day("2026-12-01").facts).toEqual(day(TODAY).facts);
    expect(day("2026-12-01").explanation).toEqual(day(TODAY).explanation);
  });
});
