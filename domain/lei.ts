/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters count as 10..35). */
function mod97(value: string): number {
  let remainder = 0;
  for (const ch of value) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/**
 * Validates a Legal Entity Identifier (ISO 17442): 18 alphanumeric characters followed by two
 * check digits computed with ISO 7064 MOD 97-10 (the IBAN scheme): the whole 20-character
 * number modulo 97 must equal 1.
 */
export function isValidLei(lei: string): boolean {
  return /^[0-9A-Z]{18}[0-9]{2}$/.test(lei) && mod97(lei) === 1;
}

/** Computes the two check digits for an 18-character LEI prefix (used by the demo data and tests). */
export function leiCheckDigits(prefix18: string): string {
  return String(98 - mod97(`${prefix18}00`)).padStart(2, "0");
}
