import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CreateLifecycleException,
  canTransition,
  LIFECYCLE_NEEDS,
  lifecycleBlockers,
  lifecycleSteps,
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

const facts = fc.record({
  passedDueDiligence: fc.boolean(),
  failedDueDiligence: fc.boolean(),
  exception: fc.boolean(),
});

describe("lifecycleBlockers (the due-diligence gate)", () => {
  const none = { passedDueDiligence: false, failedDueDiligence: false, exception: false };

  it("blocks contracting without a passed assessment or an exception, saying what to do", () => {
    expect(lifecycleBlockers("contracting", none)).toEqual([
      {
        code: "due_diligence_required",
        message: "Complete a due-diligence assessment, or record a justified exception",
      },
    ]);
  });

  it("names a failed last assessment in the message", () => {
    const [b] = lifecycleBlockers("contracting", { ...none, failedDueDiligence: true });
    expect(b.code).toBe("due_diligence_required");
    expect(b.message).toMatch(/last due-diligence assessment failed/);
  });

  it("lets contracting through with a passed assessment or an exception", () => {
    expect(lifecycleBlockers("contracting", { ...none, passedDueDiligence: true })).toEqual([]);
    expect(lifecycleBlockers("contracting", { ...none, exception: true })).toEqual([]);
    expect(lifecycleBlockers("contracting", { ...none, failedDueDiligence: true, exception: true })).toEqual(
      [],
    );
  });

  it("property: only contracting is ever gated, and exactly when neither pass nor exception", () => {
    fc.assert(
      fc.property(status, facts, (to, f) => {
        const blocked = lifecycleBlockers(to, f).length > 0;
        expect(blocked).toBe(to === "contracting" && !f.passedDueDiligence && !f.exception);
      }),
    );
  });
});

describe("lifecycleSteps", () => {
  const needs = {
    contracting: [LIFECYCLE_NEEDS.dueDiligence],
    onboarding: [LIFECYCLE_NEEDS.signedContract],
    exiting: [LIFECYCLE_NEEDS.exitPlan],
  };
  const states = (s: PartnerStatus, exitedFrom: PartnerStatus | null = null) =>
    lifecycleSteps(s, { needs, exitedFrom }).map((x) => x.state);

  it("marks earlier steps done, the current one current and later ones upcoming, in order", () => {
    expect(states("due_diligence")).toEqual([
      "done",
      "current",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    const steps = lifecycleSteps("identified", { needs });
    expect(steps.map((x) => x.status)).toEqual([...PARTNER_STATUSES]);
    expect(steps.map((x) => x.label)).toEqual(PARTNER_STATUSES.map((s) => PARTNER_STATUS_LABELS[s]));
  });

  it("shows needs on upcoming steps only", () => {
    const steps = lifecycleSteps("contracting", { needs });
    expect(steps.find((x) => x.status === "contracting")?.needs).toEqual([]);
    expect(steps.find((x) => x.status === "onboarding")?.needs).toEqual([LIFECYCLE_NEEDS.signedContract]);
    expect(steps.find((x) => x.status === "exiting")?.needs).toEqual([LIFECYCLE_NEEDS.exitPlan]);
    expect(steps.find((x) => x.status === "active")?.needs).toEqual([]);
  });

  it("skips the steps a candidate dropped before a contract never reached", () => {
    expect(states("exited", "identified")).toEqual([
      "done",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "skipped",
      "current",
    ]);
    expect(states("exited", "contracting")).toEqual([
      "done",
      "done",
      "done",
      "skipped",
      "skipped",
      "skipped",
      "current",
    ]);
  });

  it("shows every step done after a full exit, or when the route to exited is unknown", () => {
    const all = ["done", "done", "done", "done", "done", "done", "current"];
    expect(states("exited", "exiting")).toEqual(all);
    expect(states("exited", null)).toEqual(all);
  });

  it("property: exactly one current step, at the partner's status; exitedFrom matters only when exited", () => {
    fc.assert(
      fc.property(status, fc.option(status), (s, from) => {
        const steps = lifecycleSteps(s, { needs, exitedFrom: from });
        expect(steps.filter((x) => x.state === "current").map((x) => x.status)).toEqual([s]);
        if (s !== "exited") expect(steps).toEqual(lifecycleSteps(s, { needs }));
        for (const x of steps) if (x.state !== "upcoming") expect(x.needs).toEqual([]);
      }),
    );
  });
});

describe("CreateLifecycleException", () => {
  it("needs contracting and a trimmed justification of at least 20 characters", () => {
    const ok = CreateLifecycleException.parse({
      toStatus: "contracting",
      justification: `  ${"x".repeat(20)}  `,
    });
    expect(ok.justification).toBe("x".repeat(20));
    expect(
      CreateLifecycleException.safeParse({ toStatus: "contracting", justification: "too short" }).success,
    ).toBe(false);
    expect(
      CreateLifecycleException.safeParse({ toStatus: "onboarding", justification: "x".repeat(30) }).success,
    ).toBe(false);
  });
});
