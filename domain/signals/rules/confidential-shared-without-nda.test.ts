import { describe, expect, it } from "vitest";
import type { DocumentShareFacts, NdaFacts } from "../facts.js";
import { confidentialSharedWithoutNda as rule } from "./confidential-shared-without-nda.js";
import { BOUNDS, facts, partner } from "./fixtures.js";

const TODAY = "2026-11-30";
const nda = (o: Partial<NdaFacts> = {}): NdaFacts => ({
  id: "nda-1",
  type: "mutual",
  effectiveDate: "2026-01-01",
  expiryDate: null,
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

describe("confidential_shared_without_nda", () => {
  it("raises for a partner with live confidential shares and no NDA, naming documents and sources", () => {
    const p = partner({
      name: "Acme Ltd",
      documentShares: [
        share({ documentId: "d-spec", title: "Payments spec" }),
        // The same document shared twice counts once.
        share({ documentId: "d-spec", title: "Payments spec" }),
        share({ title: "Public brochure", classification: "public" }),
      ],
    });
    const [s, ...rest] = run(p);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      subjectKey: `partner:${p.id}:shared-without-nda`,
      partnerId: p.id,
      serviceId: null,
      likelihood: 4,
      impact: 4,
    });
    expect(s.explanation).toContain(
      "Acme Ltd (partner) can fetch 1 confidential or restricted document through live shares ('Payments spec' (confidential), Outsight document shares)",
    );
    expect(s.explanation).toContain("no NDA with it is on record (Outsight NDA register)");
    expect(s.facts).toEqual([
      {
        label: "Confidential or restricted documents shared (live)",
        value: "1",
        source: "Outsight document shares",
      },
      { label: "Documents", value: "'Payments spec' (confidential)", source: "Outsight document shares" },
      { label: "Classifications", value: "1 confidential", source: "Outsight document shares" },
      { label: "NDAs in force", value: "none", source: "Outsight NDA register" },
      { label: "NDAs on record", value: "none", source: "Outsight NDA register" },
    ]);
  });

  it("rates restricted documents impact 5, names at most five titles by name and counts the rest", () => {
    const shares = ["G", "F", "E", "D", "C", "B", "A"].map((t) => share({ title: `Doc ${t}` }));
    shares.push(share({ title: "Doc R", classification: "restricted" }));
    const [s] = run(partner({ documentShares: shares }));
    expect(s.impact).toBe(5);
    expect(s.facts[0].value).toBe("8");
    expect(s.facts[1].value).toBe(
      "'Doc A' (confidential), 'Doc B' (confidential), 'Doc C' (confidential), 'Doc D' (confidential), 'Doc E' (confidential) and 3 more",
    );
    expect(s.facts[2].value).toBe("1 restricted, 7 confidential");
  });

  it("stays silent with an NDA in force, or without confidential or restricted shares", () => {
    const documentShares = [share()];
    expect(run(partner({ documentShares, ndas: [nda()] }))).toEqual([]);
    expect(run(partner({ documentShares, ndas: [nda({ expiryDate: TODAY })] }))).toEqual([]);
    expect(
      run(
        partner({
          documentShares: [share({ classification: "internal" }), share({ classification: "public" })],
        }),
      ),
    ).toEqual([]);
    expect(run(partner())).toEqual([]);
  });

  it("names the lapsed NDA, or the signed one still to come", () => {
    const [lapsed] = run(
      partner({ documentShares: [share()], ndas: [nda({ type: "one_way", expiryDate: "2026-11-29" })] }),
    );
    expect(lapsed.explanation).toContain("its last NDA expired on 2026-11-29");
    expect(lapsed.facts.at(-1)?.value).toBe("one-way, expired 2026-11-29");
    const [upcoming] = run(
      partner({ documentShares: [share()], ndas: [nda({ effectiveDate: "2026-12-01" })] }),
    );
    expect(upcoming.explanation).toContain("a signed NDA only takes effect on 2026-12-01");
    expect(upcoming.facts.at(-1)?.value).toBe("mutual, upcoming from 2026-12-01");
  });

  it("keeps its facts stable from one day to the next, whatever the order shares were loaded in", () => {
    const a = share({ title: "Alpha" });
    const b = share({ title: "Beta", classification: "restricted" });
    const p = partner({ documentShares: [b, a], ndas: [nda({ expiryDate: "2026-06-30" })] });
    const day = (today: string, docs = p.documentShares) =>
      rule.evaluate(facts({ today, partners: [{ ...p, documentShares: docs }] }), BOUNDS)[0].facts;
    expect(day("2026-12-01")).toEqual(day(TODAY));
    expect(day(TODAY, [a, b])).toEqual(day(TODAY));
  });
});
