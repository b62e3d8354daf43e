import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SOURCES, EVENT_TYPES, REQUIRED_PAYLOAD_KEYS } from '../common/events';
import { CASE_SESSION_GAP_MS } from '../common/model';
import { FIRST_RESPONSE_SLA_MS, SEVERE_BREACH_MS } from '../backend/pipeline/notifications';
import { MAX_NOTES_CHARS } from '../backend/pipeline/caseAccumulator';

// The Flink job's Java functions restate the envelope rules of common/: this keeps the two equal,
// so the embedded pipeline and the Flink SQL job cannot drift apart on what a valid event is.
const java = (name: string) => readFileSync(new URL(`../flink-sql/udf/src/main/java/com/cs360/flink/${name}`, import.meta.url), 'utf8');
const rules = java('EventRules.java');

const quoted = (block: string) => [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`${start} not found`);
  return text.slice(from + start.length, text.indexOf(end, from + start.length));
};

describe('Flink UDF rules (flink-sql/udf) match common/', () => {
  it('knows the same event types and sources', () => {
    expect(quoted(between(rules, 'EVENT_TYPES = Set.of(', ');')).sort()).toEqual([...EVENT_TYPES].sort());
    expect(quoted(between(rules, 'EVENT_SOURCES = Set.of(', ');')).sort()).toEqual([...EVENT_SOURCES].sort());
  });

  it('requires the same payload keys per type', () => {
    const block = between(rules, 'REQUIRED_PAYLOAD_KEYS = Map.ofEntries(', ');\n');
    const entries = [...block.matchAll(/Map\.entry\("([^"]+)", List\.of\(([^)]*)\)\)/g)].map((m) => [m[1], quoted(m[2]!)]);
    expect(Object.fromEntries(entries)).toEqual(Object.fromEntries(Object.entries(REQUIRED_PAYLOAD_KEYS).map(([k, v]) => [k, [...v]])));
  });

  it('uses the same session gap, SLA limits and notes window', () => {
    // Java constants written as products: `30L * 60 * 1000`, `4000`, `10_000`.
    const ms = (expr: string) => expr.split('*').reduce((acc, f) => acc * Number(f.trim().replace(/L$/, '').replace(/_/g, '')), 1);
    expect(ms(between(rules, 'CASE_SESSION_GAP_MS =', ';'))).toBe(CASE_SESSION_GAP_MS);
    expect(ms(between(rules, 'FIRST_RESPONSE_SLA_MS =', ';'))).toBe(FIRST_RESPONSE_SLA_MS);
    expect(ms(between(rules, 'SEVERE_BREACH_MS =', ';'))).toBe(SEVERE_BREACH_MS);
    expect(ms(between(java('CaseRow.java'), 'MAX_NOTES_CHARS =', ';'))).toBe(MAX_NOTES_CHARS);
  });
});
