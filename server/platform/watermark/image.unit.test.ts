import { Jimp } from "jimp";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCopyId } from "../../../domain/fingerprint.js";
import { ImageNotMarkable, markImage, readImageFingerprints } from "./image.js";
import { MAX_CHANGE } from "./image-blocks.js";
import { sniffImage } from "./image-format.js";
import { asciiText, bandLayout, drawVisibleMark, wrapLines } from "./image-visible.js";
import { readFingerprint } from "./index.js";
import type { VisibleMark } from "./types.js";

const W = 640;
const H = 480;
const COPY_ID = "0123abcd4567ef89";
const BITS = encodeCopyId(COPY_ID);
const MARK: VisibleMark = {
  recipientName: "Zoë Müller",
  recipientEmail: "zoe.mueller@partner-company.example",
  organization: "Acme Outsourcing Ltd",
  issuedAt: new Date("2026-11-28T20:00:00Z"),
  classification: "confidential",
  reference: COPY_ID.slice(0, 8),
};

type Img = Awaited<ReturnType<typeof Jimp.fromBuffer>>;

/** A photo-like picture: colour gradients, waves and noise, plus flat white and black areas. */
function photo(width: number, height: number, seed = 7): Img {
  const img = new Jimp({ width, height, color: 0xffffffff }) as unknown as Img;
  const d = img.bitmap.data;
  let s = seed;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const n = (rnd() - 0.5) * 24;
      let rgb = [
        40 + (180 * x) / width + 30 * Math.sin(y / 23) + n,
        60 + (150 * y) / height + 20 * Math.cos(x / 31) + n,
        120 + 80 * Math.sin((x + y) / 57) + n,
      ];
      if (x < width / 5 && y < height / 3) rgb = [255, 255, 255];
      if (x > (4 * width) / 5 && y > height / 3 && y < (2 * height) / 3) rgb = [0, 0, 0];
      for (let c = 0; c < 3; c++) d[o + c] = Math.max(0, Math.min(255, Math.round(rgb[c])));
    }
  return img;
}

const decode = (bytes: Uint8Array) => Jimp.fromBuffer(Buffer.from(bytes)) as Promise<Img>;
const png = (img: Img) => img.getBuffer("image/png");
const jpeg = (img: Img, quality: number) => img.getBuffer("image/jpeg", { quality });

describe("image watermark", () => {
  let pngIn: Buffer;
  let jpegIn: Buffer;
  let pngOut: Uint8Array;
  let jpegOut: Uint8Array;

  beforeAll(async () => {
    const src = photo(W, H);
    pngIn = await png(src);
    jpegIn = await jpeg(src, 92);
    pngOut = await markImage(pngIn, "image/png", MARK, BITS);
    jpegOut = await markImage(jpegIn, "image/jpeg", MARK, BITS);
  }, 30_000);

  it("keeps format and size and darkens the band with the mark in it", async () => {
    for (const [input, output, format] of [
      [pngIn, pngOut, "png"],
      [jpegIn, jpegOut, "jpeg"],
    ] as const) {
      expect(sniffImage(output)).toBe(format);
      const before = await decode(input);
      const after = await decode(output);
      expect([after.bitmap.width, after.bitmap.height]).toEqual([W, H]);
      const top = bandLayout(W, H).top;
      let changed = 0;
      for (let o = top * W * 4; o < after.bitmap.data.length; o += 4)
        if (Math.abs(after.bitmap.data[o] - before.bitmap.data[o]) > 20) changed++;
      expect(changed / ((H - top) * W)).toBeGreaterThan(0.5);
    }
  });

  it("reads the copy id back from both carriers", async () => {
    for (const out of [pngOut, jpegOut]) {
      const found = await readFingerprint(out);
      expect(found?.copyId).toBe(COPY_ID);
      expect(found?.carriers.sort()).toEqual(["image_blocks", "image_metadata"]);
    }
  });

  it("survives a PNG re-save that drops the metadata", async () => {
    const resaved = await png(await decode(pngOut));
    const carriers = await readImageFingerprints(resaved);
    expect(carriers.map((c) => c.carrier)).toEqual(["image_blocks"]);
    expect(await readFingerprint(resaved)).toEqual({ copyId: COPY_ID, carriers: ["image_blocks"] });
  });

  it("survives JPEG re-encoding at quality 85 and 75, and PNG-to-JPEG conversion", async () => {
    for (const source of [jpegOut, pngOut]) {
      const img = await decode(source);
      for (const quality of [85, 75]) {
        const found = await readFingerprint(await jpeg(img, quality));
        expect(found, `quality ${quality}`).toEqual({ copyId: COPY_ID, carriers: ["image_blocks"] });
      }
    }
  });

  it("survives painting the visible band solid white", async () => {
    const img = await decode(jpegOut);
    const top = bandLayout(W, H).top;
    img.bitmap.data.fill(255, top * W * 4);
    expect((await readFingerprint(await jpeg(img, 85)))?.copyId).toBe(COPY_ID);
  });

  it("changes no pixel outside the visible mark by more than MAX_CHANGE grey levels", async () => {
    // The same visible mark alone, without the fingerprint: the difference is the invisible part.
    const visibleOnly = await decode(pngIn);
    await drawVisibleMark(visibleOnly, MARK);
    const marked = await decode(pngOut);
    let max = 0;
    let changed = 0;
    for (let o = 0; o < marked.bitmap.data.length; o++) {
      const delta = Math.abs(marked.bitmap.data[o] - visibleOnly.bitmap.data[o]);
      max = Math.max(max, delta);
      if (delta > 0) changed++;
    }
    expect(MAX_CHANGE).toBe(4);
    expect(max).toBeLessThanOrEqual(MAX_CHANGE);
    expect(changed).toBeGreaterThan(0);
  });

  it("finds no fingerprint in an unmarked image", async () => {
    expect(await readFingerprint(pngIn)).toBeNull();
    expect(await readFingerprint(jpegIn)).toBeNull();
    expect(await readImageFingerprints(pngIn)).toEqual([
      expect.objectContaining({ carrier: "image_blocks" }),
    ]);
  });

  it("marks a 64×64 image with the metadata carrier only", async () => {
    const small = await png(photo(64, 64));
    const out = await markImage(small, "image/png", MARK, BITS);
    expect((await readImageFingerprints(out)).map((c) => c.carrier)).toEqual(["image_metadata"]);
    expect(await readFingerprint(out)).toEqual({ copyId: COPY_ID, carriers: ["image_metadata"] });
  });

  it("refuses garbage, broken and oversized images", async () => {
    const garbage = new TextEncoder().encode("definitely not an image, just some text");
    await expect(markImage(garbage, "image/png", MARK, BITS)).rejects.toBeInstanceOf(ImageNotMarkable);
    await expect(readImageFingerprints(garbage)).rejects.toBeInstanceOf(ImageNotMarkable);
    expect(await readFingerprint(garbage)).toBeNull();
    const truncated = pngIn.subarray(0, 200);
    await expect(markImage(truncated, "image/png", MARK, BITS)).rejects.toBeInstanceOf(ImageNotMarkable);
    // A header claiming 10000×5000 pixels is refused before any pixel is decoded.
    const huge = Buffer.from(pngIn);
    huge.writeUInt32BE(10_000, 16);
    huge.writeUInt32BE(5_000, 20);
    await expect(markImage(huge, "image/png", MARK, BITS)).rejects.toThrow(/too large/);
    await expect(markImage(jpegIn, "image/jpeg", MARK, BITS.subarray(0, 100))).rejects.toThrow(RangeError);
  });
});

describe("visible mark text", () => {
  const measure = (s: string) => s.length * 8;

  it("folds accents and replaces what a bitmap font cannot print", () => {
    expect(asciiText("Zoë Müller – 東京")).toBe("Zoe Muller ? ??");
  });

  it("wraps at spaces and cuts what does not fit into the band's lines", () => {
    expect(wrapLines(["aaa bbb ccc", "ddd"], 64, 3, measure)).toEqual(["aaa bbb", "ccc", "ddd"]);
    const long = wrapLines(["x".repeat(40), "one two three four five six seven"], 80, 2, measure);
    expect(long).toHaveLength(2);
    expect(long.every((l) => measure(l) <= 80 && l.endsWith("..."))).toBe(true);
  });
});
