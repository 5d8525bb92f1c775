import { FRAME_BITS } from "../../../domain/fingerprint.js";

/**
 * The `image_blocks` carrier: the fingerprint frame hidden in the mean luminance of 8×8 pixel
 * blocks by quantisation-index modulation (QIM).
 *
 * Why this scheme: a block's mean luminance is (up to a factor 8) the DC coefficient of the JPEG
 * luminance block on the same 8×8 grid, which JPEG quantises most gently (step 5 at quality 85, 8 at
 * 75, i.e. 0.6 and 1 grey level of mean). Each block's mean is moved to the nearest point of the
 * lattice STEP·k (bit 0) or STEP·k + STEP/2 (bit 1), so it survives while the mean stays within
 * ±STEP/4 of the point. The shift is spread over the block with an ordered dither (whole grey
 * levels, same shift on R, G and B so hue is kept), never more than MAX_CHANGE per channel.
 *
 * The frame is repeated over every block of the marked area; the reader sums a soft value per
 * frame position across all repeats, so blocks spoiled by saturation, painting or compression are
 * outvoted, and weak sums become erasures (2) for the codec.
 */

/** Block edge in pixels: the JPEG DCT block, so the mean is exactly what the DC coefficient holds. */
export const BLOCK = 8;
/** QIM lattice step in grey levels (bit 0 at multiples of STEP, bit 1 half way between). */
const STEP = 6;
/**
 * The largest change of any channel of any pixel, in grey levels: STEP/2 where nothing clips, one
 * more in blocks near black or white, where clipped pixels leave the others to make up the shift.
 */
export const MAX_CHANGE = Math.ceil(STEP / 2) + 1;
/** Blocks are kept inside [LOW, HIGH] so they never touch black or white (where clipping rules). */
const LOW = 6;
const HIGH = 249;
/** The reader treats means this far beyond [LOW, HIGH] as saturated (unmarked) blocks. */
const SATURATION_MARGIN = 1.5;
/** A block with a channel at or beyond these may clip when re-encoded (see readBlocks). */
const CLIP_HIGH = 250;
const CLIP_LOW = 5;
/** Fewer blocks than this in a class give no reliable offset of their own. */
const MIN_CLASS_BLOCKS = 40;
/** Below this |sum of soft values| a combined bit is an erasure rather than a guess. */
const ERASURE_THRESHOLD = 0.3;

/** The pixels jimp decodes into: RGBA bytes, row-major. */
export interface Bitmap {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Number of whole blocks in the top `gridHeight` rows of a `width`-wide image. */
export function blockCount(width: number, gridHeight: number): number {
  return Math.floor(width / BLOCK) * Math.floor(gridHeight / BLOCK);
}

/** Fixed pseudo-random order of frame bits inside one repeat (LCG shuffle, seeded). */
const PERMUTATION = (() => {
  const p = Array.from({ length: FRAME_BITS }, (_, i) => i);
  let seed = 0x5eed1;
  for (let i = p.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = (seed >>> 8) % (i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
})();

/**
 * Which frame bit block `k` (raster order) carries. Each repeat is rotated by 37 positions, so a
 * bit does not sit in the same image column in every repeat (a white margin would erase it in all).
 */
function framePosition(k: number): number {
  const repeat = Math.floor(k / FRAME_BITS);
  return PERMUTATION[(k + 37 * repeat) % FRAME_BITS];
}

/**
 * 8×8 Bayer matrix: the rank (0..63) of each pixel in the ordered dither, so a block's total shift
 * is spread as evenly as possible (the pixels with the highest ranks get the extra grey level).
 */
const RANK = (() => {
  const m = new Uint8Array(BLOCK * BLOCK);
  for (let y = 0; y < BLOCK; y++)
    for (let x = 0; x < BLOCK; x++) {
      let v = 0;
      for (let level = 2; level >= 0; level--) {
        const bx = (x >> level) & 1;
        const by = (y >> level) & 1;
        v = v * 4 + [0, 2, 3, 1][by * 2 + bx];
      }
      m[y * BLOCK + x] = v;
    }
  return m;
})();

const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;
const clamp = (v: number) => Math.max(0, Math.min(255, v));

/** Byte offsets of a block's 64 pixels, written into `idx` (reused: this runs per block). */
function blockPixels(
  bitmap: Bitmap,
  bx: number,
  by: number,
  idx = new Int32Array(BLOCK * BLOCK),
): Int32Array {
  for (let y = 0; y < BLOCK; y++)
    for (let x = 0; x < BLOCK; x++)
      idx[y * BLOCK + x] = ((by * BLOCK + y) * bitmap.width + bx * BLOCK + x) * 4;
  return idx;
}

/** Per-pixel integer shift when the block's total shift is `total` grey levels (summed over 64 pixels). */
function shiftAt(total: number, i: number): number {
  const n = Math.floor(total / 64);
  const d = n + (RANK[i] >= 64 - (total - n * 64) ? 1 : 0);
  return Math.max(-MAX_CHANGE, Math.min(MAX_CHANGE, d));
}

/** The block's mean luminance after the dithered shift `total` (with clipping at 0 and 255). */
function meanAfter(data: Uint8Array, idx: Int32Array, total: number): number {
  let sum = 0;
  for (let i = 0; i < idx.length; i++) {
    const d = total === 0 ? 0 : shiftAt(total, i);
    const o = idx[i];
    sum += luma(clamp(data[o] + d), clamp(data[o + 1] + d), clamp(data[o + 2] + d));
  }
  return sum / idx.length;
}

/** The lattice point (or, failing that, a neutral mid point) the block's mean should move to. */
function chooseTarget(mean: number, low: number, high: number, bit: number): number | null {
  const lo = Math.max(low, LOW);
  const hi = Math.min(high, HIGH);
  const nearest = (offset: number, period: number) => {
    let best: number | null = null;
    const k0 = Math.floor((mean - offset) / period);
    for (const k of [k0 - 1, k0, k0 + 1, k0 + 2]) {
      const t = k * period + offset;
      if (t >= lo && t <= hi && (best === null || Math.abs(t - mean) < Math.abs(best - mean))) best = t;
    }
    return best;
  };
  // A block that cannot reach its bit is made ambiguous (half way between bits): an erasure, not a flip.
  return nearest((bit * STEP) / 2, STEP) ?? nearest(STEP / 4, STEP / 2);
}

/**
 * Writes `frame` (0/1 bits) into the top `gridHeight` rows of `bitmap`, repeated over every block.
 * Saturated and transparent blocks are left alone (the reader erases them). `bias` (grey levels)
 * pre-compensates a known shift of the encoder that will store the result.
 */
export function embedBlocks(bitmap: Bitmap, frame: ArrayLike<number>, gridHeight: number, bias = 0): void {
  const { data } = bitmap;
  const cols = Math.floor(bitmap.width / BLOCK);
  const rows = Math.floor(gridHeight / BLOCK);
  const most = MAX_CHANGE * 64;
  const scratch = new Int32Array(BLOCK * BLOCK);
  for (let k = 0; k < cols * rows; k++) {
    const idx = blockPixels(bitmap, k % cols, Math.floor(k / cols), scratch);
    let lowest = 255;
    let highest = 0;
    for (const o of idx) {
      if (data[o + 3] !== 255) lowest = -1;
      lowest = Math.min(lowest, data[o], data[o + 1], data[o + 2]);
      highest = Math.max(highest, data[o], data[o + 1], data[o + 2]);
    }
    if (lowest < 0) continue; // transparent pixels: their colour may not survive a re-save
    const mean = meanAfter(data, idx, 0);
    // No channel can clip: the mean moves by exactly total/64 (R, G, B move alike, so luma does too).
    const free = lowest >= MAX_CHANGE && highest <= 255 - MAX_CHANGE;
    const lattice = chooseTarget(
      mean - bias,
      (free ? mean - MAX_CHANGE : meanAfter(data, idx, -most)) - bias,
      (free ? mean + MAX_CHANGE : meanAfter(data, idx, most)) - bias,
      frame[framePosition(k)],
    );
    if (lattice === null) continue;
    const target = lattice + bias;
    let total = Math.round((target - mean) * 64);
    if (!free) {
      // meanAfter is monotone in the total shift: bisect for the one closest to the target.
      let lo = -most;
      let hi = most;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (meanAfter(data, idx, mid) < target) lo = mid;
        else hi = mid;
      }
      total =
        Math.abs(meanAfter(data, idx, lo) - target) < Math.abs(meanAfter(data, idx, hi) - target) ? lo : hi;
    }
    if (total === 0) continue;
    for (let i = 0; i < idx.length; i++) {
      const d = shiftAt(total, i);
      const o = idx[i];
      data[o] = clamp(data[o] + d);
      data[o + 1] = clamp(data[o + 1] + d);
      data[o + 2] = clamp(data[o + 2] + d);
    }
  }
}

/**
 * Reads the frame back from the top `gridHeight` rows of `bitmap`: the combined frame (0/1, 2 for
 * erasures) followed by its inverse, or null when the area holds fewer blocks than one frame. The
 * brightness offset is only known modulo STEP/2, and an offset of STEP/2 swaps the two lattices:
 * the inverse is what such a shift looks like, and the codec's sync tells which one is real.
 */
export function readBlocks(bitmap: Bitmap, gridHeight: number): Uint8Array | null {
  const { data } = bitmap;
  const cols = Math.floor(bitmap.width / BLOCK);
  const rows = Math.floor(Math.min(gridHeight, bitmap.height) / BLOCK);
  if (cols * rows < FRAME_BITS) return null;
  const means = new Float64Array(cols * rows).fill(Number.NaN);
  const classes = new Uint8Array(cols * rows);
  const scratch = new Int32Array(BLOCK * BLOCK);
  // Per class of block, the circular mean of the block means at period STEP/2 (where both
  // lattices coincide) is the brightness offset a re-encode introduced. It differs by class:
  // blocks touching white lose their JPEG overshoot to clipping and come back darker (by up to a
  // grey level), blocks touching black lighter; the rest move by the codec's own bias.
  const re = new Float64Array(4);
  const im = new Float64Array(4);
  const count = new Uint32Array(4);
  for (let k = 0; k < cols * rows; k++) {
    const idx = blockPixels(bitmap, k % cols, Math.floor(k / cols), scratch);
    let lowest = 255;
    let highest = 0;
    for (const o of idx) {
      if (data[o + 3] < 250) lowest = -1;
      lowest = Math.min(lowest, data[o], data[o + 1], data[o + 2]);
      highest = Math.max(highest, data[o], data[o + 1], data[o + 2]);
    }
    if (lowest < 0) continue;
    const mean = meanAfter(data, idx, 0);
    if (mean < LOW - SATURATION_MARGIN || mean > HIGH + SATURATION_MARGIN) continue;
    const c = (highest >= CLIP_HIGH ? 1 : 0) + (lowest <= CLIP_LOW ? 2 : 0);
    means[k] = mean;
    classes[k] = c;
    re[c] += Math.cos((4 * Math.PI * mean) / STEP);
    im[c] += Math.sin((4 * Math.PI * mean) / STEP);
    count[c]++;
  }
  const phase = (r: number, i: number) => (Math.atan2(i, r) * STEP) / (4 * Math.PI);
  const overall = phase(
    re.reduce((a, b) => a + b, 0),
    im.reduce((a, b) => a + b, 0),
  );
  // Each class's offset is known modulo STEP/2 only: take the value nearest the overall one, so
  // that no class settles on the other lattice and votes against the rest.
  const offsets = Array.from(re, (r, c) => {
    if (count[c] < MIN_CLASS_BLOCKS) return overall;
    const own = phase(r, im[c]);
    return own + Math.round((overall - own) / (STEP / 2)) * (STEP / 2);
  });
  const sums = new Float64Array(FRAME_BITS);
  for (let k = 0; k < means.length; k++) {
    // +1 at a bit-0 lattice point, -1 at a bit-1 point, 0 half way: a soft vote.
    if (!Number.isNaN(means[k]))
      sums[framePosition(k)] += Math.cos((2 * Math.PI * (means[k] - offsets[classes[k]])) / STEP);
  }
  const frame = Uint8Array.from(sums, (v) => (v > ERASURE_THRESHOLD ? 0 : v < -ERASURE_THRESHOLD ? 1 : 2));
  const out = new Uint8Array(2 * FRAME_BITS);
  out.set(frame);
  out.set(
    frame.map((b) => (b === 2 ? 2 : 1 - b)),
    FRAME_BITS,
  );
  return out;
}
