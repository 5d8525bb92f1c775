import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFName,
  type PDFPage,
  PDFRawStream,
  PDFStream,
} from "pdf-lib";
import type { Bits } from "../../../domain/fingerprint.js";
import { BIT0_GREY, BIT1_GREY } from "./pdf-layout.js";
import { type Operand, parseOperations } from "./pdf-lexer.js";

/**
 * Reads the `pdf_vector` carrier back: replays a page's content streams (and the form XObjects they
 * paint), and collects every tiny filled shape in one of the two fingerprint greys, in painting
 * order. Painting order, not coordinates, orders the bits: a re-save that rewrites the CTM, flips
 * the y axis (cairo) or bakes /Rotate into the content keeps the order of what is painted.
 */

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const TOLERANCE = 0.0025;
/** A fingerprint dot is under 0.9 pt; anything larger than this is page content, not ours. */
const MAX_DOT = 3;
const MAX_DEPTH = 6;
const MAX_OPS = 2_000_000;

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** The bit a fill colour carries: 0/1, 2 when it is near one of ours but ambiguous, null when not ours. */
export function bitOfColour(colour: number[] | null): number | null {
  if (!colour || (colour.length !== 1 && colour.length !== 3)) return null;
  const grey = colour[0];
  if (colour.some((c) => Math.abs(c - grey) > TOLERANCE)) return null;
  if (grey < BIT0_GREY - 0.01 || grey > 0.9995) return null;
  if (Math.abs(grey - BIT1_GREY) <= TOLERANCE) return 1;
  if (Math.abs(grey - BIT0_GREY) <= TOLERANCE) return 0;
  return 2;
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

/** A page's content streams joined with newlines (a token may not span streams, per the spec); a stream with an unsupported filter is skipped. */
export function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  const streams: PDFStream[] = [];
  if (contents instanceof PDFStream) streams.push(contents);
  else if (contents instanceof PDFArray)
    for (let i = 0; i < contents.size(); i++) {
      const s = contents.lookup(i);
      if (s instanceof PDFStream) streams.push(s);
    }
  const parts = streams.map((s) => {
    try {
      return streamBytes(s);
    } catch {
      return new Uint8Array(); // an unsupported filter: skip that stream, keep the others
    }
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    out[at++] = 0x0a;
  }
  return out;
}

const nums = (ops: Operand[], n: number) => {
  const tail = ops.slice(-n);
  return tail.length === n && tail.every((o) => typeof o === "number") ? (tail as number[]) : null;
};

interface State {
  ctm: Matrix;
  fill: number[] | null;
}

/** Replays one content stream with `resources`, pushing fingerprint bits onto `out`. */
function replay(
  content: Uint8Array,
  resources: PDFDict | undefined,
  start: Matrix,
  out: number[],
  depth: number,
  budget: { ops: number },
): void {
  const stack: State[] = [];
  let st: State = { ctm: start, fill: [0] };
  let boxes: { w: number; h: number }[] = [];
  let points: [number, number][] = [];
  const closeSub = () => {
    if (points.length === 0) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    boxes.push({ w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) });
    points = [];
  };
  const at = (x: number, y: number): [number, number] => {
    const m = st.ctm;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  };
  for (const { op, operands } of parseOperations(content)) {
    if (--budget.ops < 0) return;
    switch (op) {
      case "q":
        stack.push({ ...st });
        break;
      case "Q":
        st = stack.pop() ?? st;
        break;
      case "cm": {
        const m = nums(operands, 6);
        if (m) st.ctm = mul(m as Matrix, st.ctm);
        break;
      }
      case "g":
      case "rg":
      case "sc":
      case "scn": {
        const n = op === "g" ? 1 : op === "rg" ? 3 : operands.length;
        st.fill = (n === 1 || n === 3) && nums(operands, n) ? (nums(operands, n) as number[]) : null;
        break;
      }
      case "k":
      case "cs":
        st.fill = null;
        break;
      case "re": {
        const r = nums(operands, 4);
        closeSub();
        if (r) {
          points = [
            at(r[0], r[1]),
            at(r[0] + r[2], r[1]),
            at(r[0], r[1] + r[3]),
            at(r[0] + r[2], r[1] + r[3]),
          ];
          closeSub();
        }
        break;
      }
      case "m":
        closeSub();
        if (nums(operands, 2)) points.push(at(...(nums(operands, 2) as [number, number])));
        break;
      case "l":
      case "c":
      case "v":
      case "y": {
        const p = nums(operands, 2);
        if (p) points.push(at(p[0], p[1]));
        break;
      }
      case "f":
      case "F":
      case "f*":
      case "B":
      case "B*":
      case "b":
      case "b*": {
        closeSub();
        const bit = bitOfColour(st.fill);
        if (bit !== null) for (const b of boxes) if (b.w < MAX_DOT && b.h < MAX_DOT) out.push(bit);
        boxes = [];
        break;
      }
      case "n":
      case "S":
      case "s":
        points = [];
        boxes = [];
        break;
      case "Do": {
        const name = operands.at(-1);
        if (depth >= MAX_DEPTH || !resources || !name || typeof name !== "object") break;
        const xobjects = resources.lookupMaybe(PDFName.of("XObject"), PDFDict);
        const form = xobjects?.lookup(PDFName.of(name.name));
        if (!(form instanceof PDFStream) || form.dict.get(PDFName.of("Subtype"))?.toString() !== "/Form")
          break;
        let bytes: Uint8Array;
        try {
          bytes = streamBytes(form);
        } catch {
          break;
        }
        const matrix = form.dict.lookupMaybe(PDFName.of("Matrix"), PDFArray);
        const mv = matrix?.asArray().map((o) => Number(o.toString()));
        const fm: Matrix = mv && mv.length === 6 && mv.every(Number.isFinite) ? (mv as Matrix) : IDENTITY;
        const own = form.dict.lookupMaybe(PDFName.of("Resources"), PDFDict) ?? resources;
        replay(bytes, own, mul(fm, st.ctm), out, depth + 1, budget);
        break;
      }
    }
  }
}

/** The fingerprint bits painted on one page, in painting order (empty when none). */
export function readVectorBits(page: PDFPage): Bits {
  const out: number[] = [];
  replay(pageContent(page), page.node.Resources(), IDENTITY, out, 0, { ops: MAX_OPS });
  return Uint8Array.from(out);
}
