/**
 * Spreadsheets run cells that start with `=`, `+`, `-`, `@`, tab or CR as formulas (CSV
 * injection), so exports prefix such cells, and cells already starting with the prefix, with an
 * apostrophe; imports remove exactly that prefix, so values round-trip unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** A cell safe to open in a spreadsheet. */
export const protectCell = (v: string | null) => (v && FORMULA_START.test(v) ? `'${v}` : v);

/** The original value of a cell written by `protectCell`. */
export const unprotectCell = (v: string) =>
  v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v;
