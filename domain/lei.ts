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
 * Validates a Legal Entity Identifier (ISO 17442): 18 upper-case alphanumeric characters followed
 * by two check digits computed with ISO 7064 MOD 97-10 (the IBAN scheme): the whole 20-character
 * number modulo 97 must equal 1. The scheme only ever produces check digits 02..98, so `00`, `01`
 * and `99` are refused even when the remainder happens to work out.
 */
export function isValidLei(lei: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(lei)) return false;
  const check = Number(lei.slice(18));
  return check >= 2 && check <= 98 && mod97(lei) === 1;
}

/**
 * Computes the two check digits (02..98) for an 18-character LEI prefix (used by the demo data and
 * tests); throws a RangeError for anything but 18 upper-case alphanumerics.
 */
export function leiCheckDigits(prefix18: string): string {
  if (!/^[0-9A-Z]{18}$/.test(prefix18))
    throw new RangeError("An LEI prefix is 18 upper-case letters or digits");
  return String(98 - mod97(`${prefix18}00`)).padStart(2, "0");
}
