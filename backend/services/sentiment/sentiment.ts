import { ACCENTED_ONLY, CONTRAST, EN, NEGATORS, VI, type Entry } from './lexicon';

/**
 * Sentiment of a customer support message (SP-04), Vietnamese (with or without diacritics) and
 * English, computed locally from the lexicon in ./lexicon.ts: the sum of the scores of the words
 * and phrases found, longest phrase first; a negator ("không", "chưa", "ko", "not", "haven't")
 * changes the scores of the next NEGATION_SCOPE words of its clause; after a contrast ("nhưng",
 * "but") the clause counts three times as much as what came before it. Linear in the input, which
 * is cut at MAX_CHARS; no regular expression runs over the input. Measured against the npm
 * libraries on fixtures/sentiment/labelled.jsonl by `npm run bench -- sentiment`
 * (docs/decisions.md).
 */
export type Sentiment = 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE';

/** Longer messages are judged on their first MAX_CHARS characters. */
export const MAX_CHARS = 2000;
const MAX_PHRASE = 4;
const NEGATION_SCOPE = 3;
/** A score at or beyond ±THRESHOLD is POSITIVE / NEGATIVE. */
const THRESHOLD = 1;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const BOUNDARY = '\u0000';
const CLAUSE_END = new Set([',', '.', '!', '?', ';', ':', '\n', '(', ')', '…', '-', '–', '—', '/']);
const APOSTROPHES = new Set(["'", '’']);

/** Unaccented form of one lower-case character: Vietnamese letters lose their marks, đ becomes d. */
const foldCache = new Map<string, string>();
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0xc0 || (cp > 0x24f && (cp < 0x1e00 || cp > 0x1eff))) return ch;
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = ch === 'đ' ? 'd' : ch.normalize('NFD').slice(0, 1);
    foldCache.set(ch, folded);
  }
  return folded;
}

export function fold(word: string): string {
  let out = '';
  for (const ch of word) out += foldChar(ch);
  return out;
}

/** What a word or phrase is: a scored entry, a negator, a contrast; a phrase may be more than one. */
interface Meaning {
  entry?: Entry;
  negator?: true;
  contrast?: true;
}

interface Lookup {
  /** Keys as written, with diacritics (and English). */
  accented: Map<string, Meaning>;
  /** Keys without diacritics, for words typed without them. */
  folded: Map<string, Meaning>;
  /** The first words of every phrase, in both forms: a longer phrase is looked for only after one. */
  prefixes: Set<string>;
}

function buildLookup(): Lookup {
  const accented = new Map<string, Meaning>();
  const folded = new Map<string, Meaning>();
  const prefixes = new Set<string>();
  const addPrefixes = (key: string) => {
    for (let at = key.indexOf(' '); at > 0; at = key.indexOf(' ', at + 1)) prefixes.add(key.slice(0, at));
  };
  const add = (key: string, meaning: Meaning, accentedOnly: boolean) => {
    accented.set(key, { ...accented.get(key), ...meaning });
    addPrefixes(key);
    if (accentedOnly) return;
    const f = fold(key);
    const old = folded.get(f) ?? {};
    // An entry written without diacritics wins its unaccented key; otherwise the first one does.
    const keepOld = meaning.entry !== undefined && old.entry !== undefined && f !== key;
    folded.set(f, keepOld ? { ...old, ...meaning, entry: old.entry } : { ...old, ...meaning });
    addPrefixes(f);
  };
  for (const [key, entry] of [...Object.entries(VI), ...Object.entries(EN)]) add(key, { entry }, ACCENTED_ONLY.has(key));
  for (const key of NEGATORS) add(key, { negator: true }, false);
  for (const key of CONTRAST) add(key, { contrast: true }, false);
  return { accented, folded, prefixes };
}

const LEXICON = buildLookup();

interface Tokens {
  words: string[];
  folded: string[];
  /** The word has no diacritics (typed unaccented, or English). */
  plain: boolean[];
}

/** A letter or digit of the lower-cased text (ASCII first, without allocating). */
function isWordChar(ch: string): boolean {
  if (ch.length === 1 && ch.charCodeAt(0) < 128) return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  return ch !== ch.toUpperCase();
}

/** Words, emoji that the lexicon knows, and clause boundaries (BOUNDARY), in one pass. */
function tokenize(text: string): Tokens {
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word) words.push(word);
    word = '';
  };
  const boundary = () => {
    flush();
    if (words.length && words[words.length - 1] !== BOUNDARY) words.push(BOUNDARY);
  };
  for (const ch of text) {
    if (isWordChar(ch)) word += ch;
    else if (APOSTROPHES.has(ch) && word) word += "'";
    else if (CLAUSE_END.has(ch)) boundary();
    else {
      flush();
      if (LEXICON.accented.has(ch)) words.push(ch);
    }
  }
  flush();
  const folded = words.map(fold);
  return { words, folded, plain: words.map((w, i) => w === folded[i]) };
}

interface Match {
  entry?: [Entry, number];
  negator?: number;
  contrast?: number;
}

/** The longest phrase of each kind starting at word i, within the clause, with the number of words it takes. */
function match(t: Tokens, i: number): Match {
  const found: Match = {};
  let accentedKey = '';
  let foldedKey = '';
  let plain = true;
  for (let n = 1; n <= MAX_PHRASE && i + n <= t.words.length; n++) {
    const j = i + n - 1;
    if (t.words[j] === BOUNDARY) break;
    accentedKey = n === 1 ? t.words[j]! : `${accentedKey} ${t.words[j]}`;
    foldedKey = n === 1 ? t.folded[j]! : `${foldedKey} ${t.folded[j]}`;
    plain &&= t.plain[j]!;
    const key = plain ? foldedKey : accentedKey;
    const meaning = plain ? LEXICON.folded.get(key) : LEXICON.accented.get(key);
    if (meaning) {
      if (meaning.entry !== undefined) found.entry = [meaning.entry, n];
      if (meaning.negator) found.negator = n;
      if (meaning.contrast) found.contrast = n;
    }
    if (!LEXICON.prefixes.has(key)) break;
  }
  return found;
}

function entryScore(entry: Entry, negated: boolean): number {
  if (typeof entry !== 'number') return negated ? entry[1] : entry[0];
  if (!negated) return entry;
  return entry > 0 ? -entry : -entry * 0.5;
}

/** The message's score: below zero negative, above positive (see THRESHOLD). */
export function sentimentScore(text: string): number {
  const t = tokenize(text.slice(0, MAX_CHARS).toLowerCase().normalize('NFC'));
  let before = 0;
  let current = 0;
  let contrast = false;
  let negation = 0;
  for (let i = 0; i < t.words.length; ) {
    if (t.words[i] === BOUNDARY) {
      negation = 0;
      i++;
      continue;
    }
    const m = match(t, i);
    if (m.contrast) {
      before += current;
      current = 0;
      contrast = true;
      negation = 0;
      i += m.contrast;
      continue;
    }
    if (m.negator) {
      negation = NEGATION_SCOPE;
      i += m.negator;
      continue;
    }
    const used = m.entry ? m.entry[1] : 1;
    if (m.entry) current += entryScore(m.entry[0], negation > 0);
    negation = Math.max(0, negation - used);
    i += used;
  }
  return contrast ? before * BEFORE_CONTRAST + current * AFTER_CONTRAST : current;
}

export function sentimentOf(text: string): Sentiment {
  const score = sentimentScore(text);
  if (score >= THRESHOLD) return 'POSITIVE';
  if (score <= -THRESHOLD) return 'NEGATIVE';
  return 'NEUTRAL';
}
