import { describe, expect, it } from "vitest";
import { concentration as rule } from "./concentration.js";
import { BOUNDS, facts } from "./fixtures.js";

const carrier = (key: string, weight: number, name = key) => ({ key, name, count: weight, weight });
const conc = (byPartner: ReturnType<typeof carrier>[], byCountry: ReturnType<typeof carrier>[] = []) =>
  facts({ concentration: { criticality: ["critical", "important"], byPartner, byCountry } });

describe("concentration", () => {
  it("raises for a partner above the share and for a country (without partner), the HHI only without a carrier", () => {
    const out = rule.evaluate(
      conc(
        [carrier("p1", 5, "Acme"), carrier("p2", 3), carrier("p3", 2)],
        [carrier("IN", 6), carrier("DE", 4)],
      ),
      BOUNDS,
    );
    const keys = out.map((s) => s.subjectKey).sort();
    // Acme 50 % > 40 %; IN 60 % > 40 % and DE 40 % is not above. The HHIs (countries 5,200,
    // partners 25+9+4 = 3,800) exceed 2,500 too, but the carriers' own signals say more.
    expect(keys).toEqual(["country:IN", "partner:p1"]);
    const acme = out.find((s) => s.subjectKey === "partner:p1");
    expect(acme).toMatchObject({ partnerId: "p1", likelihood: 3, impact: 5 });
    expect(acme?.explanation).toContain("Acme carries 50%");
    expect(out.find((s) => s.subjectKey === "country:IN")?.partnerId).toBeNull();
  });

  it("stays silent for an even spread, and is strict at the share bound", () => {
    const even = Array.from({ length: 10 }, (_, i) => carrier(`p${i}`, 1));
    expect(rule.evaluate(conc(even, even), BOUNDS)).toEqual([]);
    // 4 of 10 = exactly 40 %: not above. Six others keep HHI at 1,600 + 6×100 = 2,200.
    const atBound = [carrier("big", 4), ...Array.from({ length: 6 }, (_, i) => carrier(`s${i}`, 1))];
    expect(rule.evaluate(conc(atBound), BOUNDS)).toEqual([]);
    expect(
      rule.evaluate(conc(atBound), { ...BOUNDS, concentrationShare: 0.39 }).map((s) => s.subjectKey),
    ).toEqual(["partner:big"]);
  });

  it("raises the HHI signal when no single carrier is above the share", () => {
    // Three partners at 35/35/30 %: none above 40 %, HHI 1,225+1,225+900 = 3,350 > 2,500.
    const out = rule.evaluate(conc([carrier("a", 35), carrier("b", 35), carrier("c", 30)]), BOUNDS);
    expect(out.map((s) => s.subjectKey)).toEqual(["hhi:partner"]);
  });

  it("stays silent below three critical or important services", () => {
    expect(rule.evaluate(conc([carrier("solo", 2)], [carrier("PK", 2)]), BOUNDS)).toEqual([]);
    expect(rule.evaluate(conc([carrier("solo", 3)]), BOUNDS).map((s) => s.subjectKey)).toEqual([
      "partner:solo",
    ]);
  });

  it("fingerprints the whole-percent share, so a small drift elsewhere keeps it", () => {
    const a = rule.evaluate(conc([carrier("p1", 50), carrier("p2", 30), carrier("p3", 20)]), BOUNDS);
    const b = rule.evaluate(conc([carrier("p1", 50), carrier("p2", 30), carrier("p3", 20.05)]), BOUNDS);
    const fp = (list: typeof a) => list.find((s) => s.subjectKey === "partner:p1")?.fingerprint;
    expect(fp(a)).toEqual(fp(b));
  });
});
