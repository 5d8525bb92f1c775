import type { PDFFont } from "pdf-lib";

/**
 * Text helpers for the visible PDF mark. The mark uses the standard Helvetica font (no embedding,
 * no fontkit: fast and small), which only encodes WinAnsi; a recipient named "Zoë Łukasiewicz"
 * must still get a readable mark rather than an exception, hence the folding below.
 */

/**
 * Folds `text` into what `font` can encode: NFKD plus dropping combining marks turns "é" into "e",
 * a few common letters without a decomposition get their usual ASCII spelling, and anything else
 * (CJK, emoji, control characters) becomes "?".
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ŁłØøĐđĦħıŀĿ]/g, (c) => FOLD[c] ?? "?")
    .replace(/[\s]/gu, " ");
  let out = "";
  for (const ch of folded) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp >= 0x20 && supported.has(cp) ? ch : "?";
  }
  return out;
}

const FOLD: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Ø: "O",
  ø: "o",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
};

/**
 * Splits `text` into lines no wider than `width` at `size`, breaking at spaces (and, for a single
 * over-long word such as an e-mail address, anywhere), so a long organization name stays on the page.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  if (fits(text)) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}
