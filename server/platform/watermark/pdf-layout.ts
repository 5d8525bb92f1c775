import type { PDFFont } from "pdf-lib";
import { wrapText } from "./pdf-text.js";

/**
 * Geometry and drawing operators of the per-page mark. Everything is laid out in *visual*
 * coordinates (what the reader sees: origin at the bottom-left of the displayed page, after
 * /Rotate), and one `cm` maps that onto the page's user space, so a rotated page or a MediaBox /
 * CropBox that does not start at 0,0 still gets its mark upright and inside the visible area.
 */

/** The visible area of a page and the matrix from visual coordinates to user space. */
export interface PageFrame {
  width: number;
  height: number;
  matrix: [number, number, number, number, number, number];
}

/** The greys that carry a fingerprint bit: 1 → BIT1, 0 → BIT0 (distinct after any re-save rounding). */
export const BIT1_GREY = 0.996;
export const BIT0_GREY = 0.988;

/** Fingerprint dot size and pitch in points (visual space). */
const DOT = 0.9;
const PITCH = 1.5;

/**
 * The page's visual frame from its boxes (user-space [x0 y0 x1 y1] of MediaBox ∩ CropBox) and
 * /Rotate (clockwise, a multiple of 90).
 */
export function pageFrame(box: [number, number, number, number], rotate: number): PageFrame {
  const [x0, y0, x1, y1] = box;
  const w = x1 - x0;
  const h = y1 - y0;
  switch ((((Math.round(rotate / 90) * 90) % 360) + 360) % 360) {
    case 90: // visual up = user −x, visual right = user +y
      return { width: h, height: w, matrix: [0, 1, -1, 0, x1, y0] };
    case 180:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x1, y1] };
    case 270:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x0, y1] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x0, y0] };
  }
}

/**
 * The visible box: MediaBox ∩ CropBox (PDF rectangles, any corner order); the MediaBox alone when
 * there is no CropBox or the intersection is empty.
 */
export function visibleBox(media: number[], crop: number[] | null): [number, number, number, number] {
  const norm = (r: number[]) =>
    [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])] as const;
  const m = norm(media);
  if (!crop) return [...m];
  const c = norm(crop);
  const box: [number, number, number, number] = [
    Math.max(m[0], c[0]),
    Math.max(m[1], c[1]),
    Math.min(m[2], c[2]),
    Math.min(m[3], c[3]),
  ];
  // A CropBox outside the MediaBox is invalid; viewers then show the MediaBox.
  return box[2] - box[0] > 1 && box[3] - box[1] > 1 ? box : [...m];
}

const num = (n: number) => {
  const s = n.toFixed(3);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
};

/** What one page's mark needs besides its frame: resource names and the text already made safe. */
export interface MarkDrawing {
  font: PDFFont;
  fontName: string;
  gsName: string;
  /** The graphics state of the fingerprint dots (blend mode Multiply). */
  dotGsName: string;
  diagonal: string;
  lines: string[];
  bits: ArrayLike<number>;
}

/** Fingerprint dots: one row band per frame copy, near-white greys, drawn in bit order. */
function dots(frame: PageFrame, bits: ArrayLike<number>, yStart: number, dir: 1 | -1): string {
  const perRow = Math.max(8, Math.floor((frame.width - 16) / PITCH));
  const left = (frame.width - Math.min(perRow, bits.length) * PITCH) / 2;
  const out: string[] = [];
  let current = -1;
  for (let i = 0; i < bits.length; i++) {
    const grey = bits[i] === 1 ? BIT1_GREY : BIT0_GREY;
    if (grey !== current) {
      out.push(`${grey} ${grey} ${grey} rg`);
      current = grey;
    }
    const row = Math.floor(i / perRow);
    const x = left + (i % perRow) * PITCH;
    const y = yStart + dir * row * PITCH - (dir === -1 ? DOT : 0);
    out.push(`${num(x)} ${num(y)} ${DOT} ${DOT} re f`);
  }
  return out.join("\n");
}

/**
 * The content stream of one page's mark: the fingerprint dots along the bottom and top edges, a
 * large translucent diagonal line (name and e-mail), and the full mark lines small at the bottom
 * margin. Wrapped in q/Q; it runs after the original content (itself wrapped in q/Q).
 */
export function markOperators(frame: PageFrame, d: MarkDrawing): string {
  const { width: W, height: H } = frame;
  const out: string[] = ["q", `${frame.matrix.map(num).join(" ")} cm`];
  out.push("q", `/${d.dotGsName} gs`, dots(frame, d.bits, 1, 1), dots(frame, d.bits, H - 1, -1), "Q");

  // Diagonal: as large as fits along the page diagonal, centred.
  const angle = Math.atan2(H, W);
  const span = Math.hypot(W, H) * 0.7;
  const unit = d.font.widthOfTextAtSize(d.diagonal, 1) || 1;
  const size = Math.max(8, Math.min(60, span / unit, Math.min(W, H) * 0.12));
  const tw = unit * size;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const ox = W / 2 - cos * (tw / 2) + sin * (size * 0.35);
  const oy = H / 2 - sin * (tw / 2) - cos * (size * 0.35);
  out.push(
    "q",
    `/${d.gsName} gs`,
    "0.75 0.1 0.1 rg",
    "BT",
    `/${d.fontName} ${num(size)} Tf`,
    `${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(ox)} ${num(oy)} Tm`,
    `${d.font.encodeText(d.diagonal).toString()} Tj`,
    "ET",
    "Q",
  );

  // Margin lines: 6.5 pt grey, wrapped to the page width, stacked upwards from the bottom margin.
  const small = 6.5;
  const wrapped = d.lines.flatMap((l) => wrapText(l, d.font, small, W - 24));
  out.push("0.35 0.35 0.35 rg", "BT", `/${d.fontName} ${small} Tf`);
  wrapped.forEach((line, i) => {
    const y = 8 + (wrapped.length - 1 - i) * (small + 1.5);
    out.push(`1 0 0 1 12 ${num(y)} Tm`, `${d.font.encodeText(line).toString()} Tj`);
  });
  // The first line (classification and recipient) again at the top margin.
  const top = wrapText(d.lines[0] ?? "", d.font, small, W - 24);
  top.forEach((line, i) => {
    out.push(`1 0 0 1 12 ${num(H - 10 - i * (small + 1.5))} Tm`, `${d.font.encodeText(line).toString()} Tj`);
  });
  out.push("ET", "Q");
  return out.join("\n");
}
