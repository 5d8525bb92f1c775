import { describe, expect, it } from "vitest";
import { expiryCountdown } from "./expiry";
import { blankSignatory, changedFields, fromNda, liveProblems, toBody, validate } from "./ndaForm";
import type { Nda } from "./queries";

const filled = () => ({
  ...fromNda(null, { id: "00000000-0000-4000-8000-000000000000", name: "Acme" }),
  scope: " Source code ",
  effectiveDate: "2026-03-01",
  expiryDate: "2027-03-01",
  signatories: [{ ...blankSignatory("ours"), name: "Ada", role: "CFO" }],
});

describe("the NDA form", () => {
  it("starts with one signatory row per party and sends trimmed values without row keys", () => {
    expect(fromNda(null).signatories.map((s) => s.party)).toEqual(["ours", "theirs"]);
    const body = toBody(filled());
    expect(body).toMatchObject({ scope: "Source code", consequences: null, signedDocumentUrl: null });
    expect(body.signatories).toEqual([{ name: "Ada", role: "CFO", party: "ours", signedOn: null }]);
  });

  it("shows the server's rules before a request: partner, expiry after effective, link, signatories", () => {
    expect(validate(filled())).toEqual({});
    const errors = validate({
      ...filled(),
      partnerId: null,
      expiryDate: "2026-03-01",
      signedDocumentUrl: "javascript:alert(1)",
      signatories: [blankSignatory("theirs")],
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["expiryDate", "partnerId", "signatories.0.name", "signatories.0.role", "signedDocumentUrl"].sort(),
    );
    expect(validate({ ...filled(), signatories: [] }).signatories).toBeDefined();
    expect(liveProblems({ ...filled(), expiryDate: "2026-02-01" }).expiryDate).toMatch(/after/);
  });

  it("patches only what changed", () => {
    const nda = {
      partner: { id: "00000000-0000-4000-8000-000000000000", name: "Acme" },
      type: "mutual",
      scope: "Source code",
      effectiveDate: "2026-03-01",
      expiryDate: null,
      consequences: null,
      signedDocumentUrl: null,
      notes: null,
      signatories: [{ name: "Ada", role: "CFO", party: "ours", signedOn: null }],
    } as unknown as Nda;
    expect(changedFields(nda, fromNda(nda))).toEqual({});
    expect(changedFields(nda, { ...fromNda(nda), expiryDate: "2027-01-01" })).toEqual({
      expiryDate: "2027-01-01",
    });
  });
});

describe("the expiry countdown", () => {
  it("reads as people say it", () => {
    expect([null, 0, 1, 12, -1, -3].map(expiryCountdown)).toEqual([
      "No expiry",
      "Expires today",
      "In 1 day",
      "In 12 days",
      "Expired 1 day ago",
      "Expired 3 days ago",
    ]);
  });
});
