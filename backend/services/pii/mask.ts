import { createHmac } from 'node:crypto';
import { nationalDigits, normalizeVnPhone } from '../../../common/phone';

/**
 * PII masking: the one place that turns a contact into what an ANALYST may see
 * (`t***@gmail.com`, `+84 9** *** 678`). Pure functions; the services decide when to apply them
 * (policy action `pii:raw`).
 */

const MASK = '***';

/** `lan.nguyen@gmail.com` → `l***@gmail.com`; anything that is not an email → `***`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return MASK;
  return `${email[0]}${MASK}@${email.slice(at + 1).toLowerCase()}`;
}

/**
 * `+84912345678` (or 0912 345 678, 84-912-345-678 …) → `+84 9** *** 678`: the first national digit
 * and the last three stay. A value that is not a complete Vietnamese number keeps only its last two
 * characters (or nothing when shorter than 6).
 */
export function maskPhone(phone: string): string {
  const e164 = normalizeVnPhone(phone);
  if (e164 === null) {
    const compact = phone.replace(/\s/g, '');
    return compact.length < 6 ? MASK : `${MASK}${compact.slice(-2)}`;
  }
  const d = e164.slice(3);
  const head = d.slice(0, d.length - 6);
  return `+84 ${head[0]}${'*'.repeat(head.length - 1)} *** ${d.slice(-3)}`;
}

export type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** The exact form a contact is hashed in: lower-cased email, E.164 phone; null when not a complete contact. */
export function normalizeContact(c: Contact): string | null {
  if (c.kind === 'email') {
    const v = c.value.trim().toLowerCase();
    const at = v.indexOf('@');
    // One @, something before it, a dotted domain after it: a complete address, not a prefix.
    if (at <= 0 || at !== v.lastIndexOf('@')) return null;
    const domain = v.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    if (dot <= 0 || domain.length - dot - 1 < 2) return null;
    return v;
  }
  const digits = nationalDigits(c.value);
  return digits === null ? null : normalizeVnPhone(c.value);
}

/** Keyed hash (HMAC-SHA256) of normalized contacts: an ANALYST finds a customer by a full contact, never a prefix. */
export class ContactHasher {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('pii.hmacSecret must be at least 32 characters');
  }

  /** Hex HMAC of the normalized contact, or null when it is not a complete email / phone. */
  hash(c: Contact): string | null {
    const n = normalizeContact(c);
    return n === null ? null : createHmac('sha256', this.secret).update(`${c.kind}:${n}`).digest('hex');
  }
}

/** A customer profile (or search hit) with its contacts masked. */
export function maskProfile<T extends { emails: string[]; phones: string[] }>(p: T): T {
  return { ...p, emails: p.emails.map(maskEmail), phones: p.phones.map(maskPhone) };
}

export function maskHit<T extends { email: string | null; phone: string | null }>(h: T): T {
  return { ...h, email: h.email === null ? null : maskEmail(h.email), phone: h.phone === null ? null : maskPhone(h.phone) };
}

const isLocalChar = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);
const isPhoneChar = (c: string) => /[0-9+ .\-()]/.test(c);

/** Masks emails in free text with one linear scan (no backtracking regular expression). */
function scrubEmails(text: string): string {
  let out = '';
  let last = 0;
  let i = text.indexOf('@');
  while (i !== -1) {
    let s = i;
    while (s > last && isLocalChar(text[s - 1]!)) s--;
    let e = i + 1;
    while (e < text.length && isDomainChar(text[e]!)) e++;
    const candidate = text.slice(s, e);
    if (s < i && normalizeContact({ kind: 'email', value: candidate.replace(/\.+$/, '') }) !== null) {
      out += text.slice(last, s) + maskEmail(candidate);
      last = e;
    }
    i = text.indexOf('@', Math.max(e, i + 1));
  }
  return out + text.slice(last);
}

/** A run of phone characters that is a complete Vietnamese number written with its 0, 84 or +84. */
function phoneOf(run: string): boolean {
  const t = run.replace(/^\(/, '');
  if (!/^(\+|0|84)/.test(t) || /^\d+\.\d+$/.test(t)) return false;
  let digits = t.replace(/\D/g, '');
  if (digits.startsWith('0084')) digits = digits.slice(4);
  else if (digits.startsWith('84')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else return false;
  return digits.length >= 9 && digits.length <= 10;
}

function scrubPhones(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (!isPhoneChar(text[i]!) || text[i] === ' ') {
      out += text[i];
      i++;
      continue;
    }
    let e = i;
    while (e < text.length && isPhoneChar(text[e]!)) e++;
    // Trailing spaces belong to the text after the run.
    while (e > i + 1 && text[e - 1] === ' ') e--;
    const run = text.slice(i, e);
    // Digits glued to letters (ids like C0000001, hashes) are not phone numbers.
    const glued = (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1]!)) || (e < text.length && /[A-Za-z0-9_]/.test(text[e]!));
    // A bare number in JSON (after : , or [) is a figure, not a contact: masking it would also break the JSON.
    const jsonNumber = i > 0 && /[:,[]/.test(text[i - 1]!) && /^\d+$/.test(run);
    if (!glued && !jsonNumber && phoneOf(run)) {
      out += maskPhone(`${run.replace(/^\(/, '').startsWith('+') ? '+' : ''}${run.replace(/\D/g, '')}`);
    } else out += run;
    i = e;
  }
  return out;
}

/**
 * Masks every email and Vietnamese phone number in a text. With `percentEncoded` (log lines:
 * request URLs) %40, %2B and %20 are decoded first so encoded contacts are caught too; answers
 * are scrubbed without it (a signed URL must keep its bytes).
 */
export function scrubText(text: string, percentEncoded = false): string {
  const decoded = percentEncoded && /%(40|2B|20)/i.test(text) ? text.replace(/%40/gi, '@').replace(/%2B/gi, '+').replace(/%20/g, ' ') : text;
  return scrubPhones(scrubEmails(decoded));
}

/** A JSON-serializable value with every email and phone in it masked (timeline rows and payloads for an ANALYST). */
export function scrubJson<T>(value: T): T {
  return JSON.parse(scrubText(JSON.stringify(value))) as T;
}
