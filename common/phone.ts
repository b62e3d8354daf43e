/**
 * Vietnamese phone numbers arrive as 0912 345 678, +84912345678, 84-912-345-678, (+84) 912.345.678
 * or 0084 912 345 678. We store and search the E.164 form (+84 and 9 national digits).
 */
const SEPARATORS = /[\s.\-()]/g;

/** Digits of the national significant number (without the trunk 0 or the 84 country code), or null if the text is not phone-like. */
export function nationalDigits(raw: string): string | null {
  const compact = raw.trim().replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let digits = compact.replace(/^\+/, '');
  if (digits.startsWith('0084')) digits = digits.slice(4);
  // Agents type national numbers with their trunk 0, so a leading 84 is the country code, even half-typed.
  else if (digits.startsWith('84')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else if (compact.startsWith('+')) return null; // a foreign country code
  return digits;
}

/** Full E.164 form of a complete Vietnamese mobile or landline number, or null. */
export function normalizeVnPhone(raw: string): string | null {
  const digits = nationalDigits(raw);
  if (digits === null || digits.length < 9 || digits.length > 10) return null;
  return `+84${digits}`;
}

/** Prefix of the E.164 form for as-you-type search ("0912 3" → "+849123"), or null if too short to be useful. */
export function phoneSearchPrefix(raw: string): string | null {
  const digits = nationalDigits(raw);
  const typed = raw.replace(/\D/g, '').length;
  if (digits === null || typed < 3 || digits.length === 0 || digits.length > 10) return null;
  return `+84${digits}`;
}

/** Display form used across the console: 0912 345 678. */
export function formatVnPhone(e164: string): string {
  // Masked for an ANALYST (+84 9** *** 678): already grouped, shown as it came.
  if (e164.includes('*')) return e164;
  const d = e164.replace(/^\+84/, '0');
  return d.length === 10 ? `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}` : d;
}
