import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { fileKind, fileProblem, formatBytes, shareabilityWarning, shortHash } from "./files";
import { hasFilters, parseDocumentsSearch } from "./search";
import { blankShare, endOfDay, lastShareDay, toShareBody, validateShare } from "./shareForm";
import { contentUrl, uploadBody, uploadErrorMessage } from "./upload";

const problem = (status: number, code: string, detail?: string) =>
  new ApiError({ status, code, title: "x", detail });

describe("file sizes and kinds", () => {
  it("reads sizes as file managers do", () => {
    expect(
      [0, 912, 1024, 14_540, 3.4 * 1024 * 1024, 150 * 1024 * 1024, 1.1 * 1024 ** 3].map(formatBytes),
    ).toEqual(["0 B", "912 B", "1 KB", "14.2 KB", "3.4 MB", "150 MB", "1.1 GB"]);
    expect(formatBytes(-1)).toBe("—");
    expect(shortHash("a".repeat(64))).toHaveLength(10);
  });

  it("picks the icon kind from the content type, then the name", () => {
    expect(fileKind("application/pdf", "x.bin")).toBe("pdf");
    expect(fileKind("image/png", "x")).toBe("image");
    expect(fileKind("text/csv; charset=utf-8", "a.csv")).toBe("sheet");
    expect(
      fileKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a.DOCX"),
    ).toBe("doc");
    expect(fileKind("application/octet-stream", "archive")).toBe("other");
  });

  it("refuses a missing, empty or oversized file before sending it", () => {
    expect(fileProblem(null)).toBe("Choose a file");
    expect(fileProblem({ size: 0 })).toMatch(/empty/);
    expect(fileProblem({ size: 50 * 1024 * 1024 })).toBeNull();
    expect(fileProblem({ size: 50 * 1024 * 1024 + 1 })).toMatch(/limit is 50 MB/);
    expect(fileProblem({ size: 2048 }, 1024)).toMatch(/2 KB; the limit is 1 KB/);
  });

  it("warns only when a confidential file could not carry a watermark", () => {
    expect(shareabilityWarning("confidential", "application/zip")).toMatch(/PDF, PNG and JPEG/);
    expect(shareabilityWarning("restricted", "image/jpeg")).toBeNull();
    expect(shareabilityWarning("internal", "application/zip")).toBeNull();
  });
});

describe("the list's URL state", () => {
  it("drops values a stale or hand-edited URL carries", () => {
    expect(
      parseDocumentsSearch({ q: " x ", classification: "secret", partnerId: "nope", limit: "7" }),
    ).toEqual({
      q: " x ",
      classification: undefined,
      partnerId: undefined,
      limit: undefined,
    });
    const s = parseDocumentsSearch({ classification: "restricted", limit: "50" });
    expect(s).toMatchObject({ classification: "restricted", limit: 50 });
    expect(hasFilters(s)).toBe(true);
    expect(hasFilters({ limit: 50 })).toBe(false);
  });
});

describe("the share form", () => {
  const now = new Date("2026-11-28T10:00:00");
  const partner = { id: "00000000-0000-4000-8000-000000000001", name: "Acme" };

  it("starts with the document's partner, 30 days, view only", () => {
    expect(blankShare(partner, now)).toMatchObject({
      partnerId: partner.id,
      audience: "partner",
      expiresOn: "2026-12-28",
      allowDownload: false,
    });
    expect(validateShare(blankShare(partner, now), now)).toEqual({});
  });

  it("states the server's rules before a request", () => {
    const base = blankShare(partner, now);
    expect(validateShare({ ...base, partnerId: null }, now).partnerId).toBeDefined();
    expect(validateShare({ ...base, audience: "users" }, now).userIds).toMatch(/at least one/);
    expect(validateShare({ ...base, expiresOn: null }, now).expiresOn).toBeDefined();
    expect(validateShare({ ...base, expiresOn: "2026-11-27" }, now).expiresOn).toMatch(/future/);
    // Today is allowed: the share runs to the end of today.
    expect(validateShare({ ...base, expiresOn: "2026-11-28" }, now).expiresOn).toBeUndefined();
    expect(validateShare({ ...base, expiresOn: lastShareDay(now) }, now).expiresOn).toBeUndefined();
    expect(validateShare({ ...base, expiresOn: "2028-11-28" }, now).expiresOn).toMatch(/730 days/);
    expect(validateShare({ ...base, note: "x".repeat(501) }, now).note).toBeDefined();
  });

  it("keeps the last allowed day within 730 days of now, whatever the hour", () => {
    const late = new Date("2026-11-28T23:59:00");
    const ends = new Date(endOfDay(lastShareDay(late))).getTime();
    expect(ends - late.getTime()).toBeLessThanOrEqual(730 * 86_400_000);
  });

  it("sends either the partner or the users, never both, and no blank note", () => {
    const base = { ...blankShare(partner, now), note: "  " };
    const whole = toShareBody(base);
    expect(whole).toMatchObject({ partnerId: partner.id, allowDownload: false });
    expect(whole).not.toHaveProperty("userIds");
    expect(whole.note).toBeUndefined();
    expect(new Date(whole.expiresAt).toISOString()).toBe(whole.expiresAt);
    const some = toShareBody({ ...base, audience: "users", userIds: ["u1"], note: " why " });
    expect(some).toMatchObject({ userIds: ["u1"], note: "why" });
    expect(some).not.toHaveProperty("partnerId");
  });
});

describe("uploads and downloads", () => {
  it("puts the text fields before the file and leaves blank ids out", () => {
    const body = uploadBody(
      { title: "Spec", classification: "internal", partnerId: null, contractId: "" },
      new File(["%PDF"], "spec.pdf", { type: "application/pdf" }),
    );
    expect([...body.keys()]).toEqual(["title", "classification", "file"]);
  });

  it("builds content addresses for a version and a disposition", () => {
    expect(contentUrl("d1")).toBe("/api/v1/documents/d1/content?disposition=attachment");
    expect(contentUrl("d1", { version: 2, disposition: "inline" })).toBe(
      "/api/v1/documents/d1/content?disposition=inline&version=2",
    );
  });

  it("explains the refusals people can act on", () => {
    expect(uploadErrorMessage(problem(413, "file_too_large", "Over 50 MB"))).toBe("Over 50 MB");
    expect(uploadErrorMessage(problem(422, "file_type_mismatch", "It is a .zip"))).toMatch(
      /It is a .zip. Rename/,
    );
    expect(uploadErrorMessage(problem(422, "file_type_refused"))).toMatch(/Programs/);
    expect(uploadErrorMessage(problem(400, "validation_failed"))).toBeNull();
    expect(uploadErrorMessage(new Error("x"))).toBeNull();
  });
});
