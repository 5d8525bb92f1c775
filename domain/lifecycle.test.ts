import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canTransition,
  PARTNER_STATUS_LABELS,
  PARTNER_STATUSES,
  PARTNER_TRANSITIONS,
  PartnerStatus,
} from "./lifecycle.js";

/**
 * The lifecycle as the product specifies it, written out independently of the implementation's
 * table so that a change to either is noticed: forward one step; back one step or dropped before a
 * contract exists; out through `exiting` once onboarding began; an exit can be called off; an exited
 * partner can be considered again.
 */
const EXPECTED: [PartnerStatus, PartnerStatus][] = [
  ["identified", "due_diligence"],
  ["identified", "exited"],
  ["due_diligence", "contracting"],
  ["due_diligence", "identified"],
  ["due_diligence", "exited"],
  ["contracting", "onboarding"],
  ["contracting", "due_diligence"],
  ["contracting", "exited"],
  ["onboarding", "active"],
  ["onboarding", "exiting"],
  ["active", "exiting"],
  ["exiting", "exited"],
  ["exiting", "active"],
  ["exited", "identified"],
];
const allowed = new Set(EXPECTED.map(([a, b]) => `${a}>${b}`));
const index = (s: PartnerStatus) => PARTNER_STATUSES.indexOf(s);
const status = fc.constantFrom(...PARTNER_STATUSES);

describe("partner lifecycle", () => {
  it("lists the seven statuses in their normal order, each with a label", () => {
    expect(PARTNER_STATUSES).toEqual([
      "identified",
      "due_diligence",
      "contracting",
      "onboarding",
      "active",
      "exiting",
      "exited",
    ]);
    for (const s of PARTNER_STATUSES) expect(PARTNER_STATUS_LABELS[s]).toMatch(/\S/);
    expect(PartnerStatus.safeParse("archived").success).toBe(false);
  });

  it("allows every listed transition", () => {
    for (const from of PARTNER_STATUSES) {
      for (const to of PARTNER_TRANSITIONS[from])
        expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    }
  });

  it("the transition table is exactly the specified one (no more, no fewer)", () => {
    const listed = PARTNER_STATUSES.flatMap((from) => PARTNER_TRANSITIONS[from].map((to) => `${from}>${to}`));
    expect(new Set(listed)).toEqual(allowed);
    expect(listed.length).toBe(allowed.size); // no duplicates either
  });

  it("every forward step of the normal path is allowed", () => {
    for (let i = 0; i + 1 < PARTNER_STATUSES.length; i++) {
      expect(canTransition(PARTNER_STATUSES[i], PARTNER_STATUSES[i + 1])).toBe(true);
    }
  });

  it("property: canTransition agrees with the specification for every pair", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(canTransition(from, to)).toBe(from === to || allowed.has(`${from}>${to}`));
      }),
    );
  });

  it("property: skipping forward over a step is refused (except the documented exits)", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        // The only forward jumps are the documented ways out: dropping a candidate before a
        // contract (→ exited) and abandoning an onboarding (→ exiting).
        const documentedExit =
          (to === "exited" && index(from) <= index("contracting")) ||
          (from === "onboarding" && to === "exiting");
        fc.pre(index(to) - index(from) >= 2 && !documentedExit);
        expect(canTransition(from, to)).toBe(false);
      }),
    );
    expect(canTransition("identified", "active")).toBe(false);
    expect(canTransition("identified", "contracting")).toBe(false);
    expect(canTransition("onboarding", "exited")).toBe(false);
    expect(canTransition("active", "exited")).toBe(false);
  });

  it("once onboarding began, the way out goes through exiting", () => {
    for (const from of ["onboarding", "active"] as const) {
      expect(canTransition(from, "exited")).toBe(false);
      expect(canTransition(from, "exiting")).toBe(true);
    }
    expect(canTransition("active", "onboarding")).toBe(false);
    expect(canTransition("exited", "active")).toBe(false);
  });

  it("staying put is always allowed", () => {
    for (const s of PARTNER_STATUSES) expect(canTransition(s, s)).toBe(true);
  });

  it("property: every status is reachable from every other by allowed moves", () => {
    const reachable = (from: PartnerStatus) => {
      const seen = new Set<PartnerStatus>([from]);
      const queue = [from];
      for (let current = queue.shift(); current; current = queue.shift()) {
        for (const next of PARTNER_TRANSITIONS[current]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(reachable(from).has(to)).toBe(true);
      }),
    );
  });
});
