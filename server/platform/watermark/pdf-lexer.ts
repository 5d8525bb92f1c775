/**
 * A small PDF content-stream tokeniser (ISO 32000-1 §7.2, §8.9.7), enough to replay the operators
 * a fingerprint reader cares about. It never throws on malformed input: unknown bytes are skipped,
 * so a hostile or damaged stream yields fewer operations, not an exception.
 */

/** An operand: a number, a name ("/X" without the slash), or anything else we do not interpret. */
export type Operand = number | { name: string } | null;

/** One operator with the operands that preceded it. */
export interface Operation {
  op: string;
  operands: Operand[];
}

/** Byte classes in one table (0 regular, 1 white space, 2 delimiter): the lexer's hot path. */
const CLASS = (() => {
  const t = new Uint8Array(256);
  for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) t[b] = 1;
  for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) t[b] = 2;
  return t;
})();
const isWs = (b: number) => CLASS[b] === 1;
const isRegular = (b: number) => CLASS[b] === 0;

/** Bytes as Latin-1 text, capped so a huge run of garbage cannot blow the stack. */
function ascii(s: Uint8Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < Math.min(to, from + 128); i++) out += String.fromCharCode(s[i]);
  return out;
}

function skipString(s: Uint8Array, i: number): number {
  // Literal string: balanced parentheses, backslash escapes.
  let depth = 1;
  for (i++; i < s.length && depth > 0; i++) {
    if (s[i] === 0x5c) i++;
    else if (s[i] === 0x28) depth++;
    else if (s[i] === 0x29) depth--;
  }
  return i;
}

/** Skips inline image data after `ID`: up to whitespace + "EI" + whitespace/end. */
function skipInlineImage(s: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < s.length; j++) {
    if (isWs(s[j - 1]) && s[j] === 0x45 && s[j + 1] === 0x49 && (j + 2 >= s.length || !isRegular(s[j + 2])))
      return j + 2;
  }
  return s.length;
}

/** Tokenises a decoded content stream into operations (operands of arrays/dicts/strings → null). */
export function parseOperations(s: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let operands: Operand[] = [];
  let depth = 0; // inside [ ] or << >>: those operands are collapsed into one null
  let i = 0;
  while (i < s.length) {
    const b = s[i];
    if (isWs(b)) {
      i++;
    } else if (b === 0x25) {
      while (i < s.length && s[i] !== 0x0a && s[i] !== 0x0d) i++;
    } else if (b === 0x28) {
      i = skipString(s, i);
      if (depth === 0) operands.push(null);
    } else if (b === 0x3c && s[i + 1] === 0x3c) {
      depth++;
      i += 2;
    } else if (b === 0x3e && s[i + 1] === 0x3e) {
      depth = Math.max(0, depth - 1);
      i += 2;
      if (depth === 0) operands.push(null);
    } else if (b === 0x3c) {
      while (i < s.length && s[i] !== 0x3e) i++;
      i++;
      if (depth === 0) operands.push(null);
    } else if (b === 0x5b) {
      depth++;
      i++;
    } else if (b === 0x5d) {
      depth = Math.max(0, depth - 1);
      i++;
      if (depth === 0) operands.push(null);
    } else if (b === 0x2f) {
      let j = i + 1;
      while (j < s.length && isRegular(s[j])) j++;
      if (depth === 0) operands.push({ name: ascii(s, i + 1, j) });
      i = j;
    } else if (isRegular(b)) {
      let j = i;
      while (j < s.length && isRegular(s[j])) j++;
      const word = ascii(s, i, j);
      i = j;
      if (depth > 0) continue;
      const n = Number(word);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) && Number.isFinite(n)) {
        operands.push(n);
      } else if (word === "true" || word === "false" || word === "null") {
        operands.push(null);
      } else {
        ops.push({ op: word, operands });
        operands = [];
        if (word === "ID") i = skipInlineImage(s, i);
      }
    } else {
      i++; // a stray ')', '>', '{' or '}'
    }
    if (operands.length > 64) operands = operands.slice(-64); // garbage guard
  }
  return ops;
}

/**
 * How a content stream uses the graphics-state stack: `underflow`, the most `Q` it issues beyond
 * its own `q` at any point, and `net`, its `q` count minus its `Q` count at the end. A mark drawn
 * after it is only safe if it first undoes exactly that (see markPdf).
 */
export function stackBalance(content: Uint8Array): { underflow: number; net: number } {
  let depth = 0;
  let lowest = 0;
  for (const { op } of parseOperations(content)) {
    if (op === "q") depth++;
    else if (op === "Q") lowest = Math.min(lowest, --depth);
  }
  return { underflow: -lowest, net: depth };
}
