import { Jimp, loadFont, measureText } from "jimp";
import { SANS_8_WHITE, SANS_16_WHITE, SANS_32_WHITE, SANS_64_WHITE, SANS_128_WHITE } from "jimp/fonts";
import type { Bitmap } from "./image-blocks.js";
import { type VisibleMark, visibleMarkLines } from "./types.js";

/**
 * The visible part of an image watermark: the mark's lines in a darkened band along the bottom,
 * and the recipient repeated faintly on a diagonal over the rest of the picture, so cropping the
 * band away still leaves the copy visibly marked.
 *
 * The band's geometry depends only on the image size ({@link bandLayout}), so the fingerprint
 * reader knows which rows the band covers without reading any text, and the block carrier keeps
 * out of them: painting over the band cannot damage the fingerprint.
 */

const FONTS = [
  { size: 8, lineHeight: 9, file: SANS_8_WHITE },
  { size: 16, lineHeight: 18, file: SANS_16_WHITE },
  { size: 32, lineHeight: 36, file: SANS_32_WHITE },
  { size: 64, lineHeight: 72, file: SANS_64_WHITE },
  { size: 128, lineHeight: 143, file: SANS_128_WHITE },
] as const;

type Font = Awaited<ReturnType<typeof loadFont>>;
const loaded = new Map<string, Promise<Font>>();
/** Fonts are parsed once per process: loading one costs more than marking a small image. */
function font(file: string): Promise<Font> {
  let f = loaded.get(file);
  if (!f) {
    f = loadFont(file);
    f.catch(() => loaded.delete(file));
    loaded.set(file, f);
  }
  return f;
}

/** Where the band sits and which font it uses, from the image size alone. */
export interface BandLayout {
  file: string;
  lineHeight: number;
  /** Text lines the band has room for. */
  slots: number;
  /** First row of the band; rows above it carry the block fingerprint. */
  top: number;
}

/** The band for a `width`×`height` image: about 70 characters per line; 3 lines (2 when tiny). */
export function bandLayout(width: number, height: number): BandLayout {
  let choice: (typeof FONTS)[number] = FONTS[0];
  for (const f of FONTS) if (f.size <= width / 40) choice = f;
  const slots = (3 + 1) * choice.lineHeight <= height / 2 ? 3 : 2;
  const bandHeight = Math.min(height, (slots + 1) * choice.lineHeight);
  return { file: choice.file, lineHeight: choice.lineHeight, slots, top: height - bandHeight };
}

/** Bitmap fonts hold ASCII: strip accents ("é" → "e") and replace what is left over. */
export function asciiText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
}

/** Wraps `lines` at spaces to `maxWidth` pixels; at most `slots` lines, the last cut with "...". */
export function wrapLines(lines: string[], maxWidth: number, slots: number, measure: (s: string) => number) {
  const fit = (s: string) => {
    if (measure(s) <= maxWidth) return s;
    let cut = s;
    while (cut.length > 0 && measure(`${cut}...`) > maxWidth) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}...`;
  };
  const out: string[] = [];
  for (const line of lines) {
    let current = "";
    for (const word of line.split(" ")) {
      const next = current ? `${current} ${word}` : word;
      if (!current || measure(next) <= maxWidth) current = next;
      else {
        out.push(current);
        current = word;
      }
    }
    out.push(current);
  }
  if (out.length > slots)
    out.splice(slots - 1, out.length, `${out[slots - 1]} ${out.slice(slots).join(" ")}`);
  return out.map(fit);
}

/** Something jimp can print on: its bitmap plus the print plugin. */
interface Printable {
  bitmap: Bitmap;
  print(options: { font: Font; x: number; y: number; text: string }): unknown;
}

/** Draws the band and the diagonal text onto `image` in place. */
export async function drawVisibleMark(image: Printable, mark: VisibleMark): Promise<void> {
  const { width, height } = image.bitmap;
  const layout = bandLayout(width, height);
  const f = await font(layout.file);
  drawDiagonal(image.bitmap, f, layout, asciiText(`${mark.recipientEmail}  ref ${mark.reference}`));
  darkenBand(image.bitmap, layout.top);
  const margin = Math.ceil(layout.lineHeight / 2);
  const lines = wrapLines(visibleMarkLines(mark).map(asciiText), width - 2 * margin, layout.slots, (s) =>
    measureText(f, s),
  );
  const y0 = layout.top + Math.floor((height - layout.top - lines.length * layout.lineHeight) / 2);
  for (const [i, text] of lines.entries())
    image.print({ font: f, x: margin, y: y0 + i * layout.lineHeight, text });
}

/** 60 % black over the band, made opaque (a transparent PNG gets a solid band, still readable). */
function darkenBand(bitmap: Bitmap, top: number): void {
  const { data } = bitmap;
  for (let o = top * bitmap.width * 4; o < data.length; o += 4) {
    const keep = (0.4 * data[o + 3]) / 255;
    data[o] = Math.round(data[o] * keep);
    data[o + 1] = Math.round(data[o + 1] * keep);
    data[o + 2] = Math.round(data[o + 2] * keep);
    data[o + 3] = 255;
  }
}

/** How strongly the diagonal text pulls a pixel towards its contrast colour (faint but legible). */
const DIAGONAL_STRENGTH = 0.2;
const ANGLE = (-30 * Math.PI) / 180;

/**
 * Tiles `text` at 30° over the rows above the band, sampling a pre-rendered text mask through
 * the inverse rotation (cheaper than rotating and compositing image copies, and seamless).
 * Each covered pixel moves towards black on light ground and towards white on dark ground.
 */
function drawDiagonal(bitmap: Bitmap, f: Font, layout: BandLayout, text: string): void {
  const textWidth = Math.max(1, measureText(f, text));
  const mask = new Jimp({ width: textWidth, height: layout.lineHeight, color: 0x00000000 });
  mask.print({ font: f, x: 0, y: 0, text });
  const alpha = mask.bitmap.data;
  const tileW = textWidth + 4 * layout.lineHeight;
  const tileH = 5 * layout.lineHeight;
  const cos = Math.cos(ANGLE);
  const sin = Math.sin(ANGLE);
  const { data, width } = bitmap;
  for (let y = 0; y < layout.top; y++) {
    for (let x = 0; x < width; x++) {
      const u = x * cos + y * sin;
      const v = -x * sin + y * cos;
      const row = Math.floor(v / tileH);
      const tv = Math.floor(v - row * tileH);
      if (tv >= layout.lineHeight) continue;
      // Every other row is shifted by half a tile, so the text forms a brick pattern.
      const su = u + (row & 1 ? tileW / 2 : 0);
      const tu = Math.floor(su - Math.floor(su / tileW) * tileW);
      if (tu >= textWidth) continue;
      const a = alpha[(tv * textWidth + tu) * 4 + 3];
      if (a === 0) continue;
      const o = (y * width + x) * 4;
      const k = (DIAGONAL_STRENGTH * a) / 255;
      const lum = 0.299 * data[o] + 0.587 * data[o + 1] + 0.114 * data[o + 2];
      const toward = lum < 110 ? 255 : 0;
      for (let c = 0; c < 3; c++) data[o + c] = Math.round(data[o + c] + k * (toward - data[o + c]));
    }
  }
}
