import { describe, expect, it } from "vitest";
import { checkDocumentType } from "../../../domain/documents.js";
import { unsafeZipName } from "./documents.upload.js";

const pdf = { ext: "pdf", mime: "application/pdf" };
const zip = { ext: "zip", mime: "application/zip" };
const none = new Uint8Array();

describe("checkDocumentType", () => {
  it("accepts content matching the name, aliases and office zips", () => {
    expect(checkDocumentType("PDF", none, pdf)).toMatchObject({ ok: true, contentType: "application/pdf" });
    expect(checkDocumentType("jpeg", none, { ext: "jpg", mime: "image/jpeg" })).toMatchObject({ ok: true });
    expect(checkDocumentType("docx", none, zip)).toMatchObject({
      ok: true,
      zip: true,
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(checkDocumentType("csv", none, undefined)).toMatchObject({ ok: true, text: true });
  });
  it("refuses mismatches, unknown binaries and programs", () => {
    expect(checkDocumentType("png", none, pdf)).toMatchObject({ ok: false, code: "file_type_mismatch" });
    expect(checkDocumentType("bin", none, undefined)).toMatchObject({
      ok: false,
      code: "file_type_mismatch",
    });
    expect(checkDocumentType("", none, undefined)).toMatchObject({ ok: false, code: "file_type_mismatch" });
    expect(checkDocumentType("exe", none, { ext: "exe", mime: "application/x-msdownload" })).toMatchObject({
      ok: false,
      code: "file_type_refused",
    });
    expect(checkDocumentType("txt", Buffer.from("#!/bin/sh"), undefined)).toMatchObject({
      ok: false,
      code: "file_type_refused",
    });
  });
});

describe("unsafeZipName", () => {
  const header = (name: string) => {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([h, Buffer.from(name)]);
  };
  it.each(["../x", "a/../../b", "/etc/passwd", "C:/x", "..\\x"])("finds %j", (n) => {
    expect(unsafeZipName(header(n))).toBe(n);
  });
  it.each(["a/b.txt", "..a", "a..b/c"])("allows %j", (n) => {
    expect(unsafeZipName(header(n))).toBeNull();
  });
});
