import { describe, expect, it } from "vitest";
import type { NdaFacts } from "../facts.js";
import { BOUNDS, facts, partner, service } from "./fixtures.js";
import { noNda as rule } from "./no-nda.js";

const TODAY = "2026-11-30";
const nda = (o: Partial<NdaFacts> = {}): NdaFacts => ({
  id: "nda-1",
  type: "mutual",
  effectiveDate: "2026-01-01",
  expiryDate: null,
  ...o,
});
const personal = (o = {}) => service({ name: "Payroll", dataCategories: ["personal_data"], ...o });
const run = (...partners: ReturnType<typeof partner>[]) =>
  rule.evaluate(facts({ today: TODAY, partners }), BOUNDS);

describe("no_nda", () => {
  it("raises for an active partner with personal data and no NDA, naming facts and sources", () => {
    const p = partner({ name: "Acme Ltd", services: [personal(), service({ name: "Print" })] });
    const [s, ...rest] = run(p);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      subjectKey: `partner:${p.id}:nda`,
      partnerId: p.id,
      serviceId: null,
      likelihood: 3,
      impact: 4,
    });
    expect(s.explanation).toContain(
      "Acme Ltd (partner) is active and handles personal data of 'Payroll' (critical)",
    );
    expect(s.explanation).toContain("no NDA with it is on record (Outsight NDA register)");
    expect(s.facts).toEqual([
      { label: "Partner status", value: "active", source: "Outsight partner register" },
      {
        label: "Services with personal data",
        value: "'Payroll': personal_data",
        source: "Outsight partner register",
      },
      { label: "NDAs in force", value: "none", source: "Outsight NDA register" },
      { label: "NDAs on record", value: "none", source: "Outsight NDA register" },
    ]);
  });

  it("stays silent when an NDA is in force on the day, open-ended or up to its expiry date inclusive", () => {
    const services = [personal()];
    expect(run(partner({ services, ndas: [nda()] }))).toEqual([]);
    expect(run(partner({ services, ndas: [nda({ expiryDate: TODAY })] }))).toEqual([]);
    expect(
      run(partner({ services, ndas: [nda({ effectiveDate: TODAY, expiryDate: "2027-01-01" })] })),
    ).toEqual([]);
    // A lapsed one next to one in force does not count against the partner.
    expect(
      run(
        partner({
          services,
          ndas: [nda({ expiryDate: "2025-12-31" }), nda({ id: "nda-2", effectiveDate: "2026-01-01" })],
        }),
      ),
    ).toEqual([]);
  });

  it("names the lapsed NDA once it has expired, and rates 2 while a signed one is still upcoming", () => {
    const expired = run(
      partner({ services: [personal()], ndas: [nda({ type: "one_way", expiryDate: "2026-11-29" })] }),
    );
    expect(expired).toHaveLength(1);
    expect(expired[0].likelihood).toBe(3);
    expect(expired[0].explanation).toContain("its last NDA expired on 2026-11-29");
    expect(expired[0].facts.at(-1)?.value).toBe("one-way, expired 2026-11-29");

    const upcoming = run(partner({ services: [personal()], ndas: [nda({ effectiveDate: "2026-12-01" })] }));
    expect(upcoming[0].likelihood).toBe(2);
    expect(upcoming[0].explanation).toContain("a signed NDA only takes effect on 2026-12-01");
    expect(upcoming[0].facts.at(-1)?.value).toBe("mutual, upcoming from 2026-12-01");
  });

  it("rates special-category data impact 5 and covers onboarding partners", () => {
    const [s] = run(partner({ status: "onboarding", services: [personal({ dataCategories: ["health"] })] }));
    expect([s.likelihood, s.impact]).toEqual([3, 5]);
    expect(s.explanation).toContain("is onboarding");
  });

  it("ignores partners not yet or no longer served, and services without personal data", () => {
    const services = [personal()];
    expect(
      run(partner({ status: "identified", services }), partner({ status: "exiting", services })),
    ).toEqual([]);
    expect(run(partner({ services: [service({ dataCategories: ["financial"] })] }))).toEqual([]);
  });

  it("keeps its facts stable from one day to the next while nothing changes", () => {
    const p = partner({ services: [personal()], ndas: [nda({ expiryDate: "2026-06-30" })] });
    const day = (today: string) => rule.evaluate(facts({ today, partners: [p] }), BOUNDS)[0].facts;
    expect(day("2026-12-01")).toEqual(day(TODAY));
  });
});
