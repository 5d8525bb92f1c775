import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidLei, leiCheckDigits } from "./lei.js";
import { Lei } from "./partners.js";

const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALNUM = DIGITS + LETTERS;

const charOf = (alphabet: string) => fc.constantFrom(...alphabet.split(""));
/** Any 18-character LEI prefix (the LOU code, reserved characters and entity part). */
const prefix18 = fc.array(charOf(ALNUM), { minLength: 18, maxLength: 18 }).map((c) => c.join(""));
const withCheck = (prefix: string) => prefix + leiCheckDigits(prefix);
const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

describe("LEI (ISO 17442, ISO 7064 MOD 97-10)", () => {
  it("accepts real LEIs published by GLEIF", () => {
    // GLEIF itself and Apple Inc.
    for (const lei of ["506700GE1G29325QX363", "HWUPKR0MPOU8FGXBT394"]) {
      expect(isValidLei(lei), lei).toBe(true);
    }
  });

  it("refuses wrong lengths, lower case, non-alphanumerics and letters in the check digits", () => {
    expect(isValidLei("")).toBe(false);
    expect(isValidLei("506700GE1G29325QX36")).toBe(false);
    expect(isValidLei("506700GE1G29325QX3630")).toBe(false);
    expect(isValidLei("506700ge1g29325qx363")).toBe(false);
    expect(isValidLei("506700GE1G29325QX-63")).toBe(false);
    expect(isValidLei("506700GE1G29325QX3A3")).toBe(false);
    expect(isValidLei("506700GE1G29325QX36A")).toBe(false);
  });

  it("the zod schema trims and upper-cases before validating", () => {
    expect(Lei.parse("  506700ge1g29325qx363 ")).toBe("506700GE1G29325QX363");
    expect(Lei.safeParse("506700GE1G29325QX364").success).toBe(false);
  });

  it("property: leiCheckDigits always completes a prefix into a valid LEI with check digits 02..98", () => {
    fc.assert(
      fc.property(prefix18, (prefix) => {
        const check = leiCheckDigits(prefix);
        expect(check).toMatch(/^\d{2}$/);
        expect(Number(check)).toBeGreaterThanOrEqual(2);
        expect(Number(check)).toBeLessThanOrEqual(98);
        expect(isValidLei(prefix + check)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: exactly one pair of check digits is valid for a prefix", () => {
    fc.assert(
      fc.property(prefix18, (prefix) => {
        const valid: string[] = [];
        for (let n = 0; n < 100; n++) {
          const cd = String(n).padStart(2, "0");
          if (isValidLei(prefix + cd)) valid.push(cd);
        }
        expect(valid).toEqual([leiCheckDigits(prefix)]);
      }),
      { numRuns: 300 },
    );
  });

  it("property: changing any one character into one of the same class (digit↔digit, letter↔letter) invalidates it", () => {
    const mutation = prefix18.chain((prefix) =>
      fc.integer({ min: 0, max: 19 }).chain((i) => {
        const lei = withCheck(prefix);
        const alphabet = DIGITS.includes(lei[i]) ? DIGITS : LETTERS;
        return fc.tuple(
          fc.constant(lei),
          fc.constant(i),
          charOf(alphabet).filter((ch) => ch !== lei[i]),
        );
      }),
    );
    fc.assert(
      fc.property(mutation, ([lei, i, ch]) => {
        expect(isValidLei(replaceAt(lei, i, ch))).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("property: exhaustively, every same-class single substitution of a random LEI is caught", () => {
    fc.assert(
      fc.property(prefix18, (prefix) => {
        const lei = withCheck(prefix);
        for (let i = 0; i < 20; i++) {
          const alphabet = DIGITS.includes(lei[i]) ? DIGITS : LETTERS;
          for (const ch of alphabet) if (ch !== lei[i]) expect(isValidLei(replaceAt(lei, i, ch))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("documents the limit of MOD 97-10 on alphanumerics: a digit↔letter swap may go unnoticed", () => {
    // A letter counts as two digits, so swapping it for a digit shifts the whole number; the
    // check catches most such swaps, not all. This pair was found by a brute-force search.
    expect(isValidLei("YQJ8LD7159Y64FQ1ZQ75")).toBe(true);
    expect(isValidLei("YQJGLD7159Y64FQ1ZQ75")).toBe(true);
  });

  it("property: swapping two adjacent different digits is caught", () => {
    const swap = prefix18.chain((prefix) =>
      fc.integer({ min: 0, max: 18 }).map((i) => [withCheck(prefix), i] as const),
    );
    fc.assert(
      fc.property(swap, ([lei, i]) => {
        fc.pre(DIGITS.includes(lei[i]) && DIGITS.includes(lei[i + 1]) && lei[i] !== lei[i + 1]);
        const swapped = lei.slice(0, i) + lei[i + 1] + lei[i] + lei.slice(i + 2);
        expect(isValidLei(swapped)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("property: check digits 00, 01 and 99 are never valid (MOD 97-10 only yields 02..98)", () => {
    fc.assert(
      fc.property(prefix18, fc.constantFrom("00", "01", "99"), (prefix, cd) => {
        expect(isValidLei(prefix + cd)).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // Prefixes whose remainder would let "01" or "99" satisfy `mod 97 = 1` on its own.
    expect(leiCheckDigits("SXEKJNPGC3UT1WFNNA")).toBe("98");
    expect(isValidLei("SXEKJNPGC3UT1WFNNA01")).toBe(false);
    expect(leiCheckDigits("AN2CXQQUW5XA8EYD3N")).toBe("02");
    expect(isValidLei("AN2CXQQUW5XA8EYD3N99")).toBe(false);
  });

  it("leiCheckDigits refuses a prefix that is not 18 upper-case alphanumerics", () => {
    expect(() => leiCheckDigits("506700GE1G29325QX")).toThrow(RangeError);
    expect(() => leiCheckDigits("506700ge1g29325qx3")).toThrow(RangeError);
    expect(() => leiCheckDigits("506700GE1G29325QX-")).toThrow(RangeError);
  });
});
