import { z } from 'zod';
import { CUSTOMER_ID, formatCustomerId } from '../../common/ids';
import { CUSTOMER_SEGMENTS, type CustomerProfile, type CustomerSegment } from '../../common/model';
import { normalizeVnPhone } from '../../common/phone';
import { emailFor, type NamePool } from './names';
import { CITIES, MOBILE_PREFIXES, PHONE_FORMATS } from './places';
import { hash32, Rng, Weighted } from './rng';
import { DAY } from './time';

/**
 * A customer as the source systems hold it: the profile's shape, but contact details as people
 * typed them (emails with capitals or stray spaces; phones as 0912 345 678, +84912345678,
 * 84-912-345-678, (+84) 912.345.678 …), not yet normalised.
 */
export type RawCustomer = CustomerProfile;

const SEGMENTS = new Weighted<CustomerSegment>([
  ['NEW', 18],
  ['REGULAR', 42],
  ['LOYAL', 20],
  ['VIP', 5],
  ['AT_RISK', 15],
]);
/** How many events a customer of each segment makes, relative to a regular one. */
const ACTIVITY: Record<CustomerSegment, number> = { NEW: 0.35, REGULAR: 1, LOYAL: 1.9, VIP: 3.2, AT_RISK: 0.8 };

export interface CustomerTraits {
  rng: Rng;
  segment: CustomerSegment;
  /** Relative share of the event budget. */
  weight: number;
}

/**
 * A customer's own random stream starts with the segment and activity, so the generator can size
 * every customer's history up front without generating anything else.
 */
export function customerTraits(seed: number, n: number): CustomerTraits {
  const rng = new Rng(seed, n);
  const segment = SEGMENTS.pick(rng);
  return { rng, segment, weight: ACTIVITY[segment] * rng.real(0.4, 1.6) };
}

export interface CustomerPlan {
  raw: RawCustomer;
  n: number;
  rng: Rng;
  reseller: boolean;
  /** The customer's events fall in [historyStartMs, historyEndMs]. */
  historyStartMs: number;
  historyEndMs: number;
}

const PHONE_SPACE = 10_000_000;
/**
 * Multiplier coprime with 10^7: slot ↦ (slot·M + offset) mod 10^7 is a bijection, so subscriber
 * numbers never repeat. Customer n owns slots 2n and 2n + 1 (customers < 5,000,000).
 */
const PHONE_MULTIPLIER = 3_141_593;

function subscriberDigits(seed: number, slot: number): string {
  const offset = hash32(seed, 0x9e0) % PHONE_SPACE;
  return String((slot * PHONE_MULTIPLIER + offset) % PHONE_SPACE).padStart(7, '0');
}

function rawPhone(rng: Rng, seed: number, slot: number): string {
  const national = MOBILE_PREFIXES.pick(rng).slice(1) + subscriberDigits(seed, slot);
  return rng.pick(PHONE_FORMATS)(national);
}

/** People type emails with capitals and spaces; the profile stores them folded. */
function rawEmail(rng: Rng, email: string): string {
  if (!rng.chance(0.15)) return email;
  const capitalised = email[0]!.toUpperCase() + email.slice(1);
  return rng.chance(0.5) ? ` ${capitalised}` : capitalised;
}

export function planCustomer(traits: CustomerTraits, options: { seed: number; n: number; endMs: number; spanDays: number; whale: boolean; names: NamePool }): CustomerPlan {
  const { rng } = traits;
  const { seed, n, endMs, whale } = options;
  const segment: CustomerSegment = whale ? 'VIP' : traits.segment;
  const span = options.spanDays * DAY;
  const spanStart = endMs - span;
  const full_name = options.names.fullName(rng);
  const city = whale ? rng.pick(['TP. Hồ Chí Minh', 'Hà Nội']) : CITIES.pick(rng);

  let created_at: number;
  let historyStartMs = spanStart;
  let historyEndMs = endMs;
  if (segment === 'NEW') {
    created_at = endMs - Math.floor(rng.real(1, Math.min(45, options.spanDays)) * DAY);
    historyStartMs = created_at;
  } else if (!whale && rng.chance(0.3)) {
    created_at = spanStart + Math.floor(rng.real(0, 0.7) * span);
    historyStartMs = created_at;
  } else created_at = spanStart - Math.floor(rng.real(0, 700) * DAY);
  if (segment === 'AT_RISK') {
    // Went quiet months ago: that is what puts them at risk.
    const quietDays = Math.min(rng.real(90, 240), (endMs - historyStartMs) / DAY / 2);
    historyEndMs = endMs - Math.floor(quietDays * DAY);
  }

  const emails = [rawEmail(rng, emailFor(rng, full_name, n))];
  if (rng.chance(0.3)) emails.push(rawEmail(rng, emailFor(rng, full_name, n * 10 + 7)));
  const phones = [rawPhone(rng, seed, 2 * n)];
  if (rng.chance(0.35)) phones.push(rawPhone(rng, seed, 2 * n + 1));

  return {
    raw: { customer_id: formatCustomerId(n), full_name, emails, phones, city, segment, created_at },
    n,
    rng,
    reseller: whale,
    historyStartMs,
    historyEndMs,
  };
}

const rawCustomerSchema = z.object({
  customer_id: z.string().regex(CUSTOMER_ID),
  full_name: z.string().trim().min(1).max(200),
  emails: z.array(z.string()).max(10),
  phones: z.array(z.string()).max(10),
  city: z.string().trim().min(1).max(100),
  segment: z.enum(CUSTOMER_SEGMENTS),
  created_at: z.number().int().nonnegative(),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The profile the console shows and searches: E.164 phones, folded emails, no duplicates. */
export function normalizeCustomer(raw: RawCustomer): CustomerProfile | { reason: string } {
  const parsed = rawCustomerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `${issue?.path.join('.') || 'customer'}: ${issue?.message ?? 'invalid'}` };
  }
  const r = parsed.data;
  const phones: string[] = [];
  for (const p of r.phones) {
    const e164 = normalizeVnPhone(p);
    if (e164 === null) return { reason: `phones: "${p}" is not a Vietnamese phone number` };
    if (!phones.includes(e164)) phones.push(e164);
  }
  const emails: string[] = [];
  for (const e of r.emails) {
    const folded = e.trim().toLowerCase();
    if (!EMAIL.test(folded)) return { reason: `emails: "${e}" is not an email address` };
    if (!emails.includes(folded)) emails.push(folded);
  }
  if (phones.length === 0 && emails.length === 0) return { reason: 'customer has neither phone nor email' };
  return {
    customer_id: r.customer_id,
    full_name: r.full_name.normalize('NFC').replace(/\s+/g, ' '),
    emails,
    phones,
    city: r.city,
    segment: r.segment,
    created_at: r.created_at,
  };
}
