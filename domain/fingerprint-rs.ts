/**
 * Reed–Solomon error-and-erasure codec over GF(256), the forward error correction under the copy
 * fingerprints (`fingerprint.ts`). Pure arithmetic, no I/O, so it runs the same on the server and in
 * tests.
 *
 * Conventions (chosen to match the textbook formulas, so each step can be checked against them):
 * - field GF(2^8) with the primitive polynomial x^8+x^4+x^3+x^2+1 (0x11d), generator α = 2;
 * - generator polynomial g(x) = (x−α^1)…(x−α^2t) (first consecutive root 1), which keeps Forney's
 *   formula free of the extra X_k factor;
 * - a codeword is a byte array `message ‖ parity`; byte `j` is the coefficient of x^(n−1−j), so the
 *   message sits at the high powers (systematic code).
 *
 * With 2t parity bytes the decoder corrects any `e` wrong bytes and `s` erased bytes (positions
 * known) with 2e + s ≤ 2t, and reports failure (null) rather than guessing when it cannot.
 */

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  // Doubling the table lets mul() skip a modulo.
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}

function mul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

function div(a: number, b: number): number {
  if (b === 0) throw new RangeError("GF(256) division by zero");
  return a === 0 ? 0 : EXP[(LOG[a] + 255 - LOG[b]) % 255];
}

/** α^e for any integer e (negative allowed). */
function pow(e: number): number {
  return EXP[((e % 255) + 255) % 255];
}

/** Evaluates a little-endian polynomial (p[i] is the coefficient of x^i) at x. */
function evalLe(p: readonly number[], x: number): number {
  let y = 0;
  for (let i = p.length - 1; i >= 0; i--) y = mul(y, x) ^ p[i];
  return y;
}

/** Product of two little-endian polynomials. */
function mulLe(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] ^= mul(a[i], b[j]);
  return out;
}

const generators = new Map<number, Uint8Array>();

/** Big-endian coefficients of g(x) = ∏_{j=1}^{n} (x − α^j), cached per parity length. */
function generator(nsym: number): Uint8Array {
  let g = generators.get(nsym);
  if (!g) {
    let be = [1];
    for (let j = 1; j <= nsym; j++) {
      const next = new Array<number>(be.length + 1).fill(0);
      for (let i = 0; i < be.length; i++) {
        next[i] ^= be[i];
        next[i + 1] ^= mul(be[i], pow(j));
      }
      be = next;
    }
    g = Uint8Array.from(be);
    generators.set(nsym, g);
  }
  return g;
}

/** Appends `nsym` parity bytes to `message` (systematic encoding). Codeword length must be ≤ 255. */
export function rsEncode(message: Uint8Array, nsym: number): Uint8Array {
  if (message.length + nsym > 255) throw new RangeError("Reed–Solomon codeword longer than 255 bytes");
  const g = generator(nsym);
  const out = new Uint8Array(message.length + nsym);
  out.set(message);
  // Long division by g(x); what remains in the tail is the parity.
  for (let i = 0; i < message.length; i++) {
    const coef = out[i];
    if (coef !== 0) for (let j = 1; j < g.length; j++) out[i + j] ^= mul(g[j], coef);
  }
  out.set(message);
  return out;
}

/** S_j = r(α^(j+1)), j = 0…nsym−1, little-endian in j. */
function syndromes(word: Uint8Array, nsym: number): number[] {
  const s = new Array<number>(nsym);
  for (let j = 0; j < nsym; j++) {
    const x = pow(j + 1);
    let y = 0;
    for (const byte of word) y = mul(y, x) ^ byte;
    s[j] = y;
  }
  return s;
}

/**
 * Decodes a received word of `message ‖ parity`, correcting errors and the erasures listed in
 * `erasures` (byte indices; their content is ignored). Returns the corrected message, or null when
 * 2·errors + erasures exceeds `nsym` as far as the decoder can tell.
 */
export function rsDecode(
  received: Uint8Array,
  nsym: number,
  erasures: readonly number[] = [],
): Uint8Array | null {
  const n = received.length;
  const k = n - nsym;
  if (k <= 0 || n > 255) throw new RangeError("bad Reed–Solomon word length");
  if (erasures.length > nsym) return null;
  const word = Uint8Array.from(received);
  for (const idx of erasures) word[idx] = 0;
  const s = syndromes(word, nsym);
  if (s.every((v) => v === 0)) return word.slice(0, k);

  // Erasure locator Γ(x) = ∏ (1 − X_k x), X_k = α^(power of the erased byte).
  let gamma = [1];
  for (const idx of erasures) gamma = mulLe(gamma, [1, pow(n - 1 - idx)]);

  // Berlekamp–Massey started from Γ (Blahut's errata form): finds Λ(x) = Γ(x)·σ(x).
  const e0 = erasures.length;
  let lambda = gamma.slice();
  let b = gamma.slice();
  let len = e0;
  for (let r = e0 + 1; r <= nsym; r++) {
    let delta = 0;
    for (let j = 0; j <= len && j < lambda.length; j++)
      if (r - 1 - j >= 0) delta ^= mul(lambda[j], s[r - 1 - j]);
    b = [0, ...b];
    if (delta !== 0) {
      const t = lambda.slice();
      while (t.length < b.length) t.push(0);
      for (let i = 0; i < b.length; i++) t[i] ^= mul(delta, b[i]);
      if (2 * len <= r + e0 - 1) {
        len = r + e0 - len;
        b = lambda.map((c) => div(c, delta));
      }
      lambda = t;
    }
  }
  while (lambda.length > 1 && lambda[lambda.length - 1] === 0) lambda.pop();
  const degree = lambda.length - 1;
  if (2 * (degree - e0) + e0 > nsym) return null;

  // Chien search restricted to the n real positions (the code is shortened from 255).
  const positions: number[] = [];
  for (let idx = 0; idx < n; idx++) if (evalLe(lambda, pow(-(n - 1 - idx))) === 0) positions.push(idx);
  if (positions.length !== degree) return null;

  // Forney: e_k = Ω(X_k⁻¹) / Λ'(X_k⁻¹), with Ω = S·Λ mod x^nsym.
  const omega = mulLe(s, lambda).slice(0, nsym);
  const deriv = lambda.map((c, i) => (i % 2 === 1 ? c : 0)).slice(1);
  for (const idx of positions) {
    const xInv = pow(-(n - 1 - idx));
    const denom = evalLe(deriv, xInv);
    if (denom === 0) return null;
    word[idx] ^= div(evalLe(omega, xInv), denom);
  }
  // A decoder pushed past its capacity can land on a wrong word; re-checking the syndromes at
  // least guarantees the output is a codeword.
  if (!syndromes(word, nsym).every((v) => v === 0)) return null;
  return word.slice(0, k);
}
